/**
 * Loads a catalog directory laid out as `<dir>/<locale>/<catalog>.yaml`.
 *
 * What is skipped and what is reported:
 * - Files directly in `<dir>`, hidden entries (names starting with `.`),
 *   subdirectories of a locale directory and files other than `.yaml` and
 *   `.yml` are ignored without a diagnostic.
 * - A locale directory whose name is not a locale, or that normalises to a
 *   locale already found (`de-DE` and `de_DE`), is reported as
 *   `invalid-catalog-path` and skipped. Listings are sorted, so the first
 *   name in code unit order is the one loaded.
 * - A catalog file with an invalid name, or a second file for the same
 *   catalog (`enum.yaml` and `enum.yml`), is reported as
 *   `invalid-catalog-path` and skipped.
 * - A directory or file that cannot be read is reported as `file-read`.
 * - Problems inside a file are reported as `parseCatalogYaml` describes.
 *   Every catalog file found creates a catalog, even when none of its
 *   entries load, so lookups fall back to other locales message by message.
 */
import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";
import * as path from "node:path";
import { CatalogSet, createCatalog } from "./catalog.js";
import { LocmsgError, type Diagnostic } from "../diagnostics/diagnostic.js";
import {
  selectCatalogFiles,
  selectLocaleDirectories,
  sortEntries,
  type CatalogFile,
  type DirectoryEntry,
  type LocaleDirectory,
} from "./catalog-paths.js";
import { parseCatalogYaml } from "./parse-catalog-yaml.js";
import { describeLimit, resolveLimits, type Limits } from "../limits.js";

export interface LoadOptions {
  /**
   * When true, the loader reads the whole directory and then throws a
   * `LocmsgError` that carries every diagnostic instead of returning them.
   * Default false.
   */
  strict?: boolean;
  /** Receives each diagnostic when `strict` is off. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Limits on file size, keys and messages; see src/limits.ts. */
  limits?: Partial<Limits>;
}

export interface LoadResult {
  catalogs: CatalogSet;
  diagnostics: Diagnostic[];
}

/** Loads every catalog under `dir`, following the policy at the top of this file. */
export async function loadCatalogDirectory(
  dir: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const catalogs = new CatalogSet();
  const diagnostics: Diagnostic[] = [];
  const limits = resolveLimits(options.limits);

  const rootEntries = await listDirectory(dir);
  if (rootEntries instanceof Error) {
    diagnostics.push(rootReadError(dir, rootEntries));
    return finishLoad(catalogs, diagnostics, options);
  }
  for (const directory of selectLocaleDirectories(
    dir,
    rootEntries,
    diagnostics,
  )) {
    const entries = await listDirectory(directory.path);
    if (entries instanceof Error) {
      diagnostics.push(localeReadError(directory, entries));
      continue;
    }
    const files = selectCatalogFiles(directory, entries, diagnostics);
    const contents = await Promise.all(
      files.map((file) => readFile(file.path, limits.maxCatalogFileBytes)),
    );
    files.forEach((file, index) => {
      addCatalog(catalogs, diagnostics, file, contents[index]!, limits);
    });
  }
  return finishLoad(catalogs, diagnostics, options);
}

/** Same as `loadCatalogDirectory`, with synchronous file access. */
export function loadCatalogDirectorySync(
  dir: string,
  options: LoadOptions = {},
): LoadResult {
  const catalogs = new CatalogSet();
  const diagnostics: Diagnostic[] = [];
  const limits = resolveLimits(options.limits);

  const rootEntries = listDirectorySync(dir);
  if (rootEntries instanceof Error) {
    diagnostics.push(rootReadError(dir, rootEntries));
    return finishLoad(catalogs, diagnostics, options);
  }
  for (const directory of selectLocaleDirectories(
    dir,
    rootEntries,
    diagnostics,
  )) {
    const entries = listDirectorySync(directory.path);
    if (entries instanceof Error) {
      diagnostics.push(localeReadError(directory, entries));
      continue;
    }
    for (const file of selectCatalogFiles(directory, entries, diagnostics)) {
      const content = readFileSync(file.path, limits.maxCatalogFileBytes);
      addCatalog(catalogs, diagnostics, file, content, limits);
    }
  }
  return finishLoad(catalogs, diagnostics, options);
}

