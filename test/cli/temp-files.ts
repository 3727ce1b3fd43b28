import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Creates a fresh folder under the run's temporary folder. */
export function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
}

/** Writes files given as path relative to `dir` to content. */
export async function writeTree(
  dir: string,
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

/** Lists every file and folder under `dir`, relative with '/' and sorted. */
export async function listTree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  return entries.map((entry) => entry.split(path.sep).join("/")).sort();
}
