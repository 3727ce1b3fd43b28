import { CatalogSet, createCatalog } from "../../src/catalogs/catalog.js";
import { parseMessage } from "../../src/parse/parse-message.js";

/** Texts by locale, then catalog name, then key. */
export type CatalogTexts = Record<
  string,
  Record<string, Record<string, string>>
>;

/** Builds a CatalogSet in memory; throws when a text does not parse. */
export function buildCatalogs(texts: CatalogTexts): CatalogSet {
  const catalogs = new CatalogSet();
  for (const [locale, byName] of Object.entries(texts)) {
    for (const [name, entries] of Object.entries(byName)) {
      const catalog = createCatalog(name, locale);
      for (const [key, text] of Object.entries(entries)) {
        const parsed = parseMessage(text);
        if (!parsed.ok)
          throw new Error(`${locale}/${name} ${key}: ${parsed.error.message}`);
        catalog.entries.set(key, { key, text, parts: parsed.parts });
      }
      catalogs.add(catalog);
    }
  }
  return catalogs;
}
