import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import { lintCatalogs } from "../../src/lint/lint-catalogs.js";
import { formatHuman } from "../../src/lint/report/format-human.js";

describe("a catalog with 130,000 problems", () => {
  it("loads, lints and prints without overflowing the stack", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-many-"));
    await mkdir(path.join(dir, "en"));
    const source = Array.from(
      { length: 130_000 },
      (_, index) => `k${index}: {a}\n`,
    );
    await writeFile(path.join(dir, "en", "locmsg.yaml"), source.join(""));

    const loaded = await loadCatalogDirectory(dir);
    expect(loaded.diagnostics).toHaveLength(130_000);

    const linted = await lintCatalogs([dir]);
    expect(linted.diagnostics).toHaveLength(130_000);
    const lines = formatHuman(linted.diagnostics, { color: false });
    expect(lines.length).toBeGreaterThan(130_000);
  });
});
