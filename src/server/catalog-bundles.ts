/**
 * The compiled catalog bundles the server serves: one `buildBundles` build
 * of the catalogs in use (base catalogs with extension resources merged),
 * shared by `LocalizationManager.catalog`, the `/catalogs/` files and the
 * demo page. A build is made on first use after the catalogs change, so a
 * catalog generation is compiled once however many clients ask.
 */
import { createHash } from "node:crypto";
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from "fastify";
import type { Manifest, ManifestEntry } from "../browser/bundle-format.js";
import { buildBundles, MANIFEST_PATH } from "../bundle/build-bundles.js";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import type { CatalogState } from "./catalog-layers.js";

/** One served file of a build. */
export interface BundleFile {
  body: Buffer;
  md5sum: string;
  /** The strong entity tag: the MD5 in quotes. */
  etag: string;
  lastModified: Date;
}

/** A build of one catalog generation. */
export interface ServedBuild {
  generation: number;
  /** The manifest as served, `lastModified` kept per unchanged bundle. */
  manifest: Manifest;
  /** Files by path relative to the manifest, the manifest included. */
  files: ReadonlyMap<string, BundleFile>;
  /** Manifest entries by locale, in catalog name order. */
  byLocale: ReadonlyMap<string, readonly ManifestEntry[]>;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Diagnostics logged one by one per build; the rest are counted. */
const LOGGED_DIAGNOSTICS = 20;

export class CatalogBundles {
  private build: ServedBuild | undefined;
  /**
   * The build before the current one. Its bundle files stay available, so
   * a client that listed the catalogs just before a change can still
   * download what the list named.
   */
  private previous: ServedBuild | undefined;

  constructor(
    private readonly state: CatalogState,
    private readonly defaultLocale: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Returns the build of the catalogs in use, compiling it when they changed. */
  current(): ServedBuild {
    if (this.build?.generation !== this.state.generation) {
      this.previous = this.build;
      this.build = this.compile();
    }
    return this.build;
  }

  /**
   * Returns a file of the current build, or a bundle of the previous one.
   * The manifest always comes from the current build.
   */
  file(relativePath: string): BundleFile | undefined {
    const found = this.current().files.get(relativePath);
    if (found || relativePath === MANIFEST_PATH) return found;
    return this.previous?.files.get(relativePath);
  }

  private compile(): ServedBuild {
    const started = performance.now();
    const { generation, changedAt } = this.state;
    const result = buildBundles(this.state.engine.catalogs, {
      defaultLocale: this.defaultLocale,
      lastModified: changedAt,
    });

    // A bundle whose bytes did not change keeps the date it first appeared.
    const earlier = new Map<string, string>();
    for (const entry of this.build?.manifest.catalogs ?? []) {
      earlier.set(entry.catalogUri, entry.lastModified);
    }
    const entries = result.manifest.catalogs.map((entry) => ({
      ...entry,
      lastModified: earlier.get(entry.catalogUri) ?? entry.lastModified,
    }));
    const manifest: Manifest = { ...result.manifest, catalogs: entries };

    const files = new Map<string, BundleFile>();
    const byLocale = new Map<string, ManifestEntry[]>();
    for (const entry of entries) {
      const text = result.files.get(entry.catalogUri);
      if (text === undefined) continue;
      files.set(entry.catalogUri, {
        body: Buffer.from(text, "utf8"),
        md5sum: entry.md5sum,
        etag: `"${entry.md5sum}"`,
        lastModified: new Date(entry.lastModified),
      });
      const list = byLocale.get(entry.locale) ?? [];
      list.push(entry);
      byLocale.set(entry.locale, list);
    }
    // The same layout as buildBundles writes, with the adjusted dates.
    const manifestBody = Buffer.from(
      `${JSON.stringify(manifest, null, 2)}\n`,
      "utf8",
    );
    const manifestMd5 = createHash("md5").update(manifestBody).digest("hex");
    files.set(MANIFEST_PATH, {
      body: manifestBody,
      md5sum: manifestMd5,
      etag: `"${manifestMd5}"`,
      lastModified: changedAt,
    });

    this.log.info(
      {
        generation,
        bundles: entries.length,
        bytes: [...files.values()].reduce((sum, f) => sum + f.body.length, 0),
        ms: Math.round(performance.now() - started),
        diagnostics: result.diagnostics.length,
      },
      "catalog bundles built",
    );
    for (const diagnostic of result.diagnostics.slice(0, LOGGED_DIAGNOSTICS)) {
      this.log.warn(
        {
          generation,
          code: diagnostic.code,
          key: diagnostic.key,
          locale: diagnostic.locale,
          catalog: diagnostic.catalog,
        },
        `catalog bundle build: ${formatDiagnostic(diagnostic)}`,
      );
    }
    if (result.diagnostics.length > LOGGED_DIAGNOSTICS) {
      this.log.warn(
        {
          generation,
          notLogged: result.diagnostics.length - LOGGED_DIAGNOSTICS,
        },
        "catalog bundle build: more diagnostics not logged",
      );
    }
    return { generation, manifest, files, byLocale };
  }
}

/**
 * Reports whether an `If-None-Match` header matches an entity tag: `*`, or
 * any tag of its comma-separated list. Tags compare weakly (a `W/` prefix
 * is ignored), as RFC 9110 requires for `If-None-Match`.
 */
export function matchesEntityTag(
  header: string | string[] | undefined,
  etag: string,
): boolean {
  if (header === undefined) return false;
  const list = Array.isArray(header) ? header.join(",") : header;
  return list.split(",").some((item) => {
    const tag = item.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/**
 * Sends a bundle file with its entity tag, or 304 with no body when the
 * request's `If-None-Match` matches it.
 */
export function sendBundleFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: BundleFile,
  cacheControl: string,
): FastifyReply {
  reply
    .header("etag", file.etag)
    .header("last-modified", file.lastModified.toUTCString())
    .header("cache-control", cacheControl)
    .header("x-content-type-options", "nosniff");
  if (matchesEntityTag(request.headers["if-none-match"], file.etag)) {
    return reply.code(304).send();
  }
  return reply
    .type(JSON_CONTENT_TYPE)
    .header("content-md5", Buffer.from(file.md5sum, "hex").toString("base64"))
    .send(file.body);
}
