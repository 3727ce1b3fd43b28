/**
 * vSphere faults as the VI/JSON API returns them: HTTP 500 with the fault
 * object as the body, its `_typeName` the fault type and its properties
 * those vSphere documents for that type. `msg` carries a human-readable
 * explanation, as the SOAP `faultstring` does.
 */
import { moRef, type WireMoRef } from "./wire.js";

export class VimFault extends Error {
  /** Sent as the `Retry-After` header when set. */
  retryAfterSeconds: number | undefined;

  constructor(
    /** The vSphere fault type, such as `InvalidArgument`. */
    readonly faultType: string,
    message: string,
    /** The fault's own properties, in wire form. */
    readonly properties: Record<string, unknown> = {},
    /**
     * 500 for every method fault; problems outside a method may use 400,
     * 404, 408, 413, 414, 431 or 503.
     */
    readonly statusCode = 500,
  ) {
    super(message);
    this.name = "VimFault";
  }

  /** Returns the fault as the response body. */
  toWire(): Record<string, unknown> {
    return { _typeName: this.faultType, ...this.properties, msg: this.message };
  }
}

export function invalidArgument(
  invalidProperty: string,
  message: string,
): VimFault {
  return new VimFault("InvalidArgument", message, { invalidProperty });
}

export function invalidState(message: string): VimFault {
  return new VimFault("InvalidState", message);
}

/** Creates the fault for a request the server cannot read: malformed JSON, wrong types, unknown fields. */
export function invalidRequest(message: string, statusCode = 500): VimFault {
  return new VimFault("InvalidRequest", message, {}, statusCode);
}

export function invalidLogin(): VimFault {
  return new VimFault(
    "InvalidLogin",
    "Cannot complete login due to an incorrect user name or password.",
  );
}

/**
 * Creates the fault for a password check rejected because too many are
 * waiting: `SystemError`, vSphere's fault for a low-level system error,
 * with HTTP 503 so that clients and proxies retry later.
 */
export function passwordChecksBusy(limits: {
  maxConcurrent: number;
  maxQueued: number;
}): VimFault {
  const fault = new VimFault(
    "SystemError",
    `The server is busy checking passwords (${limits.maxConcurrent} checks running and ${limits.maxQueued} waiting); retry the login in a few seconds.`,
    { reason: "too many password checks waiting" },
    503,
  );
  fault.retryAfterSeconds = 1;
  return fault;
}

export function invalidLocale(message: string): VimFault {
  return new VimFault("InvalidLocale", message);
}

function permissionProperties(object: WireMoRef, privilegeId: string) {
  return {
    object,
    privilegeId,
    missingPrivileges: [
      {
        _typeName: "NoPermissionEntityPrivileges",
        entity: object,
        privilegeIds: [privilegeId],
      },
    ],
  };
}

/** No session, or an expired one: `NotAuthenticated` extends `NoPermission`. */
export function notAuthenticated(
  object: WireMoRef,
  privilegeId: string,
  message = `The session is not authenticated: log in with SessionManager.Login and send the session id in the 'vmware-api-session-id' header, or send Basic credentials. Calling ${object.type} '${object.value}' needs privilege '${privilegeId}'.`,
): VimFault {
  return new VimFault(
    "NotAuthenticated",
    message,
    permissionProperties(object, privilegeId),
  );
}

export function noPermission(
  object: WireMoRef,
  privilegeId: string,
  userName: string,
): VimFault {
  return new VimFault(
    "NoPermission",
    `Permission to perform this operation was denied: user '${userName}' lacks privilege '${privilegeId}' on ${object.type} '${object.value}'.`,
    permissionProperties(object, privilegeId),
  );
}

export function managedObjectNotFound(type: string, value: string): VimFault {
  return new VimFault(
    "ManagedObjectNotFound",
    `The object '${type}:${value}' has already been deleted or has not been completely created.`,
    { obj: moRef(type, value) },
  );
}

export function notFound(message: string): VimFault {
  return new VimFault("NotFound", message);
}

export function notSupported(message: string): VimFault {
  return new VimFault("NotSupported", message);
}
