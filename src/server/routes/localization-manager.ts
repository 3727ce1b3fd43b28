/**
 * `LocalizationManager.catalog`: the catalogs of the caller's message
 * locale and its fallback chain, with the URIs that serve them.
 */
import type { FastifyInstance } from "fastify";
import {
  authenticate,
  requirePrivilege,
  requireSingleton,
} from "../authorize.js";
import { catalogUri } from "../catalog-bundles.js";
import type { ServerContext } from "../context.js";
import { VimFault } from "../faults.js";
import { dateTime, moRef } from "../wire.js";

const TYPE = "LocalizationManager";
const VIEW = "System.View";

interface Params {
  moId: string;
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
    const catalogs = context.state.engine.catalogs;
    const list: Record<string, unknown>[] = [];
    for (const locale of new Set(session.localeChain)) {
      for (const name of catalogs.catalogNames()) {
        const bundle = context.bundles.get(
          catalogs,
          context.state.generation,
          locale,
          name,
          context.now(),
        );
        if (!bundle) continue;
        list.push({
          _typeName: "LocalizationManagerMessageCatalog",
          moduleName: bundle.moduleName,
          catalogName: bundle.catalogName,
          locale: bundle.locale,
          catalogUri: catalogUri(bundle.locale, bundle.catalogName),
          lastModified: dateTime(bundle.lastModified),
          md5sum: bundle.md5sum,
          version: bundle.version,
        });
      }
    }
    return list;
  });
}

/**
 * `GET /catalogs/{locale}/{catalog}.json`: one catalog file. It needs the
 * same credentials as the API, and returns 304 for a matching `If-None-Match`.
 */
export function catalogFileRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  app.get<{ Params: { locale: string; file: string } }>(
    "/catalogs/:locale/:file",
    async (request, reply) => {
      const object = moRef(TYPE, TYPE);
      const caller = await authenticate(context, request, object, VIEW);
      requirePrivilege(caller, object, VIEW);
      const { locale, file } = request.params;
      const name = file.endsWith(".json")
        ? file.slice(0, -".json".length)
        : undefined;
      const catalogs = context.state.engine.catalogs;
      const bundle =
        name === undefined
          ? undefined
          : context.bundles.get(
              catalogs,
              context.state.generation,
              locale,
              name,
              context.now(),
            );
      if (!bundle) {
        throw new VimFault(
          "NotFound",
          `No catalog '${file}' for locale '${locale}'; LocalizationManager.catalog lists the catalog URIs.`,
          {},
          404,
        );
      }
      const etag = `"${bundle.md5sum}"`;
      reply
        .header("etag", etag)
        .header("last-modified", bundle.lastModified.toUTCString())
        .header(
          "content-md5",
          Buffer.from(bundle.md5sum, "hex").toString("base64"),
        );
      if (request.headers["if-none-match"] === etag)
        return reply.code(304).send();
      return reply.type(bundle.contentType).send(bundle.body);
    },
  );
}
