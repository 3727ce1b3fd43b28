import * as path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";

/** Names a catalog file may have, without its extension. */
export const CATALOG_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

const CATALOG_EXTENSION = /\.ya?ml$/i;

/** One entry of a directory listing, with symbolic links already followed. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** A directory `<root>/<name>` whose name is a locale. */
export interface LocaleDirectory {
  /** The locale in vSphere form, such as `de_DE` for `de-DE`. */
  locale: string;
  path: string;
}

/** A file `<root>/<locale>/<catalog>.yaml` or `.yml`. */
export interface CatalogFile {
  locale: string;
  catalog: string;
  path: string;
}

/** Sorts a listing by name in code unit order, which does not depend on the system locale. */
export function sortEntries(entries: DirectoryEntry[]): DirectoryEntry[] {
  return entries.sort((a, b) => compareCodeUnits(a.name, b.name));
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * Picks the locale directories of a catalog root from its sorted listing.
 * Files and hidden entries are ignored. A name that is no locale, or a
 * second name for a locale already found (`de-DE` after `de_DE`), is
 * reported as `invalid-catalog-path` and skipped.
 */
export function selectLocaleDirectories(
  root: string,
  entries: readonly DirectoryEntry[],
  diagnostics: Diagnostic[],
): LocaleDirectory[] {
  const selected = new Map<string, LocaleDirectory>();
  for (const entry of entries) {
    if (!entry.isDirectory || entry.name.startsWith(".")) continue;
    const dirPath = path.join(root, entry.name);
    const locale = normalizeVsphereLocale(entry.name);
    if (locale === undefined) {
      diagnostics.push({
        code: "invalid-catalog-path",
        severity: "error",
        message: `directory '${entry.name}' is not named after a locale, so its catalogs are not loaded; rename it to a locale such as 'de' or 'zh_CN', or move it out of the catalog directory`,
        file: dirPath,
      });
      continue;
    }
    const first = selected.get(locale);
    if (first) {
      diagnostics.push({
        code: "invalid-catalog-path",
        severity: "error",
        message: `directories '${first.path}' and '${dirPath}' both name locale '${locale}', and only the first is loaded; merge them into one directory`,
        file: dirPath,
        locale,
        related: { file: first.path },
      });
      continue;
    }
    selected.set(locale, { locale, path: dirPath });
  }
  return [...selected.values()];
}

/**
 * Picks the catalog files of a locale directory from its sorted listing.
 * Entries other than `.yaml` and `.yml` files are ignored. An invalid
 * catalog name, or a second file for a catalog already found (`enum.yml`
 * after `enum.yaml`), is reported as `invalid-catalog-path` and skipped.
 */
export function selectCatalogFiles(
  directory: LocaleDirectory,
  entries: readonly DirectoryEntry[],
  diagnostics: Diagnostic[],
): CatalogFile[] {
  const selected = new Map<string, CatalogFile>();
  for (const entry of entries) {
    if (!entry.isFile || entry.name.startsWith(".")) continue;
    if (!CATALOG_EXTENSION.test(entry.name)) continue;
    const filePath = path.join(directory.path, entry.name);
    const catalog = entry.name.replace(CATALOG_EXTENSION, "");
    const { locale } = directory;
    if (!CATALOG_NAME_PATTERN.test(catalog)) {
      diagnostics.push({
        code: "invalid-catalog-path",
        severity: "error",
        message: `catalog name '${catalog}' is invalid, so the file is not loaded; rename the file so that the name starts with a letter and contains only letters, digits, '_' and '-'`,
        file: filePath,
        locale,
      });
      continue;
    }
    const first = selected.get(catalog);
    if (first) {
      diagnostics.push({
        code: "invalid-catalog-path",
        severity: "error",
        message: `catalog '${catalog}' of locale '${locale}' is also defined by '${first.path}', so this file is not loaded; keep one file per catalog`,
        file: filePath,
        locale,
        catalog,
        related: { file: first.path },
      });
      continue;
    }
    selected.set(catalog, { locale, catalog, path: filePath });
  }
  return [...selected.values()];
}
