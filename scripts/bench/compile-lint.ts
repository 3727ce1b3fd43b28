/**
 * Catalog compile (`buildBundles`, and `buildEsmModules` for comparison)
 * and lint (`lintCatalogs`) throughput on a generated folder with the same
 * keys in two locales (scripts/bench/large-catalogs.ts). Loading the YAML
 * is timed on its own, because buildBundles takes loaded catalogs while
 * lintCatalogs reads the files itself. Each figure is the median of
 * `rounds` runs after a warm-up run on a smaller generated folder.
 */
import path from "node:path";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import { buildEsmModules } from "../../src/bundle/esm/build-esm.js";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import { lintCatalogs } from "../../src/lint/lint-catalogs.js";
import { writeLargeCatalogs } from "./large-catalogs.js";
import { median } from "./processes.js";

export interface ThroughputResult {
  step: string;
  /** Catalog entries processed, both locales counted. */
  entries: number;
  seconds: number;
  /** Problems or diagnostics the step reported; the generated catalogs should have none. */
  diagnostics: number;
}

/** Keys in the warm-up folder. */
const WARM_UP_MESSAGES = 5_000;

async function seconds(run: () => Promise<number> | number) {
  const started = performance.now();
  const diagnostics = await run();
  return { seconds: (performance.now() - started) / 1000, diagnostics };
}

async function measure(
  step: string,
  entries: number,
  rounds: number,
  run: () => Promise<number> | number,
): Promise<ThroughputResult> {
  const samples: { seconds: number; diagnostics: number }[] = [];
  for (let round = 0; round < rounds; round++) samples.push(await seconds(run));
  return {
    step,
    entries,
    seconds: median(samples.map((sample) => sample.seconds)),
    diagnostics: samples[0]!.diagnostics,
  };
}

/** Runs each step on a `keys`-message folder in `en` and `de` under `workDir`. */
export async function runCompileLint(options: {
  workDir: string;
  keys: number;
  rounds: number;
}): Promise<ThroughputResult[]> {
  const warmUpDir = path.join(options.workDir, "warm-up");
  await writeLargeCatalogs(warmUpDir, WARM_UP_MESSAGES);
  const warmUp = await loadCatalogDirectory(warmUpDir);
  buildBundles(warmUp.catalogs);
  buildEsmModules(warmUp.catalogs);
  await lintCatalogs([warmUpDir]);

  const dir = path.join(options.workDir, "large");
  const entries = await writeLargeCatalogs(dir, options.keys);
  let loaded = await loadCatalogDirectory(dir);
  const results = [
    await measure(
      "load YAML (loadCatalogDirectory)",
      entries,
      options.rounds,
      async () => {
        loaded = await loadCatalogDirectory(dir);
        return loaded.diagnostics.length;
      },
    ),
    await measure(
      "compile JSON bundles (buildBundles)",
      entries,
      options.rounds,
      () => buildBundles(loaded.catalogs).diagnostics.length,
    ),
    await measure(
      "compile ES modules (buildEsmModules)",
      entries,
      options.rounds,
      () => buildEsmModules(loaded.catalogs).diagnostics.length,
    ),
    await measure(
      "lint (lintCatalogs)",
      entries,
      options.rounds,
      async () => (await lintCatalogs([dir])).diagnostics.length,
    ),
  ];
  return results;
}
