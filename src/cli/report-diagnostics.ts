import type { CatalogSet } from "../catalogs/catalog.js";
import { loadCatalogDirectorySync } from "../catalogs/load-directory.js";
import {
  formatDiagnostic,
  type Diagnostic,
} from "../diagnostics/diagnostic.js";
import { CliError } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";

/** Prints diagnostics on stderr, adding `context` where they lack it; returns how many are errors. */
export function reportDiagnostics(
  io: CommandIo,
  diagnostics: readonly Diagnostic[],
  context: { locale?: string; catalog?: string } = {},
): number {
  let errors = 0;
  for (const diagnostic of diagnostics) {
    io.stderr(formatDiagnostic({ ...context, ...diagnostic }));
    if (diagnostic.severity === "error") errors += 1;
  }
  return errors;
}

/** Puts a file name on one line, for a comment. */
export function oneLine(file: string): string {
  return file.replace(/[\r\n]/g, " ");
}

/**
 * Loads the catalogs an export command converts. Returns undefined after
 * reporting when they do not load cleanly, so nothing is written; a folder
 * without catalogs is unusable input.
 */
export function loadCatalogsToExport(
  dir: string,
  io: CommandIo,
): CatalogSet | undefined {
  const loaded = loadCatalogDirectorySync(dir);
  if (reportDiagnostics(io, loaded.diagnostics) > 0) {
    io.stderr(
      `locmsg export: the catalogs in ${dir} do not load cleanly; nothing was written`,
    );
    return undefined;
  }
  if (loaded.catalogs.all().length === 0) {
    throw new CliError(
      `no catalogs found in ${dir}; it must hold DIR/<locale>/<catalog>.yaml files`,
    );
  }
  return loaded.catalogs;
}
