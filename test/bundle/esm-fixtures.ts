import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildEsmModules } from "../../src/bundle/esm/build-esm.js";
import { writeBundles } from "../../src/bundle/write-bundles.js";
import type { CatalogSet } from "../../src/catalogs/catalog.js";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";

/** The API of a generated index.js (its index.d.ts has the full types). */
export interface EsmIndex {
  manifest: { locales: string[]; catalogs: string[] };
  loadLocmsg(options?: object): Promise<EsmRenderer>;
  createLocmsg(modules: object[], options?: object): EsmRenderer;
}

export interface EsmRenderer {
  locale: string;
  chain: string[];
  format(message: unknown): string;
  message(key: string): (args?: object) => string;
  formatEvent(event: unknown, format?: string): string;
  renderTaskInfo(task: Record<string, unknown>): { line: string };
  label(catalog: string, id: string, field?: string): string;
}

export interface EsmBuild {
  outDir: string;
  index: EsmIndex;
  remove(): Promise<void>;
}

/** Loads a catalog folder and fails on any load diagnostic. */
export async function loadStrict(dir: string): Promise<CatalogSet> {
  const { catalogs, diagnostics } = await loadCatalogDirectory(dir);
  if (diagnostics.length > 0) {
    throw new Error(
      `catalogs in ${dir} do not load cleanly: ${diagnostics[0]!.message}`,
    );
  }
  return catalogs;
}

/** Builds `catalogs` as ES modules into a temporary folder and imports its index.js. */
export async function buildEsmFixture(catalogs: CatalogSet): Promise<EsmBuild> {
  const build = buildEsmModules(catalogs);
  if (build.diagnostics.length > 0) {
    throw new Error(`build failed: ${build.diagnostics[0]!.message}`);
  }
  const outDir = await mkdtemp(path.join(tmpdir(), "locmsg-esm-"));
  await writeBundles(outDir, build);
  const url = pathToFileURL(path.join(outDir, "index.js")).href;
  const index = (await import(/* @vite-ignore */ url)) as EsmIndex;
  return {
    outDir,
    index,
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
