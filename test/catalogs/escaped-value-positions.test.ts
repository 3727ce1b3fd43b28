import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  loadCatalogDirectory,
  loadCatalogDirectorySync,
  type LoadResult,
} from "../../src/catalogs/load-directory.js";

const loaders: [string, (dir: string) => Promise<LoadResult>][] = [
  ["async", loadCatalogDirectory],
  ["sync", async (dir) => loadCatalogDirectorySync(dir)],
];

const tempDirs: string[] = [];

afterEach(async () => {
  for (const dir of tempDirs.splice(0)) {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Writes `source` as `en/task.yaml` in a new temporary directory. */
async function writeCatalog(
  source: string,
): Promise<{ root: string; file: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "locmsg-positions-"));
  tempDirs.push(root);
  const file = path.join(root, "en", "task.yaml");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, source);
  return { root, file };
}

describe.each(loaders)("escaped value positions, %s loader", (_mode, load) => {
  it.each([
    // Columns: `"` is 4, `\u00e9` takes 8 to 13, and `{` is 15.
    [
      "double quoted after \\u00e9",
      String.raw`a: "Caf\u00e9 {1 done"`,
      "template-syntax",
      15,
    ],
    // Columns: `'` is 4, `''` takes 8 and 9, and `{` is 12.
    ["single quoted after ''", "a: 'Don''t {1 done'", "template-syntax", 12],
    // Columns: `"` is 9 and the closing quote, where MF2 expects `}`, is 23.
    [
      "mf2 double quoted after \\u00e9",
      String.raw`a: !mf2 "Caf\u00e9 {$x"`,
      "mf2-syntax",
      23,
    ],
    // Columns: `"` is 4, `\U0001F600` takes 5 to 14 (two code units), `{` is 16.
    [
      "double quoted after \\U0001F600",
      String.raw`a: "\U0001F600 {1 done"`,
      "template-syntax",
      16,
    ],
  ])("%s", async (_name, line, code, column) => {
    const { root, file } = await writeCatalog(`ok: fine\n${line}\n`);
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, file, line: 2, column });
    expect(diagnostics[0]!.message).not.toContain("of the message");
    expect(catalogs.get("en", "task")?.entries.get("ok")?.text).toBe("fine");
    expect(catalogs.get("en", "task")?.entries.has("a")).toBe(false);
  });
});
