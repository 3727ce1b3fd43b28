/**
 * Cold start: a fresh process imports a renderer, loads the shipped
 * catalogs of one locale's chain and renders one message, from YAML
 * (Locmsg.fromDirectory), from the JSON bundles of `buildBundles`
 * (locmsg/browser's createLocmsg) and from the ES modules of
 * `buildEsmModules`. Each figure is the median of `runs` processes after
 * one warm-up process per form, which fills the file system cache.
 */
import { cp } from "node:fs/promises";
import path from "node:path";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import { buildEsmModules } from "../../src/bundle/esm/build-esm.js";
import { writeBundles } from "../../src/bundle/write-bundles.js";
import type { CatalogSet } from "../../src/catalogs/catalog.js";
import { median, runJsonChild } from "./processes.js";

export interface ColdStartResult {
  form: string;
  importMs: number;
  loadMs: number;
  totalMs: number;
  text: string;
}

interface ChildResult {
  importMs: number;
  loadMs: number;
  text: string;
}

/**
 * Measures each form. `locale` is rendered; the YAML folder holds only
 * the locales of its chain, `chainLocales`, so that every form reads the
 * same catalogs.
 */
export async function runColdStart(
  catalogs: CatalogSet,
  options: {
    shippedDir: string;
    workDir: string;
    locale: string;
    chainLocales: string[];
    runs: number;
  },
): Promise<ColdStartResult[]> {
  const { workDir, locale, runs } = options;
  const yamlDir = path.join(workDir, "yaml");
  for (const code of options.chainLocales) {
    await cp(path.join(options.shippedDir, code), path.join(yamlDir, code), {
      recursive: true,
    });
  }
  const bundleDir = path.join(workDir, "bundles");
  await writeBundles(bundleDir, buildBundles(catalogs));
  const esmDir = path.join(workDir, "esm");
  await writeBundles(esmDir, buildEsmModules(catalogs));

  const forms: [string, string, string][] = [
    ["YAML catalogs (Locmsg.fromDirectory)", "yaml", yamlDir],
    ["JSON bundles (locmsg/browser createLocmsg)", "bundles", bundleDir],
    ["compiled ES modules (index.js loadLocmsg)", "esm", esmDir],
  ];
  const results: ColdStartResult[] = [];
  for (const [form, mode, dir] of forms) {
    const samples: ChildResult[] = [];
    // The first run only warms the file system cache.
    for (let run = 0; run <= runs; run++) {
      const sample = await runJsonChild<ChildResult>("cold-start.mjs", [
        mode,
        dir,
        locale,
      ]);
      if (run > 0) samples.push(sample);
    }
    results.push({
      form,
      importMs: median(samples.map((sample) => sample.importMs)),
      loadMs: median(samples.map((sample) => sample.loadMs)),
      totalMs: median(samples.map((sample) => sample.importMs + sample.loadMs)),
      text: samples[0]!.text,
    });
  }
  return results;
}
