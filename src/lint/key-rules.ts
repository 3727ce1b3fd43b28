import * as path from "node:path";
import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LintCatalog, LintFile } from "./catalog-tree.js";
import { locationOf, type LintReporter } from "./lint-reporter.js";

/**
 * Reports keys defined twice in one catalog across its files (the loader
 * already reports duplicates inside one file), and keys that differ only in
 * Unicode normalization, which look the same but are different lookup keys.
 */
export function checkCatalogKeys(
  catalog: LintCatalog,
  reporter: LintReporter,
): void {
  if (catalog.files.length > 1) checkDuplicatesAcrossFiles(catalog, reporter);
  checkNfcDuplicates(catalog, reporter);
}

function checkDuplicatesAcrossFiles(
  catalog: LintCatalog,
  reporter: LintReporter,
): void {
  const first = new Map<string, CatalogEntry>();
  for (const file of catalog.files) {
    for (const [key, entry] of file.entries) {
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, entry);
        continue;
      }
      reporter.atEntry(
        "duplicate-key",
        catalog,
        entry,
        `key '${key}' of catalog '${catalog.name}' is already defined in '${path.basename(earlier.file ?? "")}' at line ${earlier.line}; the loader reads only the first file of a catalog, so merge the files and keep one definition`,
        undefined,
        locationOf(earlier),
      );
    }
  }
}

const ASCII = /^[\x00-\x7F]*$/;

function checkNfcDuplicates(
  catalog: LintCatalog,
  reporter: LintReporter,
): void {
  // ASCII text is already in NFC, so most catalogs need no normalization at all.
  if (!catalog.files.some(hasNonAsciiKey)) return;

  const byNormalized = new Map<string, CatalogEntry>();
  for (const file of catalog.files) {
    for (const [key, entry] of file.entries) {
      const normalized = ASCII.test(key) ? key : key.normalize("NFC");
      const earlier = byNormalized.get(normalized);
      if (!earlier) {
        byNormalized.set(normalized, entry);
        continue;
      }
      if (earlier.key === key) continue;
      reporter.atEntry(
        "nfc-duplicate-key",
        catalog,
        entry,
        `key '${key}' equals key '${earlier.key}' (${describeLocation(earlier)}) after Unicode NFC normalization, but lookups compare keys code unit by code unit, so the two look the same and are different keys; keep one and write it in NFC`,
        undefined,
        locationOf(earlier),
      );
    }
  }
}

function hasNonAsciiKey(file: LintFile): boolean {
  for (const key of file.entries.keys()) {
    if (!ASCII.test(key)) return true;
  }
  return false;
}

function describeLocation(entry: CatalogEntry): string {
  return `${path.basename(entry.file ?? "")} line ${entry.line}`;
}
