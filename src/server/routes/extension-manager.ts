/**
 * `ExtensionManager`: registering an extension makes its task types
 * available to CreateTask and merges its resources over the base catalogs
 * at once; unregistering removes both.
 */
import type { FastifyInstance } from "fastify";
import {
  authenticate,
  requirePrivilege,
  requireSingleton,
} from "../authorize.js";
import type { ServerContext } from "../context.js";
import type { ExtensionInput } from "../extensions.js";
import { invalidArgument, notFound } from "../faults.js";
import { bodySchema, extensionSchema } from "../schemas.js";
import { moRef } from "../wire.js";

const TYPE = "ExtensionManager";

interface Params {
  moId: string;
}

const extensionBody = bodySchema({ extension: extensionSchema }, ["extension"]);
const keyBody = bodySchema(
  { extensionKey: { type: "string", minLength: 1, maxLength: 256 } },
  ["extensionKey"],
);

export function extensionManagerRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  /** Authenticates, checks the manager id, then the privilege. */
  const open = async (
    request: Parameters<typeof authenticate>[1] & { params: Params },
    privilegeId: string,
  ) => {
    const object = moRef(TYPE, request.params.moId);
    const caller = await authenticate(context, request, object, privilegeId);
    requireSingleton(TYPE, request.params.moId);
    requirePrivilege(caller, object, privilegeId);
    return caller;
  };

  app.post<{ Params: Params; Body: { extension: ExtensionInput } }>(
    `/${TYPE}/:moId/RegisterExtension`,
    { schema: { body: extensionBody } },
    async (request, reply) => {
      await open(request, "Extension.Register");
      const { extension } = request.body;
      if (context.extensions.get(extension.key)) {
        throw invalidArgument(
          "extension.key",
          `Extension '${extension.key}' is already registered; use UpdateExtension to change it.`,
        );
      }
      const prepared = context.extensions.prepare(extension, context.now());
      context.extensions.put(prepared);
      context.rebuildCatalogs();
      request.log.info(
        {
          extensionKey: prepared.key,
          taskTypes: prepared.taskTypes.length,
          catalogs: prepared.catalogs.length,
        },
        "extension registered",
      );
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { extension: ExtensionInput } }>(
    `/${TYPE}/:moId/UpdateExtension`,
    { schema: { body: extensionBody } },
    async (request, reply) => {
      await open(request, "Extension.Update");
      const { extension } = request.body;
      if (!context.extensions.get(extension.key)) {
        throw notFound(
          `Extension '${extension.key}' is not registered; use RegisterExtension to add it.`,
        );
      }
      const prepared = context.extensions.prepare(extension, context.now());
      context.extensions.put(prepared);
      context.rebuildCatalogs();
      request.log.info({ extensionKey: prepared.key }, "extension updated");
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { extensionKey: string } }>(
    `/${TYPE}/:moId/UnregisterExtension`,
    { schema: { body: keyBody } },
    async (request, reply) => {
      await open(request, "Extension.Unregister");
      const { extensionKey } = request.body;
      if (!context.extensions.remove(extensionKey)) {
        throw notFound(`Extension '${extensionKey}' is not registered.`);
      }
      context.rebuildCatalogs();
      request.log.info({ extensionKey }, "extension unregistered");
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { extensionKey: string } }>(
    `/${TYPE}/:moId/FindExtension`,
    { schema: { body: keyBody } },
    async (request, reply) => {
      await open(request, "System.View");
      const extension = context.extensions.get(request.body.extensionKey);
      // An unknown key returns an unset result, not a fault.
      if (!extension) return reply.code(204).send();
      return extension.wire;
    },
  );

  app.get<{ Params: Params }>(
    `/${TYPE}/:moId/extensionList`,
    async (request) => {
      await open(request, "System.View");
      return context.extensions.list().map((extension) => extension.wire);
    },
  );
}
