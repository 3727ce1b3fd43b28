// The browser runtime stays within its recorded size and imports nothing
// outside src/browser/.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, measureRuntime } from "../../scripts/measure-size.js";

describe("locmsg/browser size", () => {
  it("stays within the budget", async () => {
    const runtime = await measureRuntime();
    expect(runtime.gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("has no dependencies", async () => {
    const result = await build({
      entryPoints: ["src/browser/index.ts"],
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !input.startsWith("src/browser/"))).toEqual(
      [],
    );
  });
});
