// The Chromium subset of the shared vectors renders in headless Chromium
// as it does on the server, from bundles served over HTTP.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readVectors, type VectorResult } from "../vectors/vector-cases.js";
import {
  createBundleFixtures,
  type BundleFixtures,
} from "./bundle-fixtures.js";
import { launchChromium, type HeadlessChromium } from "./chromium.js";
import { writeRuntimeBundle } from "./runtime-bundle.js";

const sets = {
  fixture: readVectors("fixture").filter((vector) => vector.chromium),
  shipped: readVectors("shipped").filter((vector) => vector.chromium),
  limit: readVectors("limit").filter((vector) => vector.chromium),
};
/** The catalogs each set renders against. */
const CATALOGS = {
  fixture: "fixture",
  shipped: "shipped",
  limit: "fixture",
} as const;
const SETS = ["fixture", "shipped", "limit"] as const;

let fixtures: BundleFixtures;
let browser: HeadlessChromium;
const results: Record<string, VectorResult[]> = {};

describe("vectors in Chromium", () => {
  beforeAll(async () => {
    fixtures = await createBundleFixtures(
      { "/test/": path.resolve("test/browser") },
      { "/": "<!doctype html><title>locmsg vectors</title>" },
    );
    const runtime = await writeRuntimeBundle(
      path.join(fixtures.outDir, "runtime"),
    );
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.server.url}/`);
    for (const set of SETS) {
      // A string expression, so the page runs it as written.
      results[set] = await page.evaluate(`(async () => {
        const { loadLocmsg, mf2 } = await import("/bundles/runtime/${runtime}");
        const { runCases } = await import("/test/run-cases.js");
        return runCases(loadLocmsg, ${JSON.stringify(fixtures.manifestUrl(CATALOGS[set]))}, ${JSON.stringify(sets[set])}, { mf2 });
      })()`);
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  for (const set of SETS) {
    sets[set].forEach((vector, index) => {
      it(`${set}: ${vector.name}`, () => {
        const result = results[set]![index]!;
        expect(result.text).toBe(vector.expected);
        expect(result.diagnostics).toEqual(vector.diagnostics);
      });
    });
  }

  it("fetches only the chain's bundles", () => {
    const fetched = fixtures.server.requests.filter((request) =>
      request.startsWith("/bundles/shipped/"),
    );
    expect(fetched).toContain("/bundles/shipped/manifest.json");
    // No Chromium case uses Italian, so its bundles must stay unfetched.
    expect(
      fetched.some((request) => request.startsWith("/bundles/shipped/it/")),
    ).toBe(false);
    expect(
      fetched.some((request) => request.startsWith("/bundles/shipped/de/")),
    ).toBe(true);
  });
});
