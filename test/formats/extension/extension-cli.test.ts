import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";

const EXTENSION = {
  _typeName: "Extension",
  key: "com.example.backup",
  description: {
    _typeName: "Description",
    label: "Backup",
    summary: "Backs up VMs",
  },
  version: "1.0",
  resourceList: [
    {
      _typeName: "ExtensionResourceInfo",
      locale: "de",
      module: "task",
      data: [
        {
          _typeName: "KeyValue",
          key: "com.example.backup.run.label",
          value: "Sicherung ausführen",
        },
        {
          _typeName: "KeyValue",
          key: "com.example.backup.run.summary",
          value: "no",
        },
      ],
    },
    {
      _typeName: "ExtensionResourceInfo",
      locale: "en",
      module: "task",
      data: [
        {
          _typeName: "KeyValue",
          key: "com.example.backup.run.label",
          value: "Run backup",
        },
      ],
    },
    {
      _typeName: "ExtensionResourceInfo",
      locale: "en",
      module: "event",
      data: [
        {
          _typeName: "KeyValue",
          key: "com.example.backup.done.fullFormat",
          value: "Backed up {vm.name}  ({{done}})",
        },
      ],
    },
  ],
};

// Each case starts the built CLI, which loads the catalogs; a busy machine needs time.
describe("locmsg import/export extension", { timeout: 30_000 }, () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "locmsg-ext-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(
      file,
      typeof value === "string" ? value : JSON.stringify(value, null, 2),
    );
    return file;
  };

  it("round-trips an Extension", async () => {
    const input = write("extension.json", EXTENSION);
    const out = path.join(dir, "catalogs");
    const imported = await runCli(["import", "extension", input, "--out", out]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout.trim().split("\n")).toEqual([
      `wrote ${path.join(out, "de", "task.yaml")}`,
      `wrote ${path.join(out, "en", "event.yaml")}`,
      `wrote ${path.join(out, "en", "task.yaml")}`,
    ]);
    const yaml = readFileSync(path.join(out, "de", "task.yaml"), "utf8");
    expect(yaml).toContain('com.example.backup.run.summary: "no"');

    const json = path.join(dir, "resources.json");
    const exported = await runCli([
      "export",
      "extension",
      out,
      "--vi-json",
      "--out",
      json,
    ]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    const sorted = [...EXTENSION.resourceList].sort((a, b) =>
      `${a.locale}/${a.module}`.localeCompare(`${b.locale}/${b.module}`),
    );
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(sorted);
  });

  it("round-trips catalogs", async () => {
    const source = path.join(dir, "source");
    mkdirSync(path.join(source, "de"), { recursive: true });
    mkdirSync(path.join(source, "en"), { recursive: true });
    writeFileSync(
      path.join(source, "de", "task.yaml"),
      'a:\n  label: "Ä {name}"\n  summary: "007"\n',
    );
    writeFileSync(
      path.join(source, "en", "task.yaml"),
      'a.label: "A {name}"\n',
    );

    const json = path.join(dir, "resources.json");
    expect(
      (await runCli(["export", "extension", source, "--out", json])).code,
    ).toBe(0);
    const plain = JSON.parse(readFileSync(json, "utf8"));
    expect(plain[0]).toEqual({
      locale: "de",
      module: "task",
      data: [
        { key: "a.label", value: "Ä {name}" },
        { key: "a.summary", value: "007" },
      ],
    });

    const back = path.join(dir, "back");
    expect(
      (await runCli(["import", "extension", json, "--out", back])).code,
    ).toBe(0);
    const json2 = path.join(dir, "again.json");
    expect(
      (await runCli(["export", "extension", back, "--out", json2])).code,
    ).toBe(0);
    expect(readFileSync(json2, "utf8")).toBe(readFileSync(json, "utf8"));
  });

  it("exports selected modules to stdout", async () => {
    const input = write("extension.json", EXTENSION);
    const out = path.join(dir, "catalogs");
    await runCli(["import", "extension", input, "--out", out]);
    const result = await runCli([
      "export",
      "extension",
      out,
      "--module",
      "event",
      "--out",
      "-",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        locale: "en",
        module: "event",
        data: [
          {
            key: "com.example.backup.done.fullFormat",
            value: "Backed up {vm.name}  ({{done}})",
          },
        ],
      },
    ]);
  });

  it("reads a resourceList from stdin", async () => {
    const out = path.join(dir, "catalogs");
    const result = await runCli(
      ["import", "extension", "-", "--out", out],
      JSON.stringify(EXTENSION.resourceList),
    );
    expect(result.code).toBe(0);
    expect(existsSync(path.join(out, "en", "event.yaml"))).toBe(true);
  });

  it("reports bad resources and writes nothing", async () => {
    const input = write("bad.json", [
      { locale: "de", module: "task", data: [{ key: "a", value: "ok" }] },
      { locale: "xx yy", module: "task", data: [] },
      {
        locale: "en",
        module: "task",
        data: [
          { key: "b", value: 1 },
          { key: "c", value: "{" },
        ],
      },
    ]);
    const out = path.join(dir, "catalogs");
    const result = await runCli(["import", "extension", input, "--out", out]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(
      /^.*bad\.json: error invalid-locale: resourceList\[1\], locale 'xx yy', module 'task'/,
    );
    expect(lines[1]).toContain(
      "error non-string-value: resourceList[2], locale 'en', module 'task', key 'b'",
    );
    expect(lines[2]).toContain(
      "error template-syntax: resourceList[2], locale 'en', module 'task', key 'c'",
    );
    expect(lines[3]).toBe("locmsg import: 3 errors found; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects malformed JSON", async () => {
    const input = write("broken.json", '[{"locale": "de",');
    const result = await runCli([
      "import",
      "extension",
      input,
      "--out",
      path.join(dir, "o"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid JSON");
  });

  it("rejects a document without resources", async () => {
    const input = write("ext.json", { key: "k" });
    const result = await runCli([
      "import",
      "extension",
      input,
      "--out",
      path.join(dir, "o"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("has no 'resourceList'");
  });

  it("refuses to overwrite without --force", async () => {
    const input = write("extension.json", EXTENSION);
    const out = path.join(dir, "catalogs");
    expect(
      (await runCli(["import", "extension", input, "--out", out])).code,
    ).toBe(0);
    const again = await runCli(["import", "extension", input, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("pass --force to overwrite");
    const forced = await runCli([
      "import",
      "extension",
      input,
      "--out",
      out,
      "--force",
    ]);
    expect(forced.code).toBe(0);
  });

  it("export checks its options", async () => {
    const input = write("extension.json", EXTENSION);
    const out = path.join(dir, "catalogs");
    await runCli(["import", "extension", input, "--out", out]);
    const noOut = await runCli(["export", "extension", out]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("missing --out");
    const badModule = await runCli([
      "export",
      "extension",
      out,
      "--module",
      "auth",
      "--out",
      "-",
    ]);
    expect(badModule.code).toBe(2);
    expect(badModule.stderr).toContain("no catalog for --module 'auth'");
    const noDir = await runCli([
      "export",
      "extension",
      path.join(dir, "none"),
      "--out",
      "-",
    ]);
    expect(noDir.code).toBe(2);
    const existing = write("taken.json", "[]");
    const taken = await runCli(["export", "extension", out, "--out", existing]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain("already exists");
  });

  it("export refuses catalogs that do not load", async () => {
    const source = path.join(dir, "source", "en");
    mkdirSync(source, { recursive: true });
    writeFileSync(path.join(source, "task.yaml"), "a: {\n");
    const json = path.join(dir, "out.json");
    const result = await runCli([
      "export",
      "extension",
      path.join(dir, "source"),
      "--out",
      json,
    ]);
    expect(result.code).toBe(1);
    expect(existsSync(json)).toBe(false);
  });

  it("lists extension in the formats", async () => {
    const result = await runCli(["import", "--help"]);
    expect(result.stdout).toContain("extension");
    const help = await runCli(["export", "extension", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--vi-json");
  });
});
