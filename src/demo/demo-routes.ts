/**
 * Routes of the demo page under `/demo/`: the page, its script, the
 * locmsg/browser runtime (the compiled files in `dist/browser/`) and the
 * bundles of the server's current catalogs. The bundles are the build that
 * `LocalizationManager.catalog` lists (src/server/catalog-bundles.ts), made
 * again after the catalogs change, for example when an extension registers
 * its resources.
 *
 * The bundles need no login, like the page, because they contain the same
 * texts that every session may read through `LocalizationManager`.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import { MANIFEST_PATH } from "../bundle/build-bundles.js";
import {
  sendBundleFile,
  type CatalogBundles,
} from "../server/catalog-bundles.js";
import { VimFault } from "../server/faults.js";
import { DEMO_HTML } from "./demo-page.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
// src/demo and dist/demo both sit two levels below the package root.
const RUNTIME_DIR = path.resolve(HERE, "../../dist/browser");
const PAGE_SCRIPT = path.join(HERE, "page", "demo.js");
/** The runtime files that demo.js imports. */
const RUNTIME_ENTRY_POINTS = ["index.js", "mf2.js"];

const JAVASCRIPT = "text/javascript; charset=utf-8";
// The page loads scripts and data from this server only.
const CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function sendFile(reply: FastifyReply, type: string, body: string | Buffer) {
  return reply
    .type(type)
    .header("x-content-type-options", "nosniff")
    .send(body);
}

/** Creates the 404 fault for a demo file that does not exist. */
function demoFileNotFound(url: string): VimFault {
  return new VimFault(
    "NotFound",
    `No demo file '${url.split("?")[0]!.slice(0, 200)}'; the demo page is /demo/.`,
    {},
    404,
  );
}

/**
 * Registers `/demo/` on `app`, serving the bundles of `bundles` and the
 * locmsg/browser files of `runtimeDir`. A missing runtime is logged once
 * here, because it is the server's installation that lacks it.
 */
export function registerDemoRoutes(
  app: FastifyInstance,
  bundles: CatalogBundles,
  runtimeDir = RUNTIME_DIR,
): void {
  const missing = RUNTIME_ENTRY_POINTS.filter(
    (file) => !existsSync(path.join(runtimeDir, file)),
  );
  if (missing.length > 0) {
    app.log.warn(
      { dir: runtimeDir, missing },
      "the demo page cannot run: the compiled locmsg/browser files are missing; run 'npm run build' in the locmsg package before starting the server",
    );
  }

  app.get("/demo", (_request, reply) => reply.redirect("/demo/"));
  app.get("/demo/", (_request, reply) =>
    reply
      .header("content-security-policy", CSP)
      .type("text/html; charset=utf-8")
      .send(DEMO_HTML),
  );
  app.get("/demo/demo.js", async (_request, reply) =>
    sendFile(reply, JAVASCRIPT, await readFile(PAGE_SCRIPT)),
  );

  app.get<{ Params: { file: string } }>(
    "/demo/locmsg-browser/:file",
    async (request, reply) => {
      const { file } = request.params;
      if (!/^[a-z0-9-]+\.js$/.test(file)) throw demoFileNotFound(request.url);
      let body: Buffer;
      try {
        body = await readFile(path.join(runtimeDir, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        throw demoFileNotFound(request.url);
      }
      return sendFile(reply, JAVASCRIPT, body);
    },
  );

  app.get<{ Params: { "*": string } }>("/demo/bundles/*", (request, reply) => {
    const relative = request.params["*"];
    const file = bundles.file(relative);
    if (file === undefined) throw demoFileNotFound(request.url);
    // Bundle names carry a content hash; the manifest must be fetched anew.
    return sendBundleFile(
      request,
      reply,
      file,
      relative === MANIFEST_PATH
        ? "no-cache"
        : "public, max-age=31536000, immutable",
    );
  });
}
