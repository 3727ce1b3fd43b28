// The shared vectors render the same on the server and in locmsg/browser
// running in Node against bundles served over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLocmsg } from "../../src/browser/index.js";
import { mf2 } from "../../src/browser/mf2.js";
import {
  readVectors,
  renderOnServer,
  type VectorResult,
} from "../vectors/vector-cases.js";
import {
  createBundleFixtures,
  type BundleFixtures,
} from "./bundle-fixtures.js";
import { runCases } from "./run-cases.js";

const sets = {
  fixture: readVectors("fixture"),
  shipped: readVectors("shipped"),
  limit: readVectors("limit"),
};
/** The catalogs each set renders against. */
const CATALOGS = {
  fixture: "fixture",
  shipped: "shipped",
  limit: "fixture",
} as const;
const SETS = ["fixture", "shipped", "limit"] as const;

let fixtures: BundleFixtures;
const browserResults: Record<string, VectorResult[]> = {};

beforeAll(async () => {
  fixtures = await createBundleFixtures();
  for (const set of SETS) {
    browserResults[set] = await runCases(
      loadLocmsg as (url: string, options: object) => Promise<unknown>,
      fixtures.manifestUrl(CATALOGS[set]),
      sets[set],
      { mf2 },
    );
  }
});

afterAll(async () => {
  await fixtures?.close();
});

for (const set of SETS) {
  describe(`${set} vectors`, () => {
    sets[set].forEach((vector, index) => {
      it(`server: ${vector.name}`, () => {
        const result = renderOnServer(fixtures.engines[CATALOGS[set]], vector);
        expect(result.text).toBe(vector.expected);
        expect(result.diagnostics).toEqual(vector.diagnostics);
      });

      it(`browser: ${vector.name}`, () => {
        const result = browserResults[set]![index]!;
        expect(result.text).toBe(vector.expected);
        expect(result.diagnostics).toEqual(vector.diagnostics);
      });
    });
  });
}
