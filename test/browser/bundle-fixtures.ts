import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import { writeBundles } from "../../src/bundle/write-bundles.js";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { FIXTURE_CATALOGS } from "../vectors/vector-cases.js";
import { serveStatic, type StaticServer } from "./static-server.js";

export const SHIPPED_CATALOGS = path.resolve("catalogs");

/** Bundles of the vector and shipped catalogs, served over HTTP on 127.0.0.1. */
export interface BundleFixtures {
  server: StaticServer;
  /** Output folder of `buildBundles` per catalog set. */
  outDir: string;
  engines: { fixture: Locmsg; shipped: Locmsg };
  manifestUrl(set: "fixture" | "shipped"): string;
  close(): Promise<void>;
}

async function loadStrict(dir: string) {
  const { catalogs, diagnostics } = await loadCatalogDirectory(dir);
  if (diagnostics.length > 0) {
    throw new Error(
      `catalogs in ${dir} do not load cleanly: ${diagnostics[0]!.message}`,
    );
  }
  return catalogs;
}

/**
 * Builds both catalog sets into a temporary folder and serves it, with
 * `extraMounts` (such as the runtime's folder) beside it.
 */
export async function createBundleFixtures(
  extraMounts: Record<string, string> = {},
  pages: Record<string, string> = {},
): Promise<BundleFixtures> {
  const outDir = await mkdtemp(path.join(tmpdir(), "locmsg-bundles-"));
  const fixture = await loadStrict(FIXTURE_CATALOGS);
  const shipped = await loadStrict(SHIPPED_CATALOGS);
  const fixtureBuild = buildBundles(fixture);
  const shippedBuild = buildBundles(shipped);
  for (const build of [fixtureBuild, shippedBuild]) {
    if (build.diagnostics.length > 0) {
      throw new Error(`build failed: ${build.diagnostics[0]!.message}`);
    }
  }
  await writeBundles(path.join(outDir, "fixture"), fixtureBuild);
  await writeBundles(path.join(outDir, "shipped"), shippedBuild);
  const server = await serveStatic(
    { "/bundles/": outDir, ...extraMounts },
    pages,
  );
  return {
    server,
    outDir,
    engines: { fixture: new Locmsg(fixture), shipped: new Locmsg(shipped) },
    manifestUrl: (set) => `${server.url}/bundles/${set}/manifest.json`,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
