import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { listTree, tempDir, writeTree } from "./temp-files.js";

const TASK_STATE = JSON.stringify({
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
});

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

/** Checks exit 2 with exactly one line on stderr and nothing on stdout. */
function expectOneError(
  result: { code: number | null; stdout: string; stderr: string },
  message: RegExp,
  what: string,
) {
  expect(result.code, what).toBe(2);
  expect(result.stdout, what).toBe("");
  expect(result.stderr, what).toMatch(message);
  expect(result.stderr.trimEnd().split("\n"), what).toHaveLength(1);
}

describe("empty --locale", () => {
  it("exits 2 for format and task", async () => {
    for (const command of ["format", "task"]) {
      const result = await runCli([command, "--locale", ""], TASK_STATE);
      expectOneError(
        result,
        /^locmsg \w+: invalid --locale '': the value is empty; pass a locale such as en or de, or leave out --locale/,
        command,
      );
    }
  });
});

describe("catalog folder that does not exist", () => {
  it("exits 2 with one message for every command", async () => {
    const missing = path.join(dir, "missing");
    const out = path.join(dir, "out");
    const cases: [string[], RegExp][] = [
      [
        ["format", "--catalogs", missing],
        /^locmsg format: invalid --catalogs '.*missing': no such folder; pass a folder laid out as DIR\/<locale>\/<catalog>\.yaml, or leave out --catalogs/,
      ],
      [
        ["task", "--catalogs", missing],
        /^locmsg task: invalid --catalogs '.*missing': no such folder;/,
      ],
      [
        ["build", missing, "--out", out],
        /^locmsg build: cannot read catalog folder '.*missing': no such folder; pass a folder laid out as DIR\/<locale>\/<catalog>\.yaml\n$/,
      ],
      [
        ["export", "vmsg", missing, "--out", out],
        /^locmsg export: cannot read catalog folder '.*missing': no such folder;/,
      ],
      [
        ["export", "extension", missing, "--out", path.join(out, "x.json")],
        /^locmsg export: cannot read catalog folder '.*missing': no such folder;/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, TASK_STATE);
      expectOneError(result, message, args.join(" "));
    }
    expect(await listTree(out)).toEqual([]);
  });

  it("exits 2 for a file given as --catalogs", async () => {
    const file = path.join(dir, "catalogs.yaml");
    await writeFile(file, 'a: "b"\n');
    const result = await runCli(["format", "--catalogs", file], TASK_STATE);
    expectOneError(
      result,
      /^locmsg format: invalid --catalogs '.*catalogs\.yaml': it is not a folder;/,
      "format",
    );
  });
});

describe("import vmsg FILE", () => {
  it("names a folder as a folder", async () => {
    const folder = path.join(dir, "vmsg-folder");
    await mkdir(path.join(folder, "de"), { recursive: true });
    const result = await runCli([
      "import",
      "vmsg",
      folder,
      "--out",
      path.join(dir, "imported"),
    ]);
    expectOneError(
      result,
      /^locmsg import: cannot read .*vmsg-folder: it is a folder; pass the \.vmsg files in it instead\n$/,
      "import vmsg",
    );
  });

  it("names a missing file before its path is read", async () => {
    const result = await runCli([
      "import",
      "vmsg",
      path.join(dir, "nothing-here"),
      "--out",
      path.join(dir, "imported"),
    ]);
    expectOneError(
      result,
      /^locmsg import: cannot read .*nothing-here: no such file; check the path\n$/,
      "import vmsg",
    );
  });
});

describe("build summary", () => {
  it("uses singular and plural nouns", async () => {
    const one = await writeTree(path.join(dir, "one"), {
      "en/task.yaml": 'a.label: "A"\n',
    });
    const two = await writeTree(path.join(dir, "two"), {
      "en/task.yaml": 'a.label: "A"\n',
      "de/task.yaml": 'a.label: "Ä"\n',
    });
    const cases: [string[], RegExp][] = [
      [["build", one], /^wrote 1 bundle for 1 locale and /],
      [["build", two], /^wrote 2 bundles for 2 locales and /],
      [
        ["build", one, "--format", "esm"],
        /^wrote 1 catalog module for 1 locale and /,
      ],
    ];
    for (const [args, summary] of cases) {
      const out = await tempDir();
      const result = await runCli([...args, "--out", out]);
      expect(result.stderr, args.join(" ")).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(summary);
    }
  });
});

describe("option given twice", () => {
  it("rejects build --out twice and writes nothing", async () => {
    const first = path.join(dir, "twice-a");
    const second = path.join(dir, "twice-b");
    const result = await runCli([
      "build",
      "catalogs",
      "--out",
      first,
      "--out",
      second,
    ]);
    expectOneError(
      result,
      new RegExp(
        `^locmsg build: --out given twice \\('${first}' and '${second}'\\); pass it once; see 'locmsg build --help'`,
      ),
      "build",
    );
    expect(await listTree(dir)).not.toContain("twice-a");
    expect(await listTree(dir)).not.toContain("twice-b");
  });

  it("rejects format --locale twice", async () => {
    const result = await runCli(
      ["format", "--locale", "de", "--locale", "fr"],
      TASK_STATE,
    );
    expectOneError(
      result,
      /^locmsg format: --locale given twice \('de' and 'fr'\); pass it once; see 'locmsg format --help'/,
      "format",
    );
  });

  it("accepts lint --ignore twice", async () => {
    const result = await runCli([
      "lint",
      "catalogs",
      "--ignore",
      "missing-key",
      "--ignore",
      "extra-key",
    ]);
    expect(result.stderr).not.toMatch(/given twice/);
    expect(result.code).toBe(0);
  });
});

describe("option parse errors", () => {
  it("print one line each", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["format", "--locale", "--strict"],
        /^locmsg format: Option '--locale' argument is ambiguous\. Did you forget to specify the option argument for '--locale'\? To specify an option argument starting with a dash use '--locale=-XYZ'; see 'locmsg format --help'/,
      ],
      [
        ["format", "--bogus"],
        /^locmsg format: unknown option '--bogus'; put a value that starts with '-' after '--'; see 'locmsg format --help'/,
      ],
      [
        ["import", "vmsg", "--bogus"],
        /^locmsg import: unknown option '--bogus'; put a value that starts with '-' after '--'; see 'locmsg import vmsg --help'/,
      ],
      [
        ["serve", "--config="],
        /^locmsg serve: invalid --config '': the value is empty; name a configuration file, or leave out --config/,
      ],
      [
        ["format", "--locale", "de\nen", "--locale", "fr"],
        /^locmsg format: --locale given twice \("de\\nen" and 'fr'\); pass it once; see 'locmsg format --help'/,
      ],
    ];
    for (const [args, message] of cases) {
      expectOneError(await runCli(args, TASK_STATE), message, args.join(" "));
    }
  });
});
