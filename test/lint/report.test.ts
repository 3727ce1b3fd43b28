import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import {
  escapeData,
  escapeProperty,
  formatGithub,
} from "../../src/lint/report/format-github.js";
import { formatHuman } from "../../src/lint/report/format-human.js";
import { formatJson } from "../../src/lint/report/format-json.js";

const DIAGNOSTICS: Diagnostic[] = [
  {
    code: "missing-key",
    severity: "warning",
    message: "key 'b' is missing",
    file: "catalogs/de/enum.yaml",
    key: "b",
    locale: "de",
    catalog: "enum",
  },
  {
    code: "unknown-placeholder",
    severity: "error",
    message: "placeholder '{host}' is unknown",
    file: "catalogs/de/enum.yaml",
    line: 12,
    column: 5,
    key: "a",
    locale: "de",
    catalog: "enum",
    related: { file: "catalogs/en/enum.yaml", line: 3, column: 4 },
  },
  {
    code: "unbalanced-brace",
    severity: "warning",
    message: "lone '}'",
    file: "catalogs/en/enum.yaml",
    line: 3,
    column: 9,
    key: "c",
    locale: "en",
    catalog: "enum",
  },
];

describe("human format", () => {
  it("groups by file", () => {
    expect(formatHuman(DIAGNOSTICS).join("\n")).toBe(
      [
        "catalogs/de/enum.yaml",
        "  -     warning  missing-key          key 'b' is missing",
        "  12:5  error    unknown-placeholder  placeholder '{host}' is unknown",
        "",
        "catalogs/en/enum.yaml",
        "  3:9  warning  unbalanced-brace  lone '}'",
        "",
        "1 error, 2 warnings",
      ].join("\n"),
    );
  });

  it("clean run prints the summary", () => {
    expect(formatHuman([])).toEqual(["0 errors, 0 warnings"]);
  });

  it("colours on request", () => {
    const lines = formatHuman(DIAGNOSTICS.slice(2), { color: true });
    expect(lines).toEqual([
      "\u001b[4mcatalogs/en/enum.yaml\u001b[0m",
      "  \u001b[2m3:9\u001b[0m  \u001b[33mwarning\u001b[0m  \u001b[2munbalanced-brace\u001b[0m  lone '}'",
      "",
      "\u001b[33m0 errors, 1 warning\u001b[0m",
    ]);
  });
});

describe("json format", () => {
  it("prints an array of diagnostics", () => {
    const text = formatJson(DIAGNOSTICS.slice(1, 2));
    expect(text).toBe(`[
  {
    "code": "unknown-placeholder",
    "severity": "error",
    "message": "placeholder '{host}' is unknown",
    "file": "catalogs/de/enum.yaml",
    "line": 12,
    "column": 5,
    "key": "a",
    "locale": "de",
    "catalog": "enum",
    "related": {
      "file": "catalogs/en/enum.yaml",
      "line": 3,
      "column": 4
    }
  }
]`);
  });

  it("prints [] when clean", () => {
    expect(formatJson([])).toBe("[]");
  });
});

describe("github format", () => {
  it("prints workflow commands", () => {
    expect(formatGithub(DIAGNOSTICS)).toEqual([
      "::warning file=catalogs/de/enum.yaml,title=missing-key::key 'b' is missing",
      "::error file=catalogs/de/enum.yaml,line=12,col=5,title=unknown-placeholder::placeholder '{host}' is unknown",
      "::warning file=catalogs/en/enum.yaml,line=3,col=9,title=unbalanced-brace::lone '}'",
      "1 error, 2 warnings",
    ]);
  });

  it("escapes message and properties", () => {
    const [line] = formatGithub([
      {
        code: "literal-escape",
        severity: "warning",
        message: "100% of\r\nlines: a, b",
        file: "C:/cat,a%log/de.yaml",
        line: 1,
        column: 2,
      },
    ]);
    expect(line).toBe(
      "::warning file=C%3A/cat%2Ca%25log/de.yaml,line=1,col=2,title=literal-escape::100%25 of%0D%0Alines: a, b",
    );
  });

  it("escape helpers", () => {
    expect(escapeData("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad:e,f");
    expect(escapeProperty("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad%3Ae%2Cf");
  });
});
