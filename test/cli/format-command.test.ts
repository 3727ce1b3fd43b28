import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const taskState = JSON.stringify({
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
});

describe("locmsg format", () => {
  it("renders the documented examples", async () => {
    const cases: [object, string][] = [
      [
        {
          key: "com.vmware.locmsg.ipAddress",
          arg: [{ key: "address", value: "127.0.0.1" }],
        },
        "IP address is 127.0.0.1",
      ],
      [
        {
          key: "com.vmware.locmsg.selectToRevert",
          arg: [
            { key: "1", value: "button.cancel" },
            { key: "2", value: "msg.revert" },
          ],
        },
        "Select 'Cancel' to revert",
      ],
      [JSON.parse(taskState), "State is Queued"],
    ];
    for (const [message, expected] of cases) {
      const result = await runCli(
        ["format", "--locale", "en"],
        JSON.stringify(message),
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(`${expected}\n`);
      expect(result.code).toBe(0);
    }
  });

  it("renders in German", async () => {
    const result = await runCli(["format", "-", "--locale", "de"], taskState);
    expect(result.stdout).toBe("Status: In Warteschlange\n");
    expect(result.code).toBe(0);
  });

  it("reads a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    const file = path.join(dir, "message.json");
    await writeFile(file, taskState);
    const result = await runCli(["format", file, "--locale", "zh-Hant-TW"]);
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith("\n")).toBe(true);
  });

  it("warns but succeeds without --strict", async () => {
    const result = await runCli(
      ["format", "--locale", "en"],
      '{"key":"com.vmware.locmsg.ipAddress"}',
    );
    expect(result.stdout).toBe("IP address is {address}\n");
    expect(result.stderr).toMatch(
      /error missing-argument: argument for \{address\} is missing/,
    );
    expect(result.code).toBe(0);
  });

  it("exits 1 with --strict and prints nothing", async () => {
    const result = await runCli(
      ["format", "--locale", "en", "--strict"],
      '{"key":"com.vmware.locmsg.ipAddress"}',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /catalogs\/en\/locmsg\.yaml:\d+:\d+: error missing-argument/,
    );
  });

  it("rejects an invalid locale with the supported list", async () => {
    const result = await runCli(["format", "--locale", "xx_YY"], taskState);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/invalid --locale 'xx_YY'/);
    expect(result.stderr).toMatch(/Supported: de, en/);
  });

  it("rejects a malformed locale", async () => {
    const result = await runCli(["format", "--locale", "de DE"], taskState);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'de DE'/);
  });

  it("reports invalid JSON with line and column", async () => {
    const result = await runCli(
      ["format", "--locale", "en"],
      '{\n  "key": "x",\n  oops\n}',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/<stdin>:3:3: invalid JSON/);
  });

  it("rejects a document that is no message", async () => {
    const result = await runCli(["format", "--locale", "en"], "[1, 2]");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /invalid message: expected a LocalizableMessage/,
    );
  });

  it("reports a missing file", async () => {
    const result = await runCli(["format", "no-such-file.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /cannot read no-such-file\.json: no such file/,
    );
  });

  it("rejects an unknown option", async () => {
    const result = await runCli(["format", "--colour"], taskState);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--colour/);
  });

  it("rejects an unknown time zone", async () => {
    const result = await runCli(
      ["format", "--time-zone", "Mars/Olympus"],
      taskState,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown time zone 'Mars\/Olympus'/);
  });

  it("uses a catalog folder given with --catalogs", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    await mkdir(path.join(dir, "fr"));
    await writeFile(
      path.join(dir, "fr", "locmsg.yaml"),
      'hello: "Bonjour {name}"\n',
    );
    // Every fallback chain ends with the default locale, en.
    await mkdir(path.join(dir, "en"));
    await writeFile(
      path.join(dir, "en", "locmsg.yaml"),
      'hello: "Hello {name}"\n',
    );
    const result = await runCli(
      ["format", "--catalogs", dir, "--locale", "fr-CA"],
      '{"key":"hello","arg":[{"key":"name","value":"Léa"}]}',
    );
    expect(result.stdout).toBe("Bonjour Léa\n");
    expect(result.code).toBe(0);
  });

  it("rejects a catalog folder without the default locale", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    await mkdir(path.join(dir, "fr"));
    await writeFile(path.join(dir, "fr", "locmsg.yaml"), 'hello: "Bonjour"\n');
    const result = await runCli(
      ["format", "--catalogs", dir, "--locale", "fr"],
      '{"key":"hello"}',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `locmsg format: the catalogs in ${dir} have no locale 'en', which every fallback chain ends with; add ${path.join(dir, "en")}/<catalog>.yaml files or pass --default-locale\n`,
    );
  });

  it("uses the default locale given with --default-locale", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    await mkdir(path.join(dir, "fr"));
    await writeFile(path.join(dir, "fr", "locmsg.yaml"), 'hello: "Bonjour"\n');
    const result = await runCli(
      ["format", "--catalogs", dir, "--default-locale", "fr", "--locale", "ja"],
      '{"key":"hello"}',
    );
    expect(result.stdout).toBe("Bonjour\n");
    expect(result.code).toBe(0);
    const invalid = await runCli(
      ["format", "--default-locale", "not a locale"],
      '{"key":"hello"}',
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid --default-locale 'not a locale'/);
  });

  it("exits 1 with --strict when catalogs do not load cleanly", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    await mkdir(path.join(dir, "en"));
    await writeFile(path.join(dir, "en", "locmsg.yaml"), 'hello: "Hi {name"\n');
    const result = await runCli(
      ["format", "--catalogs", dir, "--strict"],
      '{"key":"hello"}',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /locmsg\.yaml:1:12: error template-syntax: invalid message for key .hello.: unclosed placeholder/,
    );
  });

  it("rejects an empty catalog folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-cli-"));
    const result = await runCli(["format", "--catalogs", dir], taskState);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no catalogs found/);
  });

  it("prints help", async () => {
    for (const command of ["format", "task"]) {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: locmsg ${command}`));
    }
    const top = await runCli(["--help"]);
    expect(top.stdout).toMatch(/Commands:/);
  });

  it("rejects an unknown command", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
