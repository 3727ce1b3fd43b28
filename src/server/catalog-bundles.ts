/**
 * The catalog files `LocalizationManager.catalog` points to: each catalog
 * served as a JSON object `{key: text}`, with the MD5 of exactly the bytes
 * served. This module is the one place that decides the served form.
 */
import { createHash } from "node:crypto";
import type { Catalog, CatalogSet } from "../catalogs/catalog.js";
import { moduleOf } from "../formats/extension/catalogs-to-resources.js";

/** Catalogs vSphere treats as core, listed with an empty module name. */
const CORE_CATALOGS = new Set(["locmsg", "enum"]);

export interface CatalogBundle {
  locale: string;
  catalogName: string;
  moduleName: string;
  body: Buffer;
  contentType: string;
  md5sum: string;
  /** Bumped each time the served bytes change. */
  version: string;
  lastModified: Date;
}

/** Path of a catalog file relative to the server. */
export function catalogUri(locale: string, catalogName: string): string {
  return `/catalogs/${encodeURIComponent(locale)}/${encodeURIComponent(catalogName)}.json`;
}

export class CatalogBundles {
  private cachedGeneration = -1;
  private readonly bundles = new Map<string, CatalogBundle>();

  constructor(private readonly startTime: Date) {}

  /** Returns the bundle of one catalog, rebuilding the cache when the catalogs changed. */
  get(
    catalogs: CatalogSet,
    generation: number,
    locale: string,
    catalogName: string,
    now: Date,
  ): CatalogBundle | undefined {
    const catalog = catalogs.get(locale, catalogName);
    if (!catalog) return undefined;
    if (generation !== this.cachedGeneration) {
      // Catalogs loaded at start date from the start; later ones from their change.
      this.refresh(
        catalogs,
        this.cachedGeneration === -1 ? this.startTime : now,
      );
      this.cachedGeneration = generation;
    }
    return this.bundles.get(id(catalog));
  }

  private refresh(catalogs: CatalogSet, changedAt: Date): void {
    const live = new Set<string>();
    for (const catalog of catalogs.all()) {
      const catalogId = id(catalog);
      live.add(catalogId);
      const body = Buffer.from(JSON.stringify(toJson(catalog)), "utf8");
      const md5sum = createHash("md5").update(body).digest("hex");
      const previous = this.bundles.get(catalogId);
      if (previous?.md5sum === md5sum) continue;
      this.bundles.set(catalogId, {
        locale: catalog.locale,
        catalogName: catalog.name,
        moduleName: CORE_CATALOGS.has(catalog.name) ? "" : moduleOf(catalog),
        body,
        contentType: "application/json; charset=utf-8",
        md5sum,
        version: String(Number(previous?.version ?? "0") + 1),
        lastModified: changedAt,
      });
    }
    for (const catalogId of this.bundles.keys()) {
      if (!live.has(catalogId)) this.bundles.delete(catalogId);
    }
  }
}

function id(catalog: Catalog): string {
  return `${catalog.locale}/${catalog.name}`;
}

function toJson(catalog: Catalog): Record<string, string> {
  // A null-prototype object keeps keys such as `__proto__` as data.
  const json: Record<string, string> = Object.create(null);
  for (const [key, entry] of catalog.entries) json[key] = entry.text;
  return json;
}
