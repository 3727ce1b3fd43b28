import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LINT_RULES } from "../../src/lint/lint-rules.js";
import { runCli } from "../helpers/run-cli.js";
import { writeCatalogs } from "./lint-fixtures.js";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/locmsg.js", import.meta.url));
const SCRIPT = ["/usr/bin/script", "/bin/script"].find((file) =>
  existsSync(file),
);

/** A catalog directory `catalogs/` with one error and one warning. */
const FLAWED = {
  "catalogs/en/locmsg.yaml": 'ip: "IP address is {address}"\nok: "OK"\n',
  "catalogs/de/locmsg.yaml": 'ip: "IP-Adresse {adress}"\n',
};

const CLEAN = {
  "catalogs/en/locmsg.yaml": 'ip: "IP address is {address}"\n',
  "catalogs/de/locmsg.yaml": 'ip: "IP-Adresse {address}"\n',
};

describe("locmsg lint", () => {
  it("clean catalogs exit 0", async () => {
    const root = await writeCatalogs(CLEAN);
    const result = await runCli(["lint"], "", root);
    expect(result.stdout).toBe("0 errors, 0 warnings\n");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("errors exit 1 with the human report", async () => {
    const root = await writeCatalogs(FLAWED);
    const result = await runCli(["lint", "catalogs"], "", root);
    expect(result.stdout).toBe(
      [
        "catalogs/de/locmsg.yaml",
        "  -     warning  missing-key          key 'ok' of catalog 'locmsg' is missing in locale 'de', so it renders in 'en'; add a translation to 'locmsg.yaml'",
        "  1:5   warning  dropped-placeholder  key 'ip' leaves out placeholder '{address}' of the 'en' message, so that value is not shown in 'de'; add it, unless leaving it out is intended",
        "  1:17  error    unknown-placeholder  placeholder '{adress}' in key 'ip' reads an argument that the 'en' message does not use, so callers do not send it (it has '{address}'); use a placeholder of the 'en' message",
        "",
        "1 error, 2 warnings",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
  });

  it("json format", async () => {
    const root = await writeCatalogs(FLAWED);
    const result = await runCli(["lint", "--format", "json"], "", root);
    const diagnostics = JSON.parse(result.stdout);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics[2]).toEqual({
      code: "unknown-placeholder",
      severity: "error",
      message:
        "placeholder '{adress}' in key 'ip' reads an argument that the 'en' message does not use, so callers do not send it (it has '{address}'); use a placeholder of the 'en' message",
      file: "catalogs/de/locmsg.yaml",
      line: 1,
      column: 17,
      key: "ip",
      locale: "de",
      catalog: "locmsg",
      related: { file: "catalogs/en/locmsg.yaml", line: 1, column: 5 },
    });
    expect(result.code).toBe(1);
  });

  it("json format when clean", async () => {
    const root = await writeCatalogs(CLEAN);
    const result = await runCli(["lint", "--format=json"], "", root);
    expect(result.stdout).toBe("[]\n");
    expect(result.code).toBe(0);
  });

  it("github format", async () => {
    const root = await writeCatalogs(FLAWED);
    const result = await runCli(["lint", "--format", "github"], "", root);
    expect(result.stdout.split("\n")).toEqual([
      "::warning file=catalogs/de/locmsg.yaml,title=missing-key::key 'ok' of catalog 'locmsg' is missing in locale 'de', so it renders in 'en'; add a translation to 'locmsg.yaml'",
      "::warning file=catalogs/de/locmsg.yaml,line=1,col=5,title=dropped-placeholder::key 'ip' leaves out placeholder '{address}' of the 'en' message, so that value is not shown in 'de'; add it, unless leaving it out is intended",
      "::error file=catalogs/de/locmsg.yaml,line=1,col=17,title=unknown-placeholder::placeholder '{adress}' in key 'ip' reads an argument that the 'en' message does not use, so callers do not send it (it has '{address}'); use a placeholder of the 'en' message",
      "1 error, 2 warnings",
      "",
    ]);
    expect(result.code).toBe(1);
  });

  it("warnings alone exit 0", async () => {
    const root = await writeCatalogs({
      ...CLEAN,
      "catalogs/en/enum.yaml": 'a: "A"\n',
    });
    const result = await runCli(["lint"], "", root);
    expect(result.stdout).toContain("0 errors, 1 warning\n");
    expect(result.code).toBe(0);
  });

  it("--max-warnings", async () => {
    const root = await writeCatalogs({
      ...CLEAN,
      "catalogs/en/enum.yaml": 'a: "A"\nb: "B}"\n',
    });
    const within = await runCli(["lint", "--max-warnings", "2"], "", root);
    expect(within.stderr).toBe("");
    expect(within.code).toBe(0);

    const over = await runCli(["lint", "--max-warnings", "1"], "", root);
    expect(over.stdout).toContain("0 errors, 2 warnings\n");
    expect(over.stderr).toBe(
      "locmsg lint: 2 warnings exceed --max-warnings 1; fix or ignore some, or raise the limit\n",
    );
    expect(over.code).toBe(1);
  });

  it("--ignore", async () => {
    const root = await writeCatalogs(FLAWED);
    const result = await runCli(
      [
        "lint",
        "--ignore",
        "unknown-placeholder:ip",
        "--ignore=dropped-placeholder",
        "--ignore",
        "missing-key:de/locmsg/o?",
      ],
      "",
      root,
    );
    expect(result.stdout).toBe("0 errors, 0 warnings\n");
    expect(result.code).toBe(0);
  });

  it("--default-locale", async () => {
    const root = await writeCatalogs(CLEAN);
    const result = await runCli(["lint", "--default-locale", "de"], "", root);
    expect(result.stdout).toBe("0 errors, 0 warnings\n");
    expect(result.code).toBe(0);
  });

  it("several directories", async () => {
    const root = await writeCatalogs({
      ...CLEAN,
      "other/en/enum.yaml": 'a: "A}"\n',
    });
    const result = await runCli(["lint", "catalogs", "other"], "", root);
    expect(result.stdout).toContain("other/en/enum.yaml\n  1:6  warning");
    expect(result.code).toBe(0);
  });

  it.each([
    [
      ["--format", "xml"],
      "locmsg lint: invalid --format 'xml'; use one of human, json, github",
    ],
    [
      ["--max-warnings=-1"],
      "locmsg lint: invalid --max-warnings '-1'; use a whole number of 0 or more, such as 0 to fail on any warning",
    ],
    [
      ["--max-warnings", "1.5"],
      "locmsg lint: invalid --max-warnings '1.5'; use a whole number of 0 or more, such as 0 to fail on any warning",
    ],
    [
      ["missing"],
      "locmsg lint: catalog directory 'missing' not found; pass a directory laid out as DIR/<locale>/<catalog>.yaml, such as 'catalogs'",
    ],
    [
      ["catalogs/en/locmsg.yaml"],
      "locmsg lint: 'catalogs/en/locmsg.yaml' is not a directory; pass a directory laid out as DIR/<locale>/<catalog>.yaml, such as 'catalogs'",
    ],
    [
      ["--ignore", "no-such-rule"],
      "locmsg lint: invalid --ignore 'no-such-rule': 'no-such-rule' is not a lint rule; write RULE or RULE:KEY-GLOB with a rule code from 'locmsg lint --help'",
    ],
    [
      ["--default-locale", "x!"],
      "locmsg lint: invalid default locale 'x!'; use a locale such as 'en' or 'zh_CN'",
    ],
  ])("exit 2 for %j", async (args, message) => {
    const root = await writeCatalogs(CLEAN);
    const result = await runCli(["lint", ...args], "", root);
    expect(result.stderr).toBe(`${message}\n`);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });

  it("exit 2 for an unknown option", async () => {
    const result = await runCli(["lint", "--strict"]);
    expect(result.stderr).toContain("locmsg lint: unknown option '--strict'");
    expect(result.code).toBe(2);
  });

  it("default DIR missing exits 2", async () => {
    const root = await writeCatalogs({ "empty/.keep": "" });
    const result = await runCli(["lint"], "", root);
    expect(result.stderr).toContain("catalog directory 'catalogs' not found");
    expect(result.code).toBe(2);
  });

  // `script` (util-linux) runs the command on a pseudo-terminal.
  it.skipIf(!SCRIPT)("colour on a terminal", async () => {
    const root = await writeCatalogs(FLAWED);
    const command = `'${process.execPath}' '${BIN}' lint`;
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(SCRIPT!, ["-qc", command, "/dev/null"], {
        cwd: root,
        env,
        encoding: "utf8",
      }).stdout;
    const { NO_COLOR: _unset, ...env } = process.env;
    expect(run(env)).toContain("\u001b[31merror  \u001b[0m");
    expect(run({ ...env, NO_COLOR: "1" })).not.toContain("\u001b[");
  });

  it("no colour without a terminal", async () => {
    const root = await writeCatalogs(FLAWED);
    const result = await runCli(["lint"], "", root);
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("--help lists every rule", async () => {
    const result = await runCli(["lint", "--help"]);
    for (const rule of LINT_RULES) expect(result.stdout).toContain(rule.code);
    expect(result.code).toBe(0);
  });

  it("shipped catalogs have no errors", async () => {
    const result = await runCli(
      ["lint", "catalogs", "--format", "json"],
      "",
      PROJECT,
    );
    const diagnostics: { severity: string }[] = JSON.parse(result.stdout);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.code).toBe(0);
    // Every shipped locale is read, which takes a few seconds on a busy machine.
  }, 20_000);

  it("json output is valid with many findings", async () => {
    const root = await writeCatalogs({ "catalogs/en/enum.yaml": 'a: "A"\n' });
    const lines = Array.from({ length: 500 }, (_, i) => `k${i}: "x}"`);
    await fs.writeFile(
      path.join(root, "catalogs/en/enum.yaml"),
      `${lines.join("\n")}\n`,
    );
    const result = await runCli(["lint", "--format", "json"], "", root);
    expect(JSON.parse(result.stdout)).toHaveLength(500);
    expect(result.code).toBe(0);
  });
});
