import { describe, expect, it } from "vitest";
import { lintFiles, lintFilesFull } from "./lint-fixtures.js";

/** Returns the code, line and column of each finding. */
async function positions(
  source: string,
): Promise<[string, number?, number?][]> {
  const findings = await lintFiles({ "en/locmsg.yaml": source });
  return findings.map((f) => [f.code, f.line, f.column]);
}

describe("positions inside escaped values", () => {
  it("matches the loader after \\u00e9", async () => {
    // Line 1: `"` is 7, `\u00e9` takes 11 to 16, and `}` is 18.
    // Line 2: `"` is 6, `\u00e9` takes 10 to 15, and `{` is 17.
    const source = [
      String.raw`lone: "Caf\u00e9 } here"`,
      String.raw`bad: "Caf\u00e9 {1 done"`,
      "",
    ].join("\n");
    expect(await positions(source)).toEqual([
      ["unbalanced-brace", 1, 18],
      ["template-syntax", 2, 17],
    ]);
  });

  it("matches the loader after ''", async () => {
    // Line 1: `'` is 7, `''` takes 11 and 12, and `}` is 15.
    // Line 2: `'` is 6, `''` takes 10 and 11, and `{` is 14.
    const source = ["lone: 'Don''t } here'", "bad: 'Don''t {1 done'", ""].join(
      "\n",
    );
    expect(await positions(source)).toEqual([
      ["unbalanced-brace", 1, 15],
      ["template-syntax", 2, 14],
    ]);
  });

  it("folded spaces give value start", async () => {
    // YAML drops the spaces after `Use` and folds the line break into one space.
    expect(await positions('lone: "Use   \n  } here"\n')).toEqual([
      ["unbalanced-brace", 1, 7],
    ]);
  });

  it("value start carries a note", async () => {
    // A folded block joins its lines, so `}` has no exact source position.
    const { diagnostics } = await lintFilesFull({
      "en/locmsg.yaml": "lone: >\n  Use\n  } here\n",
    });
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["unbalanced-brace", 1, 7],
    ]);
    expect(diagnostics[0]!.message).toContain(
      "(at line 1, column 5 of the message; the position shown is the start of the value",
    );
  });
});
