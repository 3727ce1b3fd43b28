/**
 * The catalogs the server renders with: the base catalogs loaded at start
 * or at the last reload, with the resources of every registered extension
 * merged over them. Each change of the extensions and each reload builds a
 * new CatalogSet and engine and bumps `generation`, so sessions and caches
 * know to refresh.
 */
import { CatalogSet, type Catalog } from "../catalogs/catalog.js";
import { Locmsg, type LocmsgOptions } from "../engine/locmsg.js";

/** The resources one extension adds, as catalogs. */
export interface ExtensionCatalogs {
  extensionKey: string;
  catalogs: readonly Catalog[];
}

/** A key that an extension's resources set over an earlier definition. */
export interface CatalogOverride {
  extensionKey: string;
  locale: string;
  catalog: string;
  key: string;
}

/**
 * Merges extension catalogs over the base ones, in the order given; a later
 * extension wins over an earlier one for the same key. Base catalogs that
 * no extension touches are shared, not copied.
 */
export function layerCatalogs(
  base: CatalogSet,
  layers: readonly ExtensionCatalogs[],
): { catalogs: CatalogSet; overrides: CatalogOverride[] } {
  const catalogs = new CatalogSet();
  for (const catalog of base.all()) catalogs.add(catalog);
  const copied = new Set<Catalog>();
  const overrides: CatalogOverride[] = [];

  for (const layer of layers) {
    for (const resource of layer.catalogs) {
      let target = catalogs.get(resource.locale, resource.name);
      if (!target) {
        target = { ...resource, entries: new Map(), files: [] };
        catalogs.add(target);
        copied.add(target);
      } else if (!copied.has(target)) {
        target = {
          ...target,
          entries: new Map(target.entries),
          files: [...target.files],
        };
        catalogs.add(target);
        copied.add(target);
      }
      for (const [key, entry] of resource.entries) {
        if (target.entries.has(key)) {
          overrides.push({
            extensionKey: layer.extensionKey,
            locale: resource.locale,
            catalog: resource.name,
            key,
          });
        }
        target.entries.set(key, entry);
      }
    }
  }
  return { catalogs, overrides };
}

export class CatalogState {
  engine: Locmsg;
  generation = 0;
  /** When the catalogs in use last changed: the start, a reload or an extension change. */
  changedAt: Date;
  /** The base catalogs; a `Locmsg.fromDirectory` engine can reload them. */
  private readonly source: Locmsg;

  constructor(
    base: CatalogSet | Locmsg,
    private readonly options: LocmsgOptions,
    now: Date,
  ) {
    this.source = base instanceof Locmsg ? base : new Locmsg(base, options);
    this.engine = new Locmsg(this.source.catalogs, options);
    this.changedAt = now;
  }

  get base(): CatalogSet {
    return this.source.catalogs;
  }

  /** Rebuilds the engine from the base catalogs and the extensions' layers. */
  rebuild(layers: readonly ExtensionCatalogs[], now: Date): CatalogOverride[] {
    const { catalogs, overrides } = layerCatalogs(this.base, layers);
    this.engine = new Locmsg(catalogs, this.options);
    this.generation++;
    this.changedAt = now;
    return overrides;
  }

  /**
   * Reads the base catalog folder again with `Locmsg.reload`, which keeps
   * the base catalogs when the read has an error. The caller rebuilds the
   * layers when `replaced` is true. Raises a TypeError when the base
   * catalogs did not come from `Locmsg.fromDirectory`. The reload applies
   * the same limits as the first load.
   */
  reloadBase(): ReturnType<Locmsg["reload"]> {
    return this.source.reload();
  }
}
