import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { listTree, tempDir, writeTree } from "./temp-files.js";

const RESOURCES = JSON.stringify([
  { locale: "en", module: "task", data: [{ key: "a.label", value: "A" }] },
]);

let dir: string;
let catalogs: string;
let vmsg: string;
let resources: string;

beforeAll(async () => {
  dir = await tempDir();
  catalogs = path.join(dir, "catalogs");
  await writeTree(catalogs, {
    "en/task.yaml": 'a.label: "A"\n',
    "de/task.yaml": 'a.label: "Ä"\n',
  });
  vmsg = path.join(dir, "toolbox.de.vmsg");
  resources = path.join(dir, "resources.json");
  await writeTree(dir, {
    "toolbox.de.vmsg": 'greeting = "Hallo"\n',
    "resources.json": RESOURCES,
  });
});

/** Commands whose --out is a folder, with the arguments before --out. */
function folderCommands(): [string, string[]][] {
  return [
    ["build", ["build", catalogs]],
    ["import vmsg", ["import", "vmsg", vmsg]],
    ["import extension", ["import", "extension", resources]],
    ["export vmsg", ["export", "vmsg", catalogs]],
  ];
}

/** Checks a one-line message on stderr, exit 2 and no stack trace. */
function expectWriteError(
  result: { code: number | null; stdout: string; stderr: string },
  message: RegExp,
) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe("--out that cannot be written", () => {
  it("rejects a regular file as --out", async () => {
    for (const [name, args] of folderCommands()) {
      const file = path.join(dir, `file-for-${name.replace(" ", "-")}`);
      await writeFile(file, "keep me");
      const result = await runCli([...args, "--out", file]);
      expect(result.code, name).toBe(2);
      expectWriteError(
        result,
        /^locmsg \w+: cannot write the output: .* is not a folder; check --out\n$/,
      );
      expect(await readFile(file, "utf8")).toBe("keep me");
    }
  });

  it("rejects --out below a regular file", async () => {
    const file = path.join(dir, "plain-file");
    await writeFile(file, "keep me");
    const commands = [
      ...folderCommands(),
      ["export extension", ["export", "extension", catalogs]] as const,
    ];
    for (const [name, args] of commands) {
      const result = await runCli([...args, "--out", path.join(file, "x")]);
      expect(result.code, name).toBe(2);
      expectWriteError(
        result,
        /^locmsg \w+: cannot write the output: .*plain-file is not a folder; check --out\n$/,
      );
    }
    expect(await readFile(file, "utf8")).toBe("keep me");
  });

  it("rejects a folder as export extension --out", async () => {
    const folder = await tempDir();
    const result = await runCli([
      "export",
      "extension",
      catalogs,
      "--out",
      folder,
      "--force",
    ]);
    expectWriteError(
      result,
      /^locmsg export: cannot write the output: .* is a folder; name a file with --out\n$/,
    );
    expect(await listTree(folder)).toEqual([]);
  });

  it("checks export vmsg --out before reading", async () => {
    // A placeholder has no .vmsg form, so reading this folder reports it.
    const source = await writeTree(await tempDir(), {
      "en/task.yaml": 'a.label: "Hello {name}"\n',
    });
    const file = path.join(dir, "export-target");
    await writeFile(file, "");
    const result = await runCli(["export", "vmsg", source, "--out", file]);
    expectWriteError(
      result,
      /^locmsg export: cannot write the output: .*export-target is not a folder; check --out\n$/,
    );
  });
});

describe("write failure after the checks", () => {
  it("build removes every bundle when the manifest fails", async () => {
    const out = await tempDir();
    await mkdir(path.join(out, "manifest.json"));
    const result = await runCli(["build", catalogs, "--out", out]);
    expectWriteError(
      result,
      /^locmsg build: cannot write the output: EISDIR: .*manifest\.json.*; check --out\n$/,
    );
    expect(await listTree(out)).toEqual(["manifest.json"]);
  });

  it("import vmsg keeps earlier targets when a later one fails", async () => {
    const sources = await writeTree(await tempDir(), {
      "toolbox.de.vmsg": 'greeting = "Hallo"\n',
      "toolbox.en.vmsg": 'greeting = "Hello"\n',
      "toolbox.it.vmsg": 'greeting = "Ciao"\n',
    });
    const out = await writeTree(await tempDir(), {
      "de/toolbox.yaml": 'greeting: "old"\n',
    });
    await mkdir(path.join(out, "en", "toolbox.yaml"), { recursive: true });
    const files = ["de", "en", "it"].map((locale) =>
      path.join(sources, `toolbox.${locale}.vmsg`),
    );

    const result = await runCli([
      "import",
      "vmsg",
      ...files,
      "--out",
      out,
      "--force",
    ]);

    expectWriteError(
      result,
      /^locmsg import: cannot write the output: EISDIR: .*; check --out\n$/,
    );
    expect(await readFile(path.join(out, "de", "toolbox.yaml"), "utf8")).toBe(
      'greeting: "old"\n',
    );
    expect(await listTree(out)).toEqual([
      "de",
      "de/toolbox.yaml",
      "en",
      "en/toolbox.yaml",
    ]);
  });
});
