// The shared vectors render the same with ES modules from
// `buildEsmModules`, imported in Node with a dynamic import().
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCases } from "../browser/run-cases.js";
import {
  FIXTURE_CATALOGS,
  readVectors,
  type VectorResult,
} from "../vectors/vector-cases.js";
import { buildEsmFixture, loadStrict, type EsmBuild } from "./esm-fixtures.js";

const SETS = {
  fixture: { dir: FIXTURE_CATALOGS, vectors: readVectors("fixture") },
  shipped: { dir: path.resolve("catalogs"), vectors: readVectors("shipped") },
  limit: { dir: FIXTURE_CATALOGS, vectors: readVectors("limit") },
};

const builds: EsmBuild[] = [];
const results: Record<string, VectorResult[]> = {};

beforeAll(async () => {
  for (const [name, set] of Object.entries(SETS)) {
    const build = await buildEsmFixture(await loadStrict(set.dir));
    builds.push(build);
    results[name] = await runCases(
      (_url, options) => build.index.loadLocmsg(options),
      "",
      set.vectors,
    );
  }
});

afterAll(async () => {
  await Promise.all(builds.map((build) => build.remove()));
});

for (const [name, set] of Object.entries(SETS)) {
  describe(`${name} vectors, ES modules`, () => {
    set.vectors.forEach((vector, index) => {
      it(vector.name, () => {
        const result = results[name]![index]!;
        expect(result.text).toBe(vector.expected);
        expect(result.diagnostics).toEqual(vector.diagnostics);
      });
    });
  });
}
