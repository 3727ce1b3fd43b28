import { existsSync } from "node:fs";
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalogDirectorySync } from "../../src/catalogs/load-directory.js";
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
  return mkdtemp(path.join(tmpdir(), "locmsg-vmsg-import-"));
}

/** Every file under `dir`, relative and sorted. */
async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("locmsg import vmsg", () => {
  it("imports the real files, inferring locale and catalog from their names", async () => {
    const out = path.join(await tempDir(), "catalogs");
    const files = FILES.map((name) => path.join(FIXTURES, name));
    const result = await runCli(["import", "vmsg", ...files, "--out", out]);

    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      "de/toolbox.yaml",
      "en/toolbox.yaml",
      "en/vgauth-cli.yaml",
      "it/toolbox.yaml",
      "ja/toolbox.yaml",
    ]);
    expect(result.stdout.trim().split("\n")).toHaveLength(5);
    // The Italian file has two lines that VMware's loader skips.
    const warnings = result.stderr.trim().split("\n");
    expect(warnings).toEqual([
      expect.stringContaining("toolbox.it.vmsg:107:233: warning vmsg-syntax:"),
      expect.stringContaining("toolbox.it.vmsg:115:790: warning vmsg-syntax:"),
    ]);

    const loaded = loadCatalogDirectorySync(out);
    expect(loaded.diagnostics).toEqual([]);
    const de = loaded.catalogs.get("de", "toolbox")!;
    expect(de.entries.get("arg.config.key")!.text).toBe(
      "Konfigurationsschlüssel",
    );
    const it = loaded.catalogs.get("it", "toolbox")!;
    expect(it.entries.get("stat.get.failed")!.text).toBe(
      "Impossibile ottenere statistiche: %1$s\\n",
    );
    expect(it.entries.size).toBe(92);
    const yaml = await readFile(path.join(out, "de", "toolbox.yaml"), "utf8");
    expect(yaml.startsWith(`# Imported by locmsg from ${files[0]}\n`)).toBe(
      true,
    );
  });

  it("reads <lang>/<domain>.vmsg and <lang>.vmsg layouts", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "messages", "de"), { recursive: true });
    await mkdir(path.join(dir, "l10n"));
    await copyFile(
      path.join(FIXTURES, "toolbox.de.vmsg"),
      path.join(dir, "messages", "de", "toolbox.vmsg"),
    );
    await copyFile(
      path.join(FIXTURES, "vgauth-cli.en.vmsg"),
      path.join(dir, "l10n", "en.vmsg"),
    );
    const out = path.join(dir, "out");

    const missing = await runCli(
      ["import", "vmsg", "l10n/en.vmsg", "--out", "out"],
      "",
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /named after its locale only.*--catalog NAME/,
    );

    const result = await runCli(
      [
        "import",
        "vmsg",
        "messages/de/toolbox.vmsg",
        "l10n/en.vmsg",
        "--catalog",
        "vgauth",
        "--out",
        "out",
      ],
      "",
      dir,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // --catalog names the catalog of every file.
    expect(await listFiles(out)).toEqual(["de/vgauth.yaml", "en/vgauth.yaml"]);
  });

  it("normalises --locale to vSphere form", async () => {
    const out = path.join(await tempDir(), "out");
    const file = path.join(FIXTURES, "toolbox.ja.vmsg");
    const result = await runCli([
      "import",
      "vmsg",
      file,
      "--locale",
      "zh-Hant-TW",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(["zh_TW/toolbox.yaml"]);
  });

  it("exits 2 and writes nothing for unusable options", async () => {
    const dir = await tempDir();
    const out = path.join(dir, "out");
    const en = path.join(FIXTURES, "toolbox.en.vmsg");
    const de = path.join(FIXTURES, "toolbox.de.vmsg");
    const cases: [string[], RegExp][] = [
      [["import", "vmsg", en], /missing --out/],
      [["import", "vmsg", "--out", out], /at least one FILE/],
      [
        ["import", "vmsg", en, "--locale", "xx", "--out", out],
        /unknown locale 'xx' for --locale/,
      ],
      [
        ["import", "vmsg", en, de, "--locale", "de", "--out", out],
        /both map to catalog 'toolbox' of locale 'de'/,
      ],
      [
        ["import", "vmsg", path.join(dir, "nope.en.vmsg"), "--out", out],
        /cannot read .*nope\.en\.vmsg: no such file/,
      ],
      [
        ["import", "vmsg", en, "--out", out, "--bogus"],
        /unknown option '--bogus'; put a value that starts with '-' after '--'; see 'locmsg import vmsg --help'/,
      ],
      [
        ["import", "po", en, "--out", out],
        /unknown format 'po'; formats: vmsg/,
      ],
      [["import", "--out", out], /needs a format first/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe("");
    }
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to overwrite a catalog without --force", async () => {
    const out = path.join(await tempDir(), "out");
    const target = path.join(out, "en", "toolbox.yaml");
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, "old: text\n");
    const files = [
      path.join(FIXTURES, "toolbox.en.vmsg"),
      path.join(FIXTURES, "toolbox.de.vmsg"),
    ];

    const refused = await runCli(["import", "vmsg", ...files, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /toolbox\.yaml already exists; pass --force/,
    );
    expect(await readFile(target, "utf8")).toBe("old: text\n");
    expect(await listFiles(out)).toEqual(["en/toolbox.yaml"]);

    const forced = await runCli([
      "import",
      "vmsg",
      ...files,
      "--out",
      out,
      "--force",
    ]);
    expect(forced.code).toBe(0);
    expect(await readFile(target, "utf8")).toMatch(
      /^arg\.command: "command"$/m,
    );
    expect(await listFiles(out)).toEqual([
      "de/toolbox.yaml",
      "en/toolbox.yaml",
    ]);
  });

  it("exits 1 and writes nothing at all when one file has an error", async () => {
    const dir = await tempDir();
    const bad = path.join(dir, "bad.de.vmsg");
    await writeFile(
      bad,
      Buffer.concat([
        Buffer.from('a = "x"\nb = "'),
        Buffer.from([0xff]),
        Buffer.from('"\n'),
      ]),
    );
    const keys = path.join(dir, "keys.fr.vmsg");
    await writeFile(keys, 'ok = "1"\n\nbad..key = "2"\n');
    const out = path.join(dir, "out");

    const result = await runCli([
      "import",
      "vmsg",
      path.join(FIXTURES, "toolbox.en.vmsg"),
      bad,
      keys,
      "--out",
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `${bad}:2:6: error invalid-utf8: invalid UTF-8 at byte offset 13`,
    );
    expect(result.stderr).toContain(`${keys}:3:1: error invalid-key:`);
    expect(result.stderr).toMatch(/2 errors found; nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it("writes with warnings, and --strict turns them into a failure", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "dup.en.vmsg");
    await writeFile(file, 'a = "1"\r\n\r\n  a = "2"\r\n');

    const strict = await runCli([
      "import",
      "vmsg",
      file,
      "--out",
      path.join(dir, "strict"),
      "--strict",
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/1 problem found; nothing was written/);
    expect(existsSync(path.join(dir, "strict"))).toBe(false);

    const result = await runCli([
      "import",
      "vmsg",
      file,
      "--out",
      path.join(dir, "out"),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${file}:3:3: warning duplicate-key: 'a' is already defined at line 1; VMware's loader keeps this later value, so remove the definition you do not want\n`,
    );
    expect(
      await readFile(path.join(dir, "out", "en", "dup.yaml"), "utf8"),
    ).toMatch(/^a: "2"$/m);
  });

  it("escapes literal braces and keeps printf placeholders", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "braces.en.vmsg");
    await writeFile(file, 'a = "{0} of %1$s: {{x}}"\n');
    const result = await runCli([
      "import",
      "vmsg",
      file,
      "--out",
      path.join(dir, "out"),
    ]);
    expect(result.code).toBe(0);
    const loaded = loadCatalogDirectorySync(path.join(dir, "out"));
    expect(loaded.catalogs.get("en", "braces")!.entries.get("a")!.text).toBe(
      "{{0}} of %1$s: {{{{x}}}}",
    );
  });

  it("documents formats and options", async () => {
    const top = await runCli(["--help"]);
    expect(top.stdout).toMatch(/^ {2}import {4}/m);
    expect(top.stdout).toMatch(/^ {2}export {4}/m);

    const formats = await runCli(["import", "--help"]);
    expect(formats.code).toBe(0);
    expect(formats.stdout).toMatch(
      /^ {2}vmsg {6}VMware \.vmsg catalog files into YAML catalogs$/m,
    );

    const vmsg = await runCli(["import", "vmsg", "--help"]);
    expect(vmsg.code).toBe(0);
    for (const option of [
      "--out DIR",
      "--catalog NAME",
      "--locale L",
      "--force",
      "--strict",
      "<lang>/<domain>.vmsg",
    ]) {
      expect(vmsg.stdout).toContain(option);
    }
  });
});
