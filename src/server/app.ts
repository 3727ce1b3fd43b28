/**
 * The locmsg server: a subset of the vSphere VI/JSON API under
 * `/sdk/vim25/{release}`, for sessions with locales, extension task types
 * and resources, and tasks localized per session. `docs/server.md`
 * describes the endpoints, authentication and faults.
 */
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type { CatalogSet } from "../catalogs/catalog.js";
import type { Locmsg } from "../engine/locmsg.js";
import { registerDemoRoutes } from "../demo/demo-routes.js";
import type { ServerConfig } from "./config.js";
import { ServerContext } from "./context.js";
import { createClientErrorHandler } from "./client-errors.js";
import { handleError } from "./error-handler.js";
import { invalidRequest } from "./faults.js";
import { registerJsonParser } from "./json-body.js";
import { extensionManagerRoutes } from "./routes/extension-manager.js";
import {
  catalogFileRoutes,
  localizationManagerRoutes,
} from "./routes/localization-manager.js";
import { sessionManagerRoutes } from "./routes/session-manager.js";
import { taskManagerRoutes } from "./routes/task-manager.js";
import { taskRoutes } from "./routes/task.js";

export interface ServerOptions {
  config: ServerConfig;
  /**
   * The base catalogs; extension resources are merged over them. An engine
   * made by `Locmsg.fromDirectory` also lets `context.reloadCatalogs` read
   * its folder again.
   */
  catalogs: CatalogSet | Locmsg;
  /** Fastify's logger option; pino with JSON lines on stdout when left out. */
  logger?: FastifyServerOptions["logger"];
  /**
   * Folder of the compiled locmsg/browser files that the demo page loads;
   * the package's `dist/browser` when left out.
   */
  demoRuntimeDir?: string;
}

export interface LocmsgServer {
  app: FastifyInstance;
  context: ServerContext;
}

/** Builds the server without listening; call `app.listen` to start it. */
export async function buildServer(
  options: ServerOptions,
): Promise<LocmsgServer> {
  const app = Fastify({
    logger: options.logger ?? true,
    bodyLimit: options.config.limits.maxRequestBodyBytes,
    // URLs the router cannot decode get a fault body, as every other error.
    frameworkErrors: handleError,
    clientErrorHandler: createClientErrorHandler(),
    ajv: {
      // vSphere rejects unknown properties and wrong types instead of
      // dropping or converting them, and so does this server.
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: false,
        allErrors: false,
      },
    },
  });
  const context = new ServerContext(options.config, options.catalogs, app.log);

  registerJsonParser(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const fault = invalidRequest(
      `No such method or property: ${request.method} ${request.url.split("?")[0]}. Paths have the form /sdk/vim25/{release}/{type}/{moId}/{method or property}.`,
      404,
    );
    request.log.info(
      { fault: fault.faultType, url: request.url },
      "request rejected with a fault",
    );
    return reply.code(404).type("application/json").send(fault.toWire());
  });
  // A method without parameters may come with no body at all.
  app.addHook("preValidation", async (request) => {
    if (request.method === "POST" && request.body == null) request.body = {};
  });
  app.addHook("onClose", async () => context.close());

  await app.register(
    async (api) => {
      sessionManagerRoutes(api, context);
      taskManagerRoutes(api, context);
      taskRoutes(api, context);
      extensionManagerRoutes(api, context);
      localizationManagerRoutes(api, context);
    },
    { prefix: "/sdk/vim25/:release" },
  );
  catalogFileRoutes(app, context);
  // The demo page (docs/bundles.md): a task list rendered by locmsg/browser.
  registerDemoRoutes(app, context.bundles, options.demoRuntimeDir);
  return { app, context };
}
