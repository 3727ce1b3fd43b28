/**
 * Checks of the folders and files that command options name, made before a
 * command reads anything, and the write step that turns a file system error
 * into a message naming --out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFilesAtomically } from "../catalogs/write-catalog-yaml.js";
import { CliError } from "./cli-error.js";

const CATALOG_LAYOUT = "a folder laid out as DIR/<locale>/<catalog>.yaml";

/**
 * Rejects a catalog folder that does not exist or is not a folder. `option`
 * names the option that gave it, such as `--catalogs`; leave it out for a
 * positional DIR.
 */
export function checkCatalogFolder(dir: string, option?: string): void {
  let problem: string;
  try {
    const stats = statOrUndefined(dir);
    if (stats?.isDirectory()) return;
    problem = stats === undefined ? "no such folder" : "it is not a folder";
  } catch (error) {
    problem = (error as Error).message;
  }
  if (option === undefined) {
    throw new CliError(
      `cannot read catalog folder '${dir}': ${problem}; pass ${CATALOG_LAYOUT}`,
    );
  }
  throw new CliError(
    `invalid ${option} '${dir}': ${problem}; pass ${CATALOG_LAYOUT}, or leave out ${option} for the catalogs shipped with locmsg`,
  );
}

/**
 * Rejects an output folder that is a file, or that a file on its path
 * prevents from being created (`--out afile/x`).
 */
export function checkOutputFolder(out: string): void {
  const existing = nearestExistingPath(out);
  if (existing !== undefined && !existing.stats.isDirectory()) {
    throw new CliError(
      `cannot write the output: ${existing.path} is not a folder; check --out`,
    );
  }
}

/** Rejects an output file that is a folder or cannot be created. */
export function checkOutputFile(out: string): void {
  if (statOrUndefined(out)?.isDirectory()) {
    throw new CliError(
      `cannot write the output: ${out} is a folder; name a file with --out`,
    );
  }
  checkOutputFolder(path.dirname(out));
}

/** Writes files with `writeFilesAtomically`; a failure exits 2. */
export async function writeOutput(
  files: ReadonlyMap<string, string>,
): Promise<void> {
  await writeOrExit(() => writeFilesAtomically(files));
}

/** Runs a write step; a failure exits 2 with a message naming --out. */
export async function writeOrExit(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    throw new CliError(
      `cannot write the output: ${(error as Error).message}; check --out`,
    );
  }
}

/** Returns `file` or its nearest ancestor that exists, with its stats. */
function nearestExistingPath(
  file: string,
): { path: string; stats: fs.Stats } | undefined {
  let current = file;
  for (;;) {
    let stats;
    try {
      stats = statOrUndefined(current);
    } catch {
      // The write reports this error, such as a denied permission.
      return undefined;
    }
    if (stats !== undefined) return { path: current, stats };
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Returns the stats of `file`, or undefined when it does not exist or a
 * file on its path is not a folder. Throws other errors, such as a denied
 * permission.
 */
function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
