/**
 * `LocalizationManager.catalog`: the compiled bundles of the caller's
 * message locale and its fallback chain, and the `/catalogs/` files that
 * serve them.
 */
import type { FastifyInstance } from "fastify";
import type { ManifestEntry } from "../../browser/bundle-format.js";
import { MANIFEST_PATH } from "../../bundle/build-bundles.js";
import {
  authenticate,
  requirePrivilege,
  requireSingleton,
} from "../authorize.js";
import { sendBundleFile } from "../catalog-bundles.js";
import type { ServerContext } from "../context.js";
import { VimFault } from "../faults.js";
import { moRef } from "../wire.js";

const TYPE = "LocalizationManager";
const VIEW = "System.View";

/** The path prefix of the bundle files, with which every `catalogUri` starts. */
export const CATALOG_FILES_PREFIX = "/catalogs/";

/** Catalogs vSphere treats as core, listed with an empty module name. */
const CORE_CATALOGS = new Set(["locmsg", "enum"]);

/**
 * Bundle names carry a content hash, so a file never changes; `private`
 * because the server hands it out only with credentials.
 */
const BUNDLE_CACHE_CONTROL = "private, max-age=31536000, immutable";

interface Params {
  moId: string;
}

/** Encodes one manifest entry as a `LocalizationManagerMessageCatalog`. */
function messageCatalog(entry: ManifestEntry): Record<string, unknown> {
  return {
    _typeName: "LocalizationManagerMessageCatalog",
    // Catalogs loaded from a folder have no module in the manifest; vSphere
    // lists the core catalogs without one and the others under their module.
    moduleName: CORE_CATALOGS.has(entry.catalogName)
      ? ""
      : entry.moduleName || entry.catalogName,
    catalogName: entry.catalogName,
    locale: entry.locale,
    catalogUri: `${CATALOG_FILES_PREFIX}${entry.catalogUri
      .split("/")
      .map(encodeURIComponent)
      .join("/")}`,
    lastModified: entry.lastModified,
    md5sum: entry.md5sum,
    version: entry.version,
  };
}

export function localizationManagerRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  app.get<{ Params: Params }>(`/${TYPE}/:moId/catalog`, async (request) => {
    const object = moRef(TYPE, request.params.moId);
    const caller = await authenticate(context, request, object, VIEW);
    requireSingleton(TYPE, request.params.moId);
    requirePrivilege(caller, object, VIEW);

    const session = context.rendering(caller);
    const build = context.bundles.current();
    const list: Record<string, unknown>[] = [];
    for (const locale of new Set(session.localeChain)) {
      for (const entry of build.byLocale.get(locale) ?? []) {
        list.push(messageCatalog(entry));
      }
    }
    return list;
  });
}

/**
 * `GET /catalogs/{path}`: a bundle file that `LocalizationManager.catalog`
 * lists, or `/catalogs/manifest.json`, which a client needs to render with
 * `createLocmsg` of locmsg/browser. They need the same credentials as the
 * API. The entity tag is the file's MD5, and a matching `If-None-Match`
 * gets 304.
 */
export function catalogFileRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  app.get<{ Params: { "*": string } }>(
    `${CATALOG_FILES_PREFIX}*`,
    async (request, reply) => {
      const object = moRef(TYPE, TYPE);
      const caller = await authenticate(context, request, object, VIEW);
      requirePrivilege(caller, object, VIEW);
      const relative = request.params["*"];
      const file = context.bundles.file(relative);
      if (!file) {
        throw new VimFault(
          "NotFound",
          `No catalog file '${relative}'; LocalizationManager.catalog lists the catalog URIs of the catalogs in use.`,
          {},
          404,
        );
      }
      return sendBundleFile(
        request,
        reply,
        file,
        relative === MANIFEST_PATH ? "private, no-cache" : BUNDLE_CACHE_CONTROL,
      );
    },
  );
}
