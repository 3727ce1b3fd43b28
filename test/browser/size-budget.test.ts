// The browser runtime stays within its recorded size, and it and its MF2
// add-on import nothing outside src/browser/.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, measureRuntime } from "../../scripts/measure-size.js";

describe("locmsg/browser size", () => {
  it("stays within the budget", async () => {
    const runtime = await measureRuntime();
    expect(runtime.gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  for (const entry of ["src/browser/index.ts", "src/browser/mf2.ts"]) {
    it(`has no dependencies: ${entry}`, async () => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.length).toBeGreaterThan(0);
      expect(
        inputs.filter((input) => !input.startsWith("src/browser/")),
      ).toEqual([]);
    });
  }
});
