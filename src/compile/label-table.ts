import type { CatalogEntry, CatalogSet } from "../catalogs/catalog.js";

/**
 * Labels of one `{name.@catalog.prefix}` by the value's text: the label's
 * text when it is plain text, else its entry, which renders with the
 * message's arguments.
 */
export type LabelTable = Map<string, string | CatalogEntry>;

const SUFFIX = ".label";

/** Returns an entry's text when it is plain text, with no placeholder or MF2. */
export function plainText(entry: CatalogEntry): string | undefined {
  if (entry.mf2) return undefined;
  let text = "";
  for (const part of entry.parts) {
    if (typeof part !== "string") return undefined;
    text += part;
  }
  return text;
}

/**
 * Indexes the labels that `{name.@catalog.prefix}` can reach by the value's
 * text: the entry of key `prefix.<text>.label` (or `<text>.label` without a
 * prefix) in the first locale of the chain that has it, as the general
 * path's lookup finds it. Built once per chain, catalog and prefix, so a
 * lookup is one map read.
 */
export function buildLabelTable(
  catalogs: CatalogSet,
  chain: readonly string[],
  catalog: string,
  prefix: string,
): LabelTable {
  const table: LabelTable = new Map();
  const start = prefix === "" ? "" : `${prefix}.`;
  // Later locales first, so an earlier locale of the chain replaces them.
  for (const locale of [...chain].reverse()) {
    const entries = catalogs.get(locale, catalog)?.entries;
    if (!entries) continue;
    for (const [key, entry] of entries) {
      if (
        key.length >= start.length + SUFFIX.length &&
        key.startsWith(start) &&
        key.endsWith(SUFFIX)
      ) {
        const value = key.slice(start.length, -SUFFIX.length);
        table.set(value, plainText(entry) ?? entry);
      }
    }
  }
  return table;
}
