import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import {
  writeCatalogYaml,
  writeFilesAtomically,
} from "../../src/catalogs/write-catalog-yaml.js";

const hazards: [string, string][] = [
  ["plain", "Power On virtual machine"],
  ["bool.like", "no"],
  ["number.like", "007"],
  ["float.like", "8.10"],
  ["date.like", "2024-03-05"],
  ["null.like", "~"],
  ["empty", ""],
  ["spaces", "  two  spaces  "],
  ["quotes", `say "hi" and 'bye'`],
  ["controls", "line\nbreak\ttab\r\u0001"],
  ["backslash", "C:\\path\\n"],
  ["braces", "{name} and {{literal}}"],
  ["unicode", "Größe µs ℃ 仮想マシン 😀"],
  ["hash", "# not a comment"],
  ["__proto__", "proto"],
  ["key:colon", "quoted key"],
  ["yes", "key that reads as a boolean"],
];

describe("writeCatalogYaml", () => {
  it("round-trips every hazard", () => {
    const text = writeCatalogYaml(hazards, " Generated for a test");
    const parsed = parseCatalogYaml(text, "out.yaml");
    expect(parsed.diagnostics).toEqual([]);
    expect(
      [...parsed.entries].map(([key, entry]) => [key, entry.text]),
    ).toEqual(hazards);
  });

  it("writes the header as a comment", () => {
    expect(
      writeCatalogYaml([["a", "b"]], " Source: test").startsWith(
        "# Source: test\n",
      ),
    ).toBe(true);
  });

  it("quotes every value", () => {
    expect(writeCatalogYaml([["a", "no"]])).toBe('a: "no"\n');
  });
});

describe("writeFilesAtomically", () => {
  it("writes all files", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    const files = new Map([
      [path.join(dir, "en", "a.yaml"), "a: 'x'\n"],
      [path.join(dir, "de", "a.yaml"), "a: 'y'\n"],
    ]);
    await writeFilesAtomically(files);
    expect(await readFile(path.join(dir, "de", "a.yaml"), "utf8")).toBe(
      "a: 'y'\n",
    );
    expect((await readdir(path.join(dir, "en"))).sort()).toEqual(["a.yaml"]);
  });

  it("leaves targets untouched when a write fails", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    const existing = path.join(dir, "en.yaml");
    await writeFile(existing, "old");
    const blocked = path.join(dir, "file-as-dir");
    await writeFile(blocked, "not a directory");
    const files = new Map([
      [existing, "new"],
      [path.join(blocked, "x.yaml"), "cannot be written"],
    ]);
    await expect(writeFilesAtomically(files)).rejects.toThrow();
    expect(await readFile(existing, "utf8")).toBe("old");
    expect((await readdir(dir)).sort()).toEqual(["en.yaml", "file-as-dir"]);
  });

  it("undoes every rename when a target is a folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    const existing = path.join(dir, "de", "a.yaml");
    await mkdir(path.dirname(existing));
    await writeFile(existing, "old");
    const added = path.join(dir, "en", "a.yaml");
    const folder = path.join(dir, "fr", "a.yaml");
    await mkdir(folder, { recursive: true });
    const last = path.join(dir, "it", "a.yaml");
    const files = new Map([
      [existing, "new"],
      [added, "new"],
      [folder, "new"],
      [last, "new"],
    ]);

    await expect(writeFilesAtomically(files)).rejects.toThrow(/EISDIR/);

    expect(await readFile(existing, "utf8")).toBe("old");
    const left = await readdir(dir, { recursive: true });
    expect(left.sort()).toEqual(["de", "de/a.yaml", "fr", "fr/a.yaml"]);
  });

  it("replaces existing files and removes the backups", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    const existing = path.join(dir, "a.yaml");
    await writeFile(existing, "old");
    await writeFilesAtomically(
      new Map([
        [existing, "new"],
        [path.join(dir, "b.yaml"), "added"],
      ]),
    );
    expect(await readFile(existing, "utf8")).toBe("new");
    expect((await readdir(dir)).sort()).toEqual(["a.yaml", "b.yaml"]);
  });

  it("removes the folders a failed write created", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    const folder = path.join(dir, "taken.yaml");
    await mkdir(folder);
    const files = new Map([
      [path.join(dir, "new", "deep", "a.yaml"), "new"],
      [folder, "new"],
    ]);
    await expect(writeFilesAtomically(files)).rejects.toThrow(/EISDIR/);
    expect(await readdir(dir)).toEqual(["taken.yaml"]);
    expect(await readdir(folder)).toEqual([]);
  });

  it("reports only the first error when a folder is a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-write-"));
    await writeFile(path.join(dir, "de"), "a file");
    const files = new Map([
      [path.join(dir, "en", "x.yaml"), "en"],
      [path.join(dir, "de", "x.yaml"), "de"],
    ]);
    const failure = await writeFilesAtomically(files).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(/EEXIST|ENOTDIR/);
    expect(failure?.message).not.toContain("restoring the earlier files");
    expect((await readdir(dir)).sort()).toEqual(["de"]);
  });
});
