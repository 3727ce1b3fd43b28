import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalogDirectorySync } from "../../src/catalogs/load-directory.js";
import { parseVmsg } from "../../src/formats/vmsg/parse-vmsg.js";
import { runCli } from "../helpers/run-cli.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/vmsg/", import.meta.url));
const FILES = [
  "toolbox.de.vmsg",
  "toolbox.en.vmsg",
  "toolbox.it.vmsg",
  "toolbox.ja.vmsg",
  "vgauth-cli.en.vmsg",
];

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "locmsg-vmsg-export-"));
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every catalog of a directory as `locale/catalog` to key/text pairs. */
function catalogTexts(dir: string): Record<string, [string, string][]> {
  const loaded = loadCatalogDirectorySync(dir);
  expect(loaded.diagnostics).toEqual([]);
  return Object.fromEntries(
    loaded.catalogs
      .all()
      .map((catalog) => [
        `${catalog.locale}/${catalog.name}`,
        [...catalog.entries].map(
          ([key, entry]) => [key, entry.text] as [string, string],
        ),
      ]),
  );
}

/** Writes YAML catalogs given as relative path to content. */
async function writeCatalogs(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe("locmsg export vmsg", () => {
  it("round-trips the real files: import, export, import again", async () => {
    const dir = await tempDir();
    const first = path.join(dir, "first");
    const files = FILES.map((name) => path.join(FIXTURES, name));
    expect(
      (await runCli(["import", "vmsg", ...files, "--out", first])).code,
    ).toBe(0);

    const exported = path.join(dir, "vmsg");
    const result = await runCli(["export", "vmsg", first, "--out", exported]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = await listFiles(exported);
    expect(written).toEqual([
      "de/toolbox.vmsg",
      "en/toolbox.vmsg",
      "en/vgauth-cli.vmsg",
      "it/toolbox.vmsg",
      "ja/toolbox.vmsg",
    ]);

    const second = path.join(dir, "second");
    const again = await runCli([
      "import",
      "vmsg",
      ...written.map((file) => path.join(exported, file)),
      "--out",
      second,
    ]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(catalogTexts(second)).toEqual(catalogTexts(first));

    // The exported file reads back to the original entries, and VMware's loader
    // would read it the same way (one entry per block, a blank line between).
    const de = await readFile(path.join(exported, "de", "toolbox.vmsg"));
    const original = parseVmsg(
      await readFile(path.join(FIXTURES, "toolbox.de.vmsg")),
      "de",
    );
    expect(parseVmsg(de, "exported").entries).toEqual(original.entries);
    expect(de.toString()).toContain(
      '\n\narg.config.key = "Konfigurationsschlüssel"\n\n',
    );
    expect(de.toString()).toContain(
      "device.connect.error = \"Gerät '%1$s' kann nicht angeschlossen werden.|0A\"",
    );
  });

  it("writes literal braces and reports messages with placeholders", async () => {
    const dir = await writeCatalogs({
      "en/plain.yaml": 'a: "{{0}} of %1$s"\nb: "x"\n',
      "en/task.yaml": 'ok: "x"\nhello: "Hello {name}"\ncount: "{1} of {2}"\n',
      "de/task.yaml": 'ok: "y"\n',
    });
    const out = path.join(dir, "out");
    const result = await runCli(["export", "vmsg", dir, "--out", out]);

    expect(result.code).toBe(1);
    const errors = result.stderr.trim().split("\n");
    expect(errors).toEqual([
      expect.stringMatching(
        /en\/task\.yaml:2:\d+: error vmsg-unrepresentable: 'hello' cannot be exported to \.vmsg: it has the placeholder '\{name\}'/,
      ),
      expect.stringMatching(
        /en\/task\.yaml:3:\d+: error vmsg-unrepresentable: 'count' .*'\{1\}'/,
      ),
      "locmsg export: 2 messages with no .vmsg form; their catalogs were not written",
    ]);
    // The other catalogs are written; en/task is not.
    expect(await listFiles(out)).toEqual(["de/task.vmsg", "en/plain.vmsg"]);
    const plain = await readFile(path.join(out, "en", "plain.vmsg"), "utf8");
    expect(plain).toBe(
      `# Exported by locmsg from ${path.join(dir, "en", "plain.yaml")}\n\na = "{0} of %1$s"\n\nb = "x"\n`,
    );
  });

  it("exits 1 and writes nothing when the catalogs do not load", async () => {
    const dir = await writeCatalogs({
      "en/good.yaml": 'a: "x"\n',
      "en/bad.yaml": 'a: "x\n',
    });
    const out = path.join(dir, "out");
    const result = await runCli(["export", "vmsg", dir, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/en\/bad\.yaml:\d+:\d+: error yaml-syntax/);
    expect(result.stderr).toMatch(/do not load cleanly; nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 for unusable options and writes nothing", async () => {
    const dir = await writeCatalogs({ "en/a.yaml": 'a: "x"\n' });
    const empty = await tempDir();
    const out = path.join(dir, "out");
    const cases: [string[], RegExp][] = [
      [["export", "vmsg", dir], /missing --out/],
      [["export", "vmsg", "--out", out], /takes one catalog folder DIR, got 0/],
      [
        ["export", "vmsg", dir, dir, "--out", out],
        /takes one catalog folder DIR, got 2/,
      ],
      [
        ["export", "vmsg", path.join(dir, "nope"), "--out", out],
        /cannot read catalog folder '.*nope': no such folder/,
      ],
      [["export", "vmsg", empty, "--out", out], /no catalogs found in/],
      [["export", "xliff", dir, "--out", out], /unknown format 'xliff'/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to overwrite a .vmsg file without --force", async () => {
    const dir = await writeCatalogs({
      "en/a.yaml": 'a: "new"\n',
      "de/a.yaml": 'a: "neu"\n',
    });
    const out = path.join(dir, "out");
    await mkdir(path.join(out, "en"), { recursive: true });
    await writeFile(path.join(out, "en", "a.vmsg"), 'a = "old"\n');

    const refused = await runCli(["export", "vmsg", dir, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/a\.vmsg already exists; pass --force/);
    expect(await listFiles(out)).toEqual(["en/a.vmsg"]);

    const forced = await runCli([
      "export",
      "vmsg",
      dir,
      "--out",
      out,
      "--force",
    ]);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(out, "en", "a.vmsg"), "utf8")).toMatch(
      /^a = "new"$/m,
    );
    expect(await listFiles(out)).toEqual(["de/a.vmsg", "en/a.vmsg"]);
  });

  it("documents its options", async () => {
    const formats = await runCli(["export", "--help"]);
    expect(formats.stdout).toMatch(
      /^ {2}vmsg {6}YAML catalogs as VMware \.vmsg catalog files$/m,
    );
    const vmsg = await runCli(["export", "vmsg", "-h"]);
    expect(vmsg.code).toBe(0);
    expect(vmsg.stdout).toContain("--out OUTDIR");
    expect(vmsg.stdout).toContain("--force");
  });
});
