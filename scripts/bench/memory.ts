/**
 * Heap used by the loaded shipped catalogs of each locale: one child
 * process per locale (node --expose-gc, children/catalog-memory.mjs),
 * reading only that locale's folder.
 */
import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { runJsonChild } from "./processes.js";

export interface MemoryResult {
  locale: string;
  messages: number;
  bytes: number;
}

export async function runMemory(options: {
  shippedDir: string;
  workDir: string;
  rounds: number;
}): Promise<MemoryResult[]> {
  const entries = await readdir(options.shippedDir, { withFileTypes: true });
  const locales = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const results: MemoryResult[] = [];
  for (const locale of locales) {
    const dir = path.join(options.workDir, locale);
    await cp(path.join(options.shippedDir, locale), path.join(dir, locale), {
      recursive: true,
    });
    const result = await runJsonChild<{ bytes: number; messages: number }>(
      "catalog-memory.mjs",
      [dir, locale, String(options.rounds)],
      ["--expose-gc"],
    );
    results.push({ locale, ...result });
  }
  return results;
}
