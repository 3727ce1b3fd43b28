import * as path from "node:path";
import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LintCatalog } from "./catalog-tree.js";
import { locationOf, type LintReporter } from "./lint-reporter.js";
import { placeholdersOf } from "./message-placeholders.js";
import { checkWhitespace } from "./whitespace-rule.js";

/**
 * Compares one catalog of a translation with the same catalog of the
 * default locale: keys missing or extra, placeholders added, dropped or
 * given another label lookup, and leading or trailing whitespace.
 */
export function compareCatalog(
  base: LintCatalog,
  translation: LintCatalog,
  reporter: LintReporter,
): void {
  // A file that did not parse hides its keys. Then a translation misses no
  // key, and the default locale lacks none of the translation's keys.
  if (!translation.incomplete) {
    for (const [key, entry] of base.entries) {
      if (translation.entries.has(key) || translation.failedKeys.has(key)) {
        continue;
      }
      reportMissingKey(base, translation, entry, reporter);
    }
  }
  const baseKeysNfc = base.incomplete ? undefined : normalizedKeys(base);
  for (const [key, entry] of translation.entries) {
    const original = base.entries.get(key);
    if (original) {
      comparePlaceholders(base, original, translation, entry, reporter);
      checkWhitespace(base, original, translation, entry, reporter);
    } else if (baseKeysNfc && !base.failedKeys.has(key)) {
      reportExtraKey(base, translation, entry, baseKeysNfc, reporter);
    }
  }
}

function reportMissingKey(
  base: LintCatalog,
  translation: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  const file = translation.files[0]!.path;
  reporter.at(
    "missing-key",
    {
      file,
      locale: translation.locale,
      catalog: translation.name,
      key: entry.key,
    },
    `key '${entry.key}' of catalog '${base.name}' is missing in locale '${translation.locale}', so it renders in '${base.locale}'; add a translation to '${path.basename(file)}'`,
    locationOf(entry),
  );
}

function reportExtraKey(
  base: LintCatalog,
  translation: LintCatalog,
  entry: CatalogEntry,
  normalized: Map<string, string>,
  reporter: LintReporter,
): void {
  const twin = normalized.get(entry.key.normalize("NFC"));
  const hint =
    twin === undefined
      ? `remove it, or add the key to '${base.locale}/${base.name}' first`
      : `'${base.locale}' has the key as '${twin}', which differs only in Unicode normalization; write both in NFC`;
  reporter.atEntry(
    "extra-key",
    translation,
    entry,
    `key '${entry.key}' is in locale '${translation.locale}' but not in the default locale '${base.locale}', so it is probably left over from a renamed or removed key; ${hint}`,
  );
}

/** Maps the NFC form of each non-ASCII key of a catalog to the key as written. */
function normalizedKeys(catalog: LintCatalog): Map<string, string> {
  const normalized = new Map<string, string>();
  for (const key of catalog.entries.keys()) {
    if (/[^\x00-\x7F]/.test(key)) normalized.set(key.normalize("NFC"), key);
  }
  return normalized;
}

/** Writes a placeholder's label lookup as one comparable string, empty without one. */
function labelSpec(label: { catalog: string; prefix: string } | undefined) {
  return label ? `@${label.catalog}.${label.prefix}` : "";
}

function comparePlaceholders(
  base: LintCatalog,
  original: CatalogEntry,
  translation: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  if (!original.mf2 && !entry.mf2 && samePlaceholders(original, entry)) {
    return;
  }
  const expected = placeholdersOf(original);
  const actual = placeholdersOf(entry);
  // MF2 has no label lookups, so labels are compared only between templates.
  const compareLabels = !original.mf2 && !entry.mf2;

  const expectedLabels = new Map<string, Map<string, string>>();
  for (const placeholder of expected) {
    let labels = expectedLabels.get(placeholder.argument);
    if (!labels) expectedLabels.set(placeholder.argument, (labels = new Map()));
    labels.set(labelSpec(placeholder.label), placeholder.written);
  }

  const reported = new Set<string>();
  const used = new Set<string>();
  for (const placeholder of actual) {
    used.add(placeholder.argument);
    const labels = expectedLabels.get(placeholder.argument);
    if (!labels) {
      if (reported.has(placeholder.argument)) continue;
      reported.add(placeholder.argument);
      const known = [...expectedLabels.values()].map(
        (byLabel) => [...byLabel.values()][0],
      );
      const choices =
        known.length === 0
          ? "it has none"
          : `it has ${known.map((written) => `'${written}'`).join(", ")}`;
      reporter.atEntry(
        "unknown-placeholder",
        translation,
        entry,
        `placeholder '${placeholder.written}' in key '${entry.key}' reads an argument that the '${base.locale}' message does not use, so callers do not send it (${choices}); use a placeholder of the '${base.locale}' message`,
        placeholder.offset,
        locationOf(original),
      );
      continue;
    }
    if (compareLabels && !labels.has(labelSpec(placeholder.label))) {
      const written = [...labels.values()]
        .map((text) => `'${text}'`)
        .join(", ");
      reporter.atEntry(
        "label-lookup-changed",
        translation,
        entry,
        `placeholder '${placeholder.written}' in key '${entry.key}' looks up argument '${placeholder.argument}' differently from the '${base.locale}' message, which writes ${written}; use the same catalog and prefix`,
        placeholder.offset,
        locationOf(original),
      );
    }
  }

  for (const [argument, labels] of expectedLabels) {
    if (used.has(argument)) continue;
    const written = [...labels.values()][0]!;
    reporter.atEntry(
      "dropped-placeholder",
      translation,
      entry,
      `key '${entry.key}' leaves out placeholder '${written}' of the '${base.locale}' message, so that value is not shown in '${translation.locale}'; add it, unless leaving it out is intended`,
      undefined,
      locationOf(original),
    );
  }
}

/**
 * Checks whether two templates write the same set of placeholders, order
 * aside. Most translations do, and comparing the placeholders as written
 * skips building the per-argument maps, which keeps large catalogs fast.
 */
function samePlaceholders(a: CatalogEntry, b: CatalogEntry): boolean {
  return containsPlaceholders(a, b) && containsPlaceholders(b, a);
}

/** Checks whether every placeholder of `a`, as written, also occurs in `b`. */
function containsPlaceholders(a: CatalogEntry, b: CatalogEntry): boolean {
  for (const part of a.parts) {
    if (typeof part !== "string" && !hasPlaceholder(b, part.source)) {
      return false;
    }
  }
  return true;
}

function hasPlaceholder(entry: CatalogEntry, source: string): boolean {
  for (const part of entry.parts) {
    if (typeof part !== "string" && part.source === source) return true;
  }
  return false;
}
