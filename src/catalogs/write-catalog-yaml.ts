import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import {
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  rename,
  rm,
  rmdir,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { Document, Scalar } from "yaml";

/**
 * Writes catalog entries as a YAML mapping with flat keys and double-quoted
 * values, in the order given, so the loader reads back exactly the same
 * strings (`no` and `007` stay text, control characters are escaped). An
 * entry whose third element is `"mf2"` is written with the `!mf2` tag, as
 * a MessageFormat 2 message.
 */
export function writeCatalogYaml(
  entries: Iterable<readonly [string, string, ("mf2" | undefined)?]>,
  header?: string,
): string {
  const document = new Document(null, { schema: "failsafe" });
  const mapping = document.createNode({});
  for (const [key, text, syntax] of entries) {
    const keyNode = new Scalar(key);
    keyNode.type = needsQuotes(key) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
    const valueNode = new Scalar(text);
    valueNode.type = Scalar.QUOTE_DOUBLE;
    if (syntax === "mf2") valueNode.tag = "!mf2";
    mapping.add(document.createPair(keyNode, valueNode));
  }
  document.contents = mapping;
  if (header) document.commentBefore = header;
  return document.toString({ lineWidth: 0, doubleQuotedAsJSON: false });
}

/** Keys are written plain unless YAML would read them as something else. */
function needsQuotes(key: string): boolean {
  return !/^[A-Za-z_$][A-Za-z0-9_$.\-]*$/.test(key);
}

/**
 * Writes files all or nothing, as far as the file system allows. Every file
 * is first written to a temporary name beside its target. Then, in the
 * order given, an existing target gets a hard link (or a copy) as a backup
 * and the temporary file is renamed over it, so readers always find either
 * the old or the new file. When any step fails, the targets renamed so far
 * get their old contents back (or are removed when they are new), every
 * temporary and backup file is removed, and the error is thrown. A process
 * that is killed half-way can still leave temporary or backup files.
 */
export async function writeFilesAtomically(
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const suffix = randomBytes(6).toString("hex");
  const pending: PendingFile[] = [...files.keys()].map((target) => ({
    target,
    temporary: `${target}.tmp-${suffix}`,
    backup: `${target}.backup-${suffix}`,
    hasBackup: false,
    renamed: false,
  }));
  const createdFolders: string[] = [];
  try {
    for (const file of pending) {
      const created = await mkdir(path.dirname(file.target), {
        recursive: true,
      });
      if (created !== undefined) createdFolders.push(created);
      await writeFile(file.temporary, files.get(file.target)!, { flag: "wx" });
    }
    for (const file of pending) {
      file.hasBackup = await backUp(file.target, file.backup);
      await rename(file.temporary, file.target);
      file.renamed = true;
    }
  } catch (error) {
    const failures = await rollBack(pending, createdFolders);
    if (failures.length === 0) throw error;
    throw new Error(
      `${(error as Error).message}; restoring the earlier files also failed: ${failures.join("; ")}`,
      { cause: error },
    );
  }
  await Promise.all(
    pending.map((file) => rm(file.backup, { force: true }).catch(() => {})),
  );
}

interface PendingFile {
  target: string;
  temporary: string;
  backup: string;
  /** True when the backup contains the target's old contents. */
  hasBackup: boolean;
  /** True once the temporary file has replaced the target. */
  renamed: boolean;
}

/**
 * Keeps the old contents of `target` at `backup`, as a hard link or, where
 * the file system has none, a copy. Returns false when there is nothing to
 * keep: no target, or a folder, which the rename then fails on.
 */
async function backUp(target: string, backup: string): Promise<boolean> {
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  if (stats.isDirectory()) return false;
  try {
    await link(target, backup);
  } catch {
    await copyFile(target, backup, constants.COPYFILE_EXCL);
  }
  return true;
}

/**
 * Undoes a failed write: restores or removes the renamed targets, removes
 * the temporary and backup files and the empty folders the write created.
 * Returns the messages of the steps that failed.
 */
async function rollBack(
  pending: readonly PendingFile[],
  createdFolders: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  const attempt = async (step: Promise<unknown>) => {
    try {
      await step;
    } catch (error) {
      failures.push((error as Error).message);
    }
  };
  for (const file of [...pending].reverse()) {
    if (file.renamed && file.hasBackup) {
      await attempt(rename(file.backup, file.target));
    } else if (file.renamed) {
      await attempt(removeIfPresent(file.target));
    } else if (file.hasBackup) {
      await attempt(removeIfPresent(file.backup));
    }
    await attempt(removeIfPresent(file.temporary));
  }
  for (const folder of [...createdFolders].reverse()) {
    await attempt(removeEmptyFolders(folder));
  }
  return failures;
}

/**
 * Removes a file that may not exist. A path that runs through a file
 * (ENOTDIR), as when a folder could not be created, contains no file either.
 */
async function removeIfPresent(file: string): Promise<void> {
  try {
    await rm(file, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
  }
}

/** Removes `folder` and the folders below it, as long as they are empty. */
async function removeEmptyFolders(folder: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      await removeEmptyFolders(path.join(folder, entry.name));
    }
  }
  try {
    await rmdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTEMPTY") throw error;
  }
}
