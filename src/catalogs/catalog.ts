import type { MessagePart } from "../parse/message-ast.js";

/** The compiled form of a MessageFormat 2 catalog message. */
export interface Mf2Entry {
  /** Filled in when the catalog loads, by the MF2 support in src/mf2/. */
  compiled?: unknown;
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

  /** Adds a catalog, replacing one with the same locale and name. */
  add(catalog: Catalog): void {
    let catalogs = this.byLocale.get(catalog.locale);
    if (!catalogs) {
      catalogs = new Map();
      this.byLocale.set(catalog.locale, catalogs);
    }
    catalogs.set(catalog.name, catalog);
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

  /** Every catalog, in locale then name order. */
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
    for (const locale of chain) {
      const entry = this.byLocale.get(locale)?.get(name)?.entries.get(key);
      if (entry) return { entry, locale };
    }
    return undefined;
  }
}
