import type { Model } from "messageformat";
import type { MessagePart } from "../parse/message-ast.js";
import type { Mf2Selector, Mf2Variant } from "../mf2/mf2-summary.js";

/**
 * A MessageFormat 2 catalog message, parsed and validated once when the
 * catalog loads (see `compileMf2`). Rendering builds `MessageFormat`
 * instances from `message` and never parses the source again.
 */
export interface Mf2Entry {
  /** The MF2 data model. */
  readonly message: Model.Message;
  /** The `.match` selectors, empty for a message without `.match`. */
  readonly selectors: readonly Mf2Selector[];
  /** The `.match` variants in source order. */
  readonly variants: readonly Mf2Variant[];
  /** Variables read from the arguments, without `$`, sorted. */
  readonly variables: readonly string[];
  /** Functions called, without `:`, sorted. */
  readonly functions: readonly string[];
}

/** One message of a catalog, parsed when the catalog loads. */
export interface CatalogEntry {
  key: string;
  /** The value exactly as written in the catalog. */
  text: string;
  /** The parsed message; rendering never parses again. Empty for MF2 messages. */
  parts: readonly MessagePart[];
  /**
   * Set for a MessageFormat 2 message, written in YAML with the `!mf2` tag;
   * `text` is then its MF2 source.
   */
  mf2?: Mf2Entry;
  /** Where the value starts (1-based), when it came from a file. */
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The messages of one catalog in one locale, such as `enum` in `de`.
 * `module` is empty for core catalogs and names the extension module
 * (`ExtensionResourceInfo.module`) otherwise.
 */
export interface Catalog {
  name: string;
  locale: string;
  module: string;
  entries: Map<string, CatalogEntry>;
  /** Files the catalog was read from. */
  files: string[];
}

export function createCatalog(
  name: string,
  locale: string,
  module = "",
): Catalog {
  return { name, locale, module, entries: new Map(), files: [] };
}

/** A message found by a lookup, with the locale of the catalog that had it. */
export interface FoundEntry {
  entry: CatalogEntry;
  locale: string;
}

/**
 * All loaded catalogs, indexed by locale and catalog name. Locales are in
 * vSphere form (`en`, `de`, `zh_CN`).
 */
export class CatalogSet {
  private readonly byLocale = new Map<string, Map<string, Catalog>>();
  /**
   * Lookup results per locale chain array and catalog, filled as keys are
   * read. Keyed by the array itself, so callers that keep their chain array
   * (sessions do) reuse the same results.
   */
  private views = new WeakMap<
    readonly string[],
    Map<string, Map<string, FoundEntry | null>>
  >();

  /**
   * Counts changes: `changed` (and so `add` and `delete`) increments it, so
   * anything derived from the catalogs can tell when to rebuild.
   */
  revision = 0;

  /** Adds a catalog, replacing one with the same locale and name. */
  add(catalog: Catalog): void {
    let catalogs = this.byLocale.get(catalog.locale);
    if (!catalogs) {
      catalogs = new Map();
      this.byLocale.set(catalog.locale, catalogs);
    }
    catalogs.set(catalog.name, catalog);
    this.changed();
  }

  /** Removes the catalog of a locale and name; returns whether there was one. */
  delete(locale: string, name: string): boolean {
    const removed = this.byLocale.get(locale)?.delete(name) ?? false;
    if (removed) this.changed();
    return removed;
  }

  /**
   * Drops cached lookups. `add` and `delete` call it; call it after changing
   * a catalog's `entries` in place, or lookups may return old entries.
   */
  changed(): void {
    this.views = new WeakMap();
    this.revision++;
  }

  get(locale: string, name: string): Catalog | undefined {
    return this.byLocale.get(locale)?.get(name);
  }

  /** Locales that have at least one catalog, sorted. */
  locales(): string[] {
    return [...this.byLocale.keys()].sort();
  }

  /** Catalog names present in any locale, sorted. */
  catalogNames(): string[] {
    const names = new Set<string>();
    for (const catalogs of this.byLocale.values()) {
      for (const name of catalogs.keys()) names.add(name);
    }
    return [...names].sort();
  }

  /** Returns every catalog, in locale then name order. */
  all(): Catalog[] {
    return this.locales().flatMap((locale) =>
      [...this.byLocale.get(locale)!.values()].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
  }

  hasCatalog(name: string): boolean {
    for (const catalogs of this.byLocale.values()) {
      if (catalogs.has(name)) return true;
    }
    return false;
  }

  /** Finds `key` in catalog `name`, trying each locale of `chain` in order. */
  lookup(
    chain: readonly string[],
    name: string,
    key: string,
  ): FoundEntry | undefined {
    const view = this.viewOf(chain, name);
    const cached = view.get(key);
    if (cached !== undefined) return cached ?? undefined;

    let found: FoundEntry | null = null;
    for (const locale of chain) {
      const entry = this.byLocale.get(locale)?.get(name)?.entries.get(key);
      if (entry) {
        found = { entry, locale };
        break;
      }
    }
    // Keys come from clients too, so misses are cached only up to a bound.
    if (found || view.size < MAX_CACHED_KEYS) view.set(key, found);
    return found ?? undefined;
  }

  private viewOf(chain: readonly string[], name: string) {
    let byName = this.views.get(chain);
    if (!byName) {
      byName = new Map();
      this.views.set(chain, byName);
    }
    let view = byName.get(name);
    if (!view) {
      view = new Map();
      byName.set(name, view);
    }
    return view;
  }
}

/** Cached lookups per chain and catalog before misses stop being cached. */
const MAX_CACHED_KEYS = 100_000;
