import * as fs from "node:fs/promises";
import * as path from "node:path";
import {
  CATALOG_NAME_PATTERN,
  selectCatalogFiles,
  selectLocaleDirectories,
  sortEntries,
  type CatalogFile,
  type DirectoryEntry,
} from "../catalogs/catalog-paths.js";
import { parseCatalogYaml } from "../catalogs/parse-catalog-yaml.js";
import type { Diagnostic, DiagnosticCode } from "../diagnostics/diagnostic.js";
import {
  LintFile,
  type CatalogTree,
  type LintCatalog,
} from "./catalog-tree.js";

const CATALOG_EXTENSION = /\.ya?ml$/i;

/**
 * Codes with which parseCatalogYaml leaves out a whole file or an unknown
 * part of it. `limit-exceeded` can also be one over-long message, but over
 * `maxKeysPerCatalog` it drops every key after the limit, and only the
 * message text tells the two apart.
 */
const INCOMPLETE_FILE_CODES = new Set<DiagnosticCode>([
  "invalid-utf8",
  "yaml-syntax",
  "yaml-tab-indent",
  "yaml-multiple-documents",
  "yaml-not-mapping",
  "limit-exceeded",
]);

/**
 * Reads a catalog directory laid out as `<dir>/<locale>/<catalog>.yaml`,
 * reporting what the loader reports. Unlike the loader, it also parses a
 * second file of one catalog (`enum.yml` next to `enum.yaml`): the loader
 * skips that file, and lint still reports the keys it defines twice.
 */
export async function readCatalogTree(dir: string): Promise<CatalogTree> {
  const tree: CatalogTree = {
    dir,
    localeDirs: new Map(),
    catalogs: new Map(),
    files: new Map(),
    diagnostics: [],
  };
  const rootEntries = await listDirectory(dir);
  if (rootEntries instanceof Error) {
    tree.diagnostics.push({
      code: "file-read",
      severity: "error",
      message: `failed to read catalog directory '${dir}': ${rootEntries.message}; check the path, which must contain one directory per locale, such as 'en/enum.yaml'`,
      file: dir,
    });
    return tree;
  }

  const directories = selectLocaleDirectories(
    dir,
    rootEntries,
    tree.diagnostics,
  );
  for (const directory of directories) {
    tree.localeDirs.set(directory.locale, directory.path);
    const entries = await listDirectory(directory.path);
    if (entries instanceof Error) {
      tree.diagnostics.push({
        code: "file-read",
        severity: "error",
        message: `failed to read locale directory '${directory.path}': ${entries.message}; check its permissions`,
        file: directory.path,
        locale: directory.locale,
      });
      continue;
    }
    // selectCatalogFiles reports a second file of one catalog; lint reads it too.
    selectCatalogFiles(directory, entries, tree.diagnostics);
    const files: CatalogFile[] = [];
    for (const entry of entries) {
      const catalog = catalogName(entry);
      if (catalog === undefined) continue;
      const filePath = path.join(directory.path, entry.name);
      files.push({ locale: directory.locale, catalog, path: filePath });
    }
    // One locale at a time, as the loader reads, so a large tree does not open every file at once.
    const contents = await Promise.all(
      files.map((file) => readFile(file.path)),
    );
    files.forEach((file, index) => {
      addFile(tree, file, contents[index]!);
    });
  }
  return tree;
}

/** Returns the catalog name of a listing entry that the loader would consider, else undefined. */
function catalogName(entry: DirectoryEntry): string | undefined {
  if (!entry.isFile || entry.name.startsWith(".")) return undefined;
  if (!CATALOG_EXTENSION.test(entry.name)) return undefined;
  const name = entry.name.replace(CATALOG_EXTENSION, "");
  return CATALOG_NAME_PATTERN.test(name) ? name : undefined;
}

function addFile(
  tree: CatalogTree,
  file: CatalogFile,
  content: Uint8Array | Error,
): void {
  const context = { locale: file.locale, catalog: file.catalog };
  let byName = tree.catalogs.get(file.locale);
  if (!byName) {
    byName = new Map();
    tree.catalogs.set(file.locale, byName);
  }
  let catalog: LintCatalog | undefined = byName.get(file.catalog);
  if (!catalog) {
    catalog = {
      ...context,
      name: file.catalog,
      files: [],
      entries: new Map(),
      incomplete: false,
      failedKeys: new Set(),
    };
    byName.set(file.catalog, catalog);
  }

  if (content instanceof Error) {
    tree.diagnostics.push({
      code: "file-read",
      severity: "error",
      message: `failed to read catalog file '${file.path}': ${content.message}; check that the file exists and is readable`,
      file: file.path,
      ...context,
    });
    catalog.incomplete = true;
    return;
  }
  const parsed = parseCatalogYaml(content, file.path, context);
  for (const diagnostic of parsed.diagnostics)
    tree.diagnostics.push(diagnostic);
  for (const diagnostic of parsed.diagnostics) {
    if (INCOMPLETE_FILE_CODES.has(diagnostic.code)) catalog.incomplete = true;
    if (diagnostic.key !== undefined) catalog.failedKeys.add(diagnostic.key);
  }
  const lintFile = new LintFile(
    file.path,
    file.locale,
    file.catalog,
    content,
    parsed.entries,
  );
  tree.files.set(file.path, lintFile);
  mergeEntries(catalog, lintFile);
  catalog.files.push(lintFile);
}

/**
 * Adds the entries of `file` that the catalog does not have yet. The first
 * file's map becomes the catalog's map, so a catalog with one file (the
 * usual case) needs no copy. A second file makes a merged copy.
 */
function mergeEntries(catalog: LintCatalog, file: LintFile): void {
  if (catalog.files.length === 0) {
    catalog.entries = file.entries;
    return;
  }
  if (catalog.entries === catalog.files[0]!.entries) {
    catalog.entries = new Map(catalog.entries);
  }
  for (const [key, entry] of file.entries) {
    if (!catalog.entries.has(key)) catalog.entries.set(key, entry);
  }
}

/** Lists a directory sorted by name, following symbolic links as the loader does. */
async function listDirectory(dir: string): Promise<DirectoryEntry[] | Error> {
  try {
    const dirents = await fs.readdir(dir, { withFileTypes: true });
    const entries: DirectoryEntry[] = [];
    for (const dirent of dirents) {
      let stats: { isDirectory(): boolean; isFile(): boolean } = dirent;
      if (dirent.isSymbolicLink()) {
        // A broken link is listed as a file, so reading it reports file-read.
        stats = await fs
          .stat(path.join(dir, dirent.name))
          .catch(() => ({ isDirectory: () => false, isFile: () => true }));
      }
      entries.push({
        name: dirent.name,
        isDirectory: stats.isDirectory(),
        isFile: stats.isFile(),
      });
    }
    return sortEntries(entries);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function readFile(file: string): Promise<Uint8Array | Error> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
