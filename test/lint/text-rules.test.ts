import { describe, expect, it } from "vitest";
import { lintFiles } from "./lint-fixtures.js";

describe("text rules", () => {
  it("literal-escape in each quoting style", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": [
        String.raw`plain: Line\none`,
        String.raw`single: 'Tab\there'`,
        String.raw`double: "a\"b\\rc"`,
        "block: |",
        "  first line",
        String.raw`  second\n line`,
        "",
      ].join("\n"),
    });
    expect(findings).toEqual([
      {
        code: "literal-escape",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 1,
        column: 12,
        key: "plain",
        locale: "en",
      },
      {
        code: "literal-escape",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 2,
        column: 13,
        key: "single",
        locale: "en",
      },
      {
        code: "literal-escape",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 3,
        column: 14,
        key: "double",
        locale: "en",
      },
      {
        code: "literal-escape",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 6,
        column: 9,
        key: "block",
        locale: "en",
      },
    ]);
  });

  it("literal-escape in a folded scalar points at the value", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": "folded: >\n  one\\n\n  two\n",
    });
    expect(findings.map((f) => [f.code, f.line, f.column])).toEqual([
      ["literal-escape", 1, 9],
    ]);
  });

  it("one warning per message", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": String.raw`multi: a\nb\tc\nd` + "\n",
    });
    expect(findings.map((f) => [f.code, f.column])).toEqual([
      ["literal-escape", 9],
    ]);
  });

  it("escaped backslashes and real line breaks stay quiet", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": [
        String.raw`path: "C:\\\\temp\\\\new"`,
        String.raw`real: "Line one\nLine two\t!"`,
        String.raw`other: "100\\% \\d"`,
        "",
      ].join("\n"),
    });
    expect(findings).toEqual([]);
  });

  it("unbalanced-brace", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": 'lone: "Use {name} } here"\nmore: "}}} and {{x}}"\n',
    });
    expect(findings).toEqual([
      {
        code: "unbalanced-brace",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 1,
        column: 19,
        key: "lone",
        locale: "en",
      },
      {
        code: "unbalanced-brace",
        severity: "warning",
        file: "en/locmsg.yaml",
        line: 2,
        column: 10,
        key: "more",
        locale: "en",
      },
    ]);
  });

  it("balanced braces stay quiet", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml":
        'a: "Use {{name}} to insert"\nb: "{1}: {2}"\nc: "{{"\nd: "}}"\n',
    });
    expect(findings).toEqual([]);
  });

  it("imported vmsg catalog flags only the backslash-n", async () => {
    // The shape of open-vm-tools toolbox catalogs after import: printf
    // placeholders, real line breaks and one escape written twice in Italian.
    const findings = await lintFiles({
      "en/toolbox.yaml": [
        '"device.connect.error": "Unable to connect device %1$s.\\n"',
        '"stat.get.failed": "Unable to get statistics: %1$s\\n"',
        '"script.notFound": "%s: script not found: %s\\n"',
        "",
      ].join("\n"),
      "it/toolbox.yaml": [
        '"device.connect.error": "Impossibile connettere il dispositivo %1$s.\\n"',
        '"stat.get.failed": "Impossibile ottenere statistiche: %1$s\\\\n"',
        '"script.notFound": "%s: script non trovato: %s\\n"',
        "",
      ].join("\n"),
    });
    expect(findings).toEqual([
      {
        code: "literal-escape",
        severity: "warning",
        file: "it/toolbox.yaml",
        line: 2,
        column: 59,
        key: "stat.get.failed",
        locale: "it",
      },
    ]);
  });
});
