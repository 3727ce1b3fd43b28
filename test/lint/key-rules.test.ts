import { describe, expect, it } from "vitest";
import { lintFiles, lintFilesFull } from "./lint-fixtures.js";

describe("key rules", () => {
  it("duplicate-key across .yaml and .yml", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B"\n',
      "en/enum.yml": 'c: "C"\nb: "B again"\n',
    });
    expect(findings).toEqual([
      {
        code: "invalid-catalog-path",
        severity: "error",
        file: "en/enum.yml",
        locale: "en",
      },
      {
        code: "duplicate-key",
        severity: "error",
        file: "en/enum.yml",
        line: 2,
        column: 4,
        key: "b",
        locale: "en",
      },
    ]);
  });

  it("duplicate-key names the first definition", async () => {
    const { root, diagnostics } = await lintFilesFull({
      "en/enum.yaml": 'a: "A"\nb: "B"\n',
      "en/enum.yml": 'b: "B again"\n',
    });
    const duplicate = diagnostics.find((d) => d.code === "duplicate-key");
    expect(duplicate?.related).toEqual({
      file: `${root}/en/enum.yaml`,
      line: 2,
      column: 4,
    });
  });

  it("duplicate-key inside one file", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\na: "A again"\n',
    });
    expect(findings).toEqual([
      {
        code: "duplicate-key",
        severity: "error",
        file: "en/enum.yaml",
        line: 2,
        column: 1,
        key: "a",
        locale: "en",
      },
    ]);
  });

  it("nfc-duplicate-key", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'caf\u00e9: "A"\ncafe\u0301: "B"\nplain: "C"\n',
    });
    expect(findings).toEqual([
      {
        code: "nfc-duplicate-key",
        severity: "error",
        file: "en/enum.yaml",
        line: 2,
        column: 8,
        key: "cafe\u0301",
        locale: "en",
      },
    ]);
  });

  it("nfc-duplicate-key across files", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'caf\u00e9: "A"\n',
      "en/enum.yml": 'cafe\u0301: "B"\n',
    });
    expect(findings.map((f) => [f.code, f.file])).toEqual([
      ["invalid-catalog-path", "en/enum.yml"],
      ["nfc-duplicate-key", "en/enum.yml"],
    ]);
  });

  it("nfc-duplicate-key with an ASCII twin", async () => {
    // U+212A KELVIN SIGN normalizes to the letter K.
    const findings = await lintFiles({
      "en/enum.yaml": 'K: "A"\n\u212a: "B"\n',
    });
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ["nfc-duplicate-key", 2],
    ]);
  });

  it("distinct keys stay quiet", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'caf\u00e9: "A"\ncafe: "B"\nna\u00efve: "C"\n',
    });
    expect(findings).toEqual([]);
  });

  it("loader errors pass through", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: [1]\nc: "{x"\nd: &anchor "D"\n',
      "en/task.yaml": "a: [\n",
    });
    expect(findings).toEqual([
      {
        code: "non-string-value",
        severity: "error",
        file: "en/enum.yaml",
        line: 2,
        column: 4,
        key: "b",
        locale: "en",
      },
      {
        code: "template-syntax",
        severity: "error",
        file: "en/enum.yaml",
        line: 3,
        column: 5,
        key: "c",
        locale: "en",
      },
      {
        code: "yaml-anchor",
        severity: "error",
        file: "en/enum.yaml",
        line: 4,
        column: 4,
        key: "d",
        locale: "en",
      },
      {
        code: "yaml-syntax",
        severity: "error",
        file: "en/task.yaml",
        line: 2,
        column: 1,
        locale: "en",
      },
    ]);
  });

  it("invalid directory names pass through", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\n',
      "not a locale/enum.yaml": 'a: "A"\n',
      "en/1bad.yaml": 'a: "A"\n',
    });
    expect(findings.map((f) => [f.code, f.file])).toEqual([
      ["invalid-catalog-path", "en/1bad.yaml"],
      ["invalid-catalog-path", "not a locale"],
    ]);
  });
});
