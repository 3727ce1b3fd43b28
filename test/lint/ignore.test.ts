import { describe, expect, it } from "vitest";
import { LocmsgError } from "../../src/diagnostics/diagnostic.js";
import { parseIgnoreSpec } from "../../src/lint/ignore-rules.js";
import { lintFiles } from "./lint-fixtures.js";

describe("ignore comments", () => {
  it("comment ignores a rule for the next key", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": [
        "# locmsg-lint-ignore unbalanced-brace -- the brace is part of the product name",
        'a: "Brand }"',
        'b: "Other }"',
        "",
      ].join("\n"),
    });
    expect(findings.map((f) => [f.code, f.key])).toEqual([
      ["unbalanced-brace", "b"],
    ]);
  });

  it("comment lists several rules", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml":
        "# locmsg-lint-ignore literal-escape, unbalanced-brace\na: 'x\\n }'\n",
    });
    expect(findings).toEqual([]);
  });

  it("comment covers a value on the next line", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml":
        "# locmsg-lint-ignore unbalanced-brace\n\nparent:\n  a:\n    'x }'\n",
    });
    expect(findings).toEqual([]);
  });

  it("comment leaves other rules on", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": "# locmsg-lint-ignore literal-escape\na: 'x }'\n",
    });
    expect(findings.map((f) => f.code)).toEqual(["unbalanced-brace"]);
  });

  it("comment in a translation covers that locale", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "Queued "\n',
      "de/enum.yaml":
        '# locmsg-lint-ignore whitespace-mismatch\na: "In Warteschlange"\n',
      "fr/enum.yaml": 'a: "En file"\n',
    });
    expect(findings.map((f) => [f.code, f.locale])).toEqual([
      ["whitespace-mismatch", "fr"],
    ]);
  });

  it("comment in the default locale covers every locale", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml":
        '# locmsg-lint-ignore missing-key\nproduct: "vSphere"\nok: "OK"\n',
      "de/locmsg.yaml": 'ok: "OK"\n',
      "fr/locmsg.yaml": 'ok: "OK"\n',
    });
    expect(findings).toEqual([]);
  });

  it("comment on a duplicate key", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\n# locmsg-lint-ignore duplicate-key\na: "A"\n',
    });
    expect(findings).toEqual([]);
  });

  it("invalid-ignore-comment", async () => {
    const findings = await lintFiles({
      "en/enum.yaml":
        "# locmsg-lint-ignore missing-kye\na: A\n  # locmsg-lint-ignore\nb: B\n",
    });
    expect(findings).toEqual([
      {
        code: "invalid-ignore-comment",
        severity: "warning",
        file: "en/enum.yaml",
        line: 1,
        column: 22,
        locale: "en",
      },
      {
        code: "invalid-ignore-comment",
        severity: "warning",
        file: "en/enum.yaml",
        line: 3,
        column: 3,
        locale: "en",
      },
    ]);
  });
});

describe("--ignore", () => {
  const files = {
    "en/locmsg.yaml": 'a.one: "A"\na.two: "A"\nb: "B"\n',
    "en/task.yaml": 'x: "X"\n',
    "de/locmsg.yaml": "{}\n",
    "de/task.yaml": "{}\n",
  };

  it("rule everywhere", async () => {
    const findings = await lintFiles(files, { ignore: ["missing-key"] });
    expect(findings).toEqual([]);
  });

  it("key glob", async () => {
    const findings = await lintFiles(files, { ignore: ["missing-key:a.*"] });
    expect(findings.map((f) => f.key)).toEqual(["b", "x"]);
  });

  it("locale and catalog glob", async () => {
    const findings = await lintFiles(files, {
      ignore: ["missing-key:de/task/*", "missing-key:*/locmsg/a.?wo"],
    });
    expect(findings.map((f) => f.key)).toEqual(["a.one", "b"]);
  });

  it("glob for a whole-catalog warning", async () => {
    const findings = await lintFiles(
      { "en/task.yaml": 'x: "X"\n', "de/enum.yaml": "{}\n" },
      { ignore: ["extra-catalog-file", "missing-catalog-file:de/task/*"] },
    );
    expect(findings).toEqual([]);
  });

  it.each([
    ["missing-kye", "'missing-kye' is not a lint rule"],
    ["missing-key:", "the glob after ':' is empty"],
  ])("rejects %s", async (spec, text) => {
    const error = await lintFiles(files, { ignore: [spec] }).catch((e) => e);
    expect(error).toBeInstanceOf(LocmsgError);
    expect(error.code).toBe("invalid-input");
    expect(error.message).toContain(text);
  });

  it("glob characters are literal", () => {
    const spec = parseIgnoreSpec("missing-key:a.(b)+");
    if (typeof spec === "string") throw new Error(spec);
    expect(spec.pattern?.test("a.(b)+")).toBe(true);
    expect(spec.pattern?.test("aX(b)+")).toBe(false);
  });
});