function addCatalog(
  catalogs: CatalogSet,
  diagnostics: Diagnostic[],
  file: CatalogFile,
  content: Uint8Array | Error,
  limits: Limits,
): void {
  const catalog = createCatalog(file.catalog, file.locale);
  catalog.files.push(file.path);
  catalogs.add(catalog);

  const context = { locale: file.locale, catalog: file.catalog };
  if (content instanceof FileTooLargeError) {
    diagnostics.push({
      code: "limit-exceeded",
      severity: "error",
      message: content.message,
      file: file.path,
      ...context,
    });
    return;
  }
  if (content instanceof Error) {
    diagnostics.push({
      code: "file-read",
      severity: "error",
      message: `failed to read catalog file '${file.path}': ${content.message}; check that the file exists and is readable`,
      file: file.path,
      ...context,
    });
    return;
  }
  const parsed = parseCatalogYaml(content, file.path, context, limits);
  // The catalog was created above for this one file, so it takes the parsed map without a copy.
  catalog.entries = parsed.entries;
  // A loop, because spreading a huge array into push overflows the stack.
  for (const diagnostic of parsed.diagnostics) diagnostics.push(diagnostic);
}

function finishLoad(
  catalogs: CatalogSet,
  diagnostics: Diagnostic[],
  options: LoadOptions,
): LoadResult {
  if (options.strict && diagnostics.length > 0) {
    throw new LocmsgError(diagnostics);
  }
  for (const diagnostic of diagnostics) options.onDiagnostic?.(diagnostic);
  return { catalogs, diagnostics };
}

function rootReadError(dir: string, error: Error): Diagnostic {
  return {
    code: "file-read",
    severity: "error",
    message: `failed to read catalog directory '${dir}': ${error.message}; check the path, which must contain one directory per locale, such as 'en/enum.yaml'`,
    file: dir,
  };
}

function localeReadError(directory: LocaleDirectory, error: Error): Diagnostic {
  return {
    code: "file-read",
    severity: "error",
    message: `failed to read locale directory '${directory.path}': ${error.message}; check its permissions`,
    file: directory.path,
    locale: directory.locale,
  };
}

async function listDirectory(dir: string): Promise<DirectoryEntry[] | Error> {
  try {
    const dirents = await fsPromises.readdir(dir, { withFileTypes: true });
    const entries: DirectoryEntry[] = [];
    for (const dirent of dirents) {
      if (!dirent.isSymbolicLink()) {
        entries.push(toEntry(dirent.name, dirent));
        continue;
      }
      try {
        const stats = await fsPromises.stat(path.join(dir, dirent.name));
        entries.push(toEntry(dirent.name, stats));
      } catch {
        entries.push(brokenLinkEntry(dirent.name));
      }
    }
    return sortEntries(entries);
  } catch (error) {
    return asError(error);
  }
}

function listDirectorySync(dir: string): DirectoryEntry[] | Error {
  try {
    const dirents = fs.readdirSync(dir, { withFileTypes: true });
    const entries = dirents.map((dirent) => {
      if (!dirent.isSymbolicLink()) return toEntry(dirent.name, dirent);
      try {
        return toEntry(dirent.name, fs.statSync(path.join(dir, dirent.name)));
      } catch {
        return brokenLinkEntry(dirent.name);
      }
    });
    return sortEntries(entries);
  } catch (error) {
    return asError(error);
  }
}

function toEntry(name: string, stats: fs.Stats | fs.Dirent): DirectoryEntry {
  return { name, isDirectory: stats.isDirectory(), isFile: stats.isFile() };
}

/**
 * Lists a symbolic link whose target cannot be read as a file, so a broken
 * `enum.yaml` link is reported as `file-read` instead of ignored.
 */
function brokenLinkEntry(name: string): DirectoryEntry {
  return { name, isDirectory: false, isFile: true };
}

/** A file over `maxCatalogFileBytes`, found before reading it. */
class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(
      describeLimit("the file size in bytes", size, "maxCatalogFileBytes", max),
    );
  }
}

async function readFile(
  file: string,
  maxBytes: number,
): Promise<Uint8Array | Error> {
  try {
    const { size } = await fsPromises.stat(file);
    if (size > maxBytes) return new FileTooLargeError(size, maxBytes);
    return await fsPromises.readFile(file);
  } catch (error) {
    return asError(error);
  }
}

function readFileSync(file: string, maxBytes: number): Uint8Array | Error {
  try {
    const { size } = fs.statSync(file);
    if (size > maxBytes) return new FileTooLargeError(size, maxBytes);
    return fs.readFileSync(file);
  } catch (error) {
    return asError(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
