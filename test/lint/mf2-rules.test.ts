import { describe, expect, it } from "vitest";
import { lintFiles } from "./lint-fixtures.js";

const EN_FILES = [
  "files: !mf2 |",
  "  .input {$count :number}",
  "  .match $count",
  "  one {{One file}}",
  "  * {{{$count} files}}",
  "",
].join("\n");

describe("MF2 rules", () => {
  it("plural-category-unused", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": EN_FILES,
      "de/locmsg.yaml": [
        "files: !mf2 |",
        "  .input {$count :number}",
        "  .match $count",
        "  one {{Eine Datei}}",
        "  few {{Einige Dateien}}",
        "  * {{{$count} Dateien}}",
        "",
      ].join("\n"),
    });
    expect(findings).toEqual([
      {
        code: "plural-category-unused",
        severity: "error",
        file: "de/locmsg.yaml",
        line: 5,
        column: 3,
        key: "files",
        locale: "de",
      },
    ]);
  });

  it("plural keys follow each locale", async () => {
    const polish = [
      "files: !mf2 |",
      "  .input {$count :integer}",
      "  .match $count",
      "  0 {{Brak plików}}",
      "  |=1| {{Jeden plik}}",
      "  one {{{$count} plik}}",
      "  few {{{$count} pliki}}",
      "  many {{{$count} plików}}",
      "  * {{{$count} pliku}}",
      "",
    ].join("\n");
    const findings = await lintFiles({
      "en/locmsg.yaml": EN_FILES,
      "pl/locmsg.yaml": polish,
      "ja/locmsg.yaml": polish,
    });
    expect(findings.map((f) => [f.code, f.locale, f.line])).toEqual([
      ["plural-category-unused", "ja", 6],
      ["plural-category-unused", "ja", 7],
      ["plural-category-unused", "ja", 8],
    ]);
  });

  it("ordinal and exact selectors", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": [
        "place: !mf2 |",
        "  .input {$n :number select=ordinal}",
        "  .match $n",
        "  one {{{$n}st}}",
        "  two {{{$n}nd}}",
        "  few {{{$n}rd}}",
        "  many {{{$n}th}}",
        "  * {{{$n}th}}",
        "exact: !mf2 |",
        "  .input {$n :number select=exact}",
        "  .match $n",
        "  few {{few}}",
        "  * {{other}}",
        "kind: !mf2 |",
        "  .input {$k :string}",
        "  .match $k",
        "  few {{few}}",
        "  * {{other}}",
        "",
      ].join("\n"),
    });
    expect(findings.map((f) => [f.code, f.key, f.line])).toEqual([
      ["plural-category-unused", "place", 7],
    ]);
  });

  it("mf2-syntax", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": 'broken: !mf2 "Hello {$name"\n',
    });
    expect(findings).toEqual([
      {
        code: "mf2-syntax",
        severity: "error",
        file: "en/locmsg.yaml",
        line: 1,
        column: 27,
        key: "broken",
        locale: "en",
      },
    ]);
  });

  it("MF2 variables are compared", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": EN_FILES,
      "de/locmsg.yaml": [
        "files: !mf2 |",
        "  .input {$count :number}",
        "  .match $count",
        "  one {{Eine Datei in {$folder}}}",
        "  * {{Dateien}}",
        "",
      ].join("\n"),
    });
    expect(findings).toEqual([
      {
        code: "unknown-placeholder",
        severity: "error",
        file: "de/locmsg.yaml",
        line: 4,
        column: 24,
        key: "files",
        locale: "de",
      },
    ]);
  });

  it("MF2 translation of a template", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": 'ip: "IP address is {address}"\n',
      "de/locmsg.yaml": 'ip: !mf2 "IP-Adresse {$address}"\n',
    });
    expect(findings).toEqual([]);
  });
});
