import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  loadCatalogDirectory,
  loadCatalogDirectorySync,
  type LoadOptions,
  type LoadResult,
} from "../../src/catalogs/load-directory.js";
import {
  LocmsgError,
  type Diagnostic,
} from "../../src/diagnostics/diagnostic.js";

const FIXTURE = fileURLToPath(
  new URL("../fixtures/catalogs-basic", import.meta.url),
);

const loaders: [
  string,
  (dir: string, options?: LoadOptions) => Promise<LoadResult>,
][] = [
  ["async", loadCatalogDirectory],
  ["sync", async (dir, options) => loadCatalogDirectorySync(dir, options)],
];

const tempDirs: string[] = [];

afterEach(async () => {
  for (const dir of tempDirs.splice(0)) {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Writes `files` (relative path to content) into a new temporary directory. */
async function writeTree(
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "locmsg-catalogs-"));
  tempDirs.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return root;
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

describe.each(loaders)("loadCatalogDirectory %s", (_mode, load) => {
  it("fixture loads", async () => {
    const { catalogs, diagnostics } = await load(FIXTURE);
    expect(diagnostics).toEqual([]);
    expect(catalogs.locales()).toEqual(["de", "en"]);
    expect(catalogs.catalogNames()).toEqual(["enum", "task"]);
    const queued = catalogs.lookup(
      ["de", "en"],
      "enum",
      "TaskInfo.State.queued.label",
    );
    expect(queued?.locale).toBe("de");
    expect(queued?.entry.text).toBe("In Warteschlange");
    const failed = catalogs.lookup(
      ["de", "en"],
      "enum",
      "TaskInfo.State.error.label",
    );
    expect(failed?.locale).toBe("en");
    expect(failed?.entry.text).toBe("Error");
  });

  it("fixture entry file and position", async () => {
    const { catalogs } = await load(FIXTURE);
    const catalog = catalogs.get("de", "enum");
    const file = path.join(FIXTURE, "de", "enum.yaml");
    expect(catalog?.files).toEqual([file]);
    expect(catalog?.entries.get("TaskInfo.State.queued.label")).toMatchObject({
      file,
      line: 5,
      column: 14,
    });
  });

  it.each([
    ["zh-cn", "zh_CN"],
    ["zh_CN", "zh_CN"],
    ["de-DE", "de_DE"],
    ["de_de", "de_DE"],
    ["EN", "en"],
    ["zh-Hant", "zh_TW"],
  ])("locale directory %s", async (name, locale) => {
    const root = await writeTree({ [`${name}/enum.yaml`]: "a: x\n" });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toEqual([]);
    expect(catalogs.locales()).toEqual([locale]);
    expect(catalogs.get(locale, "enum")?.locale).toBe(locale);
  });

  it("invalid locale directory", async () => {
    const root = await writeTree({
      "not a locale/enum.yaml": "a: x\n",
      "en/enum.yaml": "a: y\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["invalid-catalog-path"]);
    expect(diagnostics[0]!.file).toBe(path.join(root, "not a locale"));
    expect(diagnostics[0]!.message).toContain("not a locale");
    expect(catalogs.locales()).toEqual(["en"]);
  });

  it("two directories one locale", async () => {
    const root = await writeTree({
      "de_DE/enum.yaml": "a: underscore\n",
      "de-DE/enum.yaml": "a: hyphen\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["invalid-catalog-path"]);
    expect(diagnostics[0]).toMatchObject({
      file: path.join(root, "de_DE"),
      locale: "de_DE",
      related: { file: path.join(root, "de-DE") },
    });
    expect(catalogs.get("de_DE", "enum")?.entries.get("a")?.text).toBe(
      "hyphen",
    );
  });

  it("ignored entries", async () => {
    const root = await writeTree({
      "root.yaml": "a: in root\n",
      "README.md": "# catalogs\n",
      ".git/config": "",
      "en/enum.yaml": "a: x\n",
      "en/notes.txt": "not a catalog",
      "en/enum.yaml.bak": "a: old\n",
      "en/.hidden.yaml": "a: hidden\n",
      "en/sub/deep.yaml": "a: deep\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toEqual([]);
    expect(catalogs.locales()).toEqual(["en"]);
    expect(catalogs.catalogNames()).toEqual(["enum"]);
  });

  it("yml and upper-case extensions", async () => {
    const root = await writeTree({
      "en/enum.yml": "a: x\n",
      "en/task.YAML": "b: y\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toEqual([]);
    expect(catalogs.catalogNames()).toEqual(["enum", "task"]);
  });

  it.each(["1enum", "my enum", "enum.v2", "_enum", "en+um"])(
    "invalid catalog name %s",
    async (name) => {
      const root = await writeTree({
        [`en/${name}.yaml`]: "a: x\n",
        "en/ok.yaml": "a: y\n",
      });
      const { catalogs, diagnostics } = await load(root);
      expect(codes(diagnostics)).toEqual(["invalid-catalog-path"]);
      expect(diagnostics[0]).toMatchObject({
        file: path.join(root, "en", `${name}.yaml`),
        locale: "en",
      });
      expect(catalogs.catalogNames()).toEqual(["ok"]);
    },
  );

  it.each(["enum", "Task_Info-2", "a"])(
    "valid catalog name %s",
    async (name) => {
      const root = await writeTree({ [`en/${name}.yaml`]: "a: x\n" });
      const { catalogs, diagnostics } = await load(root);
      expect(diagnostics).toEqual([]);
      expect(catalogs.catalogNames()).toEqual([name]);
    },
  );

  it("yaml and yml for one catalog", async () => {
    const root = await writeTree({
      "en/enum.yaml": "a: from yaml\n",
      "en/enum.yml": "a: from yml\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["invalid-catalog-path"]);
    expect(diagnostics[0]).toMatchObject({
      file: path.join(root, "en", "enum.yml"),
      catalog: "enum",
      related: { file: path.join(root, "en", "enum.yaml") },
    });
    expect(catalogs.get("en", "enum")?.entries.get("a")?.text).toBe(
      "from yaml",
    );
  });

  it("missing root directory", async () => {
    const root = path.join(os.tmpdir(), "locmsg-missing-catalogs-dir");
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["file-read"]);
    expect(diagnostics[0]!.file).toBe(root);
    expect(diagnostics[0]!.message).toContain(root);
    expect(diagnostics[0]!.message).toContain("check the path");
    expect(catalogs.locales()).toEqual([]);
  });

  it("root is a file", async () => {
    const root = await writeTree({ "catalogs.yaml": "a: x\n" });
    const file = path.join(root, "catalogs.yaml");
    const { diagnostics } = await load(file);
    expect(codes(diagnostics)).toEqual(["file-read"]);
    expect(diagnostics[0]!.file).toBe(file);
  });

  it("unreadable catalog file", async () => {
    const root = await writeTree({ "en/ok.yaml": "a: x\n" });
    const link = path.join(root, "en", "enum.yaml");
    await fs.symlink(path.join(root, "missing.yaml"), link);
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["file-read"]);
    expect(diagnostics[0]).toMatchObject({
      file: link,
      locale: "en",
      catalog: "enum",
    });
    expect(diagnostics[0]!.message).toContain(link);
    expect(catalogs.get("en", "enum")?.entries.size).toBe(0);
    expect(catalogs.get("en", "ok")?.entries.size).toBe(1);
  });

  it("symbolic link to locale directory", async () => {
    const root = await writeTree({
      "real/enum.yaml": "a: x\n",
      "top/keep.txt": "",
    });
    const catalogsDir = path.join(root, "top");
    await fs.symlink(path.join(root, "real"), path.join(catalogsDir, "en"));
    const { catalogs, diagnostics } = await load(catalogsDir);
    expect(diagnostics).toEqual([]);
    expect(catalogs.get("en", "enum")?.entries.get("a")?.text).toBe("x");
  });

  it("file diagnostics carry context", async () => {
    const root = await writeTree({ "de/enum.yaml": "ok: x\nbad: [y]\n" });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "non-string-value",
        file: path.join(root, "de", "enum.yaml"),
        line: 2,
        column: 6,
        key: "bad",
        locale: "de",
        catalog: "enum",
      }),
    ]);
    expect(catalogs.get("de", "enum")?.entries.get("ok")?.text).toBe("x");
  });

  it("syntax error leaves empty catalog", async () => {
    const root = await writeTree({
      "de/enum.yaml": "ok: x\nbad: [y\n",
      "en/enum.yaml": "ok: english\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["yaml-syntax"]);
    expect(catalogs.get("de", "enum")?.entries.size).toBe(0);
    expect(catalogs.lookup(["de", "en"], "enum", "ok")?.locale).toBe("en");
  });

  it("empty file empty catalog", async () => {
    const root = await writeTree({ "en/enum.yaml": "" });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics).toEqual([]);
    expect(catalogs.get("en", "enum")?.entries.size).toBe(0);
  });

  it("invalid utf8 file", async () => {
    const root = await writeTree({
      "en/enum.yaml": new Uint8Array([
        0x61, 0x3a, 0x20, 0x78, 0x0a, 0x62, 0x3a, 0x20, 0xfe,
      ]),
    });
    const { diagnostics } = await load(root);
    expect(codes(diagnostics)).toEqual(["invalid-utf8"]);
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 4 });
    expect(diagnostics[0]!.message).toContain("byte offset 8");
  });

  it("onDiagnostic receives each", async () => {
    const root = await writeTree({
      "bad name/enum.yaml": "a: x\n",
      "en/enum.yaml": "a: [x]\n",
      "en/task.yaml": "b: '{'\n",
    });
    const received: Diagnostic[] = [];
    const { diagnostics } = await load(root, {
      onDiagnostic: (d) => received.push(d),
    });
    expect(codes(diagnostics)).toEqual([
      "invalid-catalog-path",
      "non-string-value",
      "template-syntax",
    ]);
    expect(received).toEqual(diagnostics);
  });

  it("strict throws all diagnostics", async () => {
    const root = await writeTree({
      "en/enum.yaml": "a: [x]\n",
      "en/task.yaml": "b: '{'\n",
      "xx-invalid-!/enum.yaml": "a: x\n",
    });
    const received: Diagnostic[] = [];
    const error = await load(root, {
      strict: true,
      onDiagnostic: (d) => received.push(d),
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LocmsgError);
    const { diagnostics } = error as LocmsgError;
    expect(codes(diagnostics)).toEqual([
      "invalid-catalog-path",
      "non-string-value",
      "template-syntax",
    ]);
    expect((error as LocmsgError).code).toBe("invalid-catalog-path");
    expect((error as LocmsgError).message).toContain("(and 2 more)");
    expect(received).toEqual([]);
  });

  it("strict without problems returns", async () => {
    const { catalogs, diagnostics } = await load(FIXTURE, { strict: true });
    expect(diagnostics).toEqual([]);
    expect(catalogs.locales()).toEqual(["de", "en"]);
  });

  it("results deterministic", async () => {
    const root = await writeTree({
      "fr/b.yaml": "k: '{'\n",
      "de/a.yaml": "k: [x]\n",
      "de/c.yaml": "k: '{'\n",
      "en/a.yaml": "k: x\n",
    });
    const { catalogs, diagnostics } = await load(root);
    expect(diagnostics.map((d) => `${d.locale}/${d.catalog}`)).toEqual([
      "de/a",
      "de/c",
      "fr/b",
    ]);
    expect(catalogs.all().map((c) => `${c.locale}/${c.name}`)).toEqual([
      "de/a",
      "de/c",
      "en/a",
      "fr/b",
    ]);
  });
});
