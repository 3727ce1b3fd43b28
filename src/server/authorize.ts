import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { Caller } from "./auth.js";
import type { ServerContext } from "./context.js";
import {
  managedObjectNotFound,
  noPermission,
  notAuthenticated,
} from "./faults.js";
import type { WireMoRef } from "./wire.js";

/**
 * Identifies the caller of a request, or raises `NotAuthenticated` naming
 * the object called and the privilege the call needs.
 */
export async function authenticate(
  context: ServerContext,
  request: FastifyRequest,
  object: WireMoRef,
  privilegeId: string,
): Promise<Caller> {
  const caller = await context.auth.authenticate(request.headers);
  if (!caller) throw notAuthenticated(object, privilegeId);
  const bindings = caller.session
    ? { userName: caller.user.userName, sessionKey: caller.session.key }
    : { userName: caller.user.userName };
  // pino's per-request logger takes the caller's bindings in place, because
  // a child logger per request took about 7% of the server's CPU time in a
  // profile of the Task info benchmark.
  const log = request.log as FastifyBaseLogger & {
    setBindings?: (bindings: object) => void;
  };
  if (typeof log.setBindings === "function") log.setBindings(bindings);
  else request.log = request.log.child(bindings);
  return caller;
}

/** Raises `NoPermission` when the caller lacks the privilege. */
export function requirePrivilege(
  caller: Caller,
  object: WireMoRef,
  privilegeId: string,
): void {
  if (!caller.user.privileges.has(privilegeId)) {
    throw noPermission(object, privilegeId, caller.user.userName);
  }
}

/** Authenticates and checks the privilege, for objects that always exist. */
export async function authorize(
  context: ServerContext,
  request: FastifyRequest,
  object: WireMoRef,
  privilegeId: string,
): Promise<Caller> {
  const caller = await authenticate(context, request, object, privilegeId);
  requirePrivilege(caller, object, privilegeId);
  return caller;
}

/**
 * Checks that a singleton manager is addressed by its id (`TaskManager`
 * for the TaskManager); any other id is `ManagedObjectNotFound`.
 */
export function requireSingleton(type: string, moId: string): void {
  if (moId !== type) throw managedObjectNotFound(type, moId);
}
