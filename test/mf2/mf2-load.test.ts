import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import { compileMf2 } from "../../src/mf2/compile-mf2.js";

const FILE = "catalogs/en/locmsg.yaml";

function parse(source: string) {
  return parseCatalogYaml(source, FILE, { locale: "en", catalog: "locmsg" });
}

/** Parses `source`, expecting one diagnostic, for `key`, and `key` left out. */
function singleError(source: string, key: string) {
  const result = parse(source);
  expect(result.diagnostics).toHaveLength(1);
  const diagnostic = result.diagnostics[0]!;
  expect(diagnostic.key).toBe(key);
  expect(diagnostic.file).toBe(FILE);
  expect(result.entries.has(key)).toBe(false);
  expect(result.entries.get("ok")?.text).toBe("Fine");
  return diagnostic;
}

describe("!mf2 tag", () => {
  it("marks a scalar as MF2", () => {
    const result = parse(
      "a: !mf2 |-\n  .input {$count :number}\n  .match $count\n  one {{one VM}}\n  * {{{$count} VMs}}\n",
    );
    expect(result.diagnostics).toEqual([]);
    const entry = result.entries.get("a")!;
    expect(entry.text).toBe(
      ".input {$count :number}\n.match $count\none {{one VM}}\n* {{{$count} VMs}}",
    );
    expect(entry.parts).toEqual([]);
    expect(entry.mf2?.message.type).toBe("select");
    expect(entry.line).toBe(1);
    expect(entry.column).toBe(9);
  });

  it("works on quoted and nested values", () => {
    const result = parse(
      "x:\n  a: !mf2 'Hello {$name}'\n  b: !mf2 \"{$n :number}\"\n",
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get("x.a")?.mf2?.variables).toEqual(["name"]);
    expect(result.entries.get("x.b")?.mf2?.functions).toEqual(["number"]);
  });

  it("is rejected on a mapping", () => {
    const diagnostic = singleError("ok: Fine\nx: !mf2\n  a: '{$count}'\n", "x");
    expect(diagnostic.code).toBe("yaml-tag");
    expect(diagnostic.line).toBe(2);
    expect(diagnostic.column).toBe(4);
    expect(diagnostic.message).toContain("put !mf2 on each message string");
  });

  it("is rejected on a sequence", () => {
    const diagnostic = singleError("ok: Fine\nx: !mf2 [a, b]\n", "x");
    expect(diagnostic.code).toBe("yaml-tag");
    expect(diagnostic.line).toBe(2);
    expect(diagnostic.column).toBe(4);
  });

  it("is rejected on a key", () => {
    const diagnostic = singleError("ok: Fine\n!mf2 x: Text\n", "x");
    expect(diagnostic.code).toBe("yaml-tag");
    expect(diagnostic.line).toBe(2);
    expect(diagnostic.column).toBe(1);
    expect(diagnostic.message).toContain("only !!str is allowed");
  });

  it("does not mark untagged MF2-looking text", () => {
    const result = parse("a: '{$count} virtual machines'\n");
    expect(result.diagnostics).toEqual([]);
    const entry = result.entries.get("a")!;
    expect(entry.mf2).toBeUndefined();
    expect(entry.parts).toHaveLength(2);
  });

  it("leaves untagged .match text to the template parser", () => {
    const diagnostic = singleError(
      "ok: Fine\na: |-\n  .input {$count :number}\n  .match $count\n  * {{x}}\n",
      "a",
    );
    expect(diagnostic.code).toBe("template-syntax");
  });
});

describe("mf2-syntax positions", () => {
  it.each([
    // Unclosed expression: the parser expects '}' at the end of the line.
    ["plain", "ok: Fine\na: !mf2 Hello {$name\n", 2, 21],
    ["invalid escape", "ok: Fine\na: !mf2 Disk \\q full\n", 2, 14],
    ["single quoted", "ok: Fine\na: !mf2 'Hi {$x :number} {{'\n", 2, 26],
    ["double quoted", 'ok: Fine\na: !mf2 "Hi {$x :number} {{"\n', 2, 26],
    [
      "literal block",
      "ok: Fine\na: !mf2 |-\n  .input {$count :number}\n  .match $count\n  one {{{$count} VM}}\n  * {{{$count VMs}}\n",
      6,
      15,
    ],
    [
      "missing catch-all variant",
      "ok: Fine\na: !mf2 |-\n  .input {$count :number}\n  .match $count\n  one {{{$count} VM}}\n",
      5,
      3,
    ],
    [
      "selector without function",
      "ok: Fine\na: !mf2 |-\n  .match $count\n  one {{one}}\n  * {{many}}\n",
      3,
      10,
    ],
    [
      "duplicate variant",
      "ok: Fine\na: !mf2 |-\n  .input {$n :number}\n  .match $n\n  one {{a}}\n  one {{b}}\n  * {{c}}\n",
      6,
      3,
    ],
    [
      "nested literal block",
      "ok: Fine\nx:\n  a: !mf2 |\n    first {$x}\n    then {$y :number minimumFractionDigits=}\n",
      5,
      44,
    ],
  ])("%s", (_name, source, line, column) => {
    const key = source.includes("\nx:") ? "x.a" : "a";
    const diagnostic = singleError(source, key);
    expect(diagnostic.code).toBe("mf2-syntax");
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.message).toContain(`key '${key}'`);
    expect(diagnostic.message).not.toContain("of the message");
  });

  it("names the expected token", () => {
    const diagnostic = singleError("ok: Fine\na: !mf2 Hello {$name\n", "a");
    expect(diagnostic.message).toBe(
      "invalid MessageFormat 2 message for key 'a': expected '}' here (MF2 error 'missing-syntax')",
    );
  });

  it("explains a missing catch-all", () => {
    const diagnostic = singleError(
      "ok: Fine\na: !mf2 |-\n  .input {$n :number}\n  .match $n\n  one {{a}}\n",
      "a",
    );
    expect(diagnostic.message).toContain("add one whose keys are all '*'");
  });

  it("falls back to the value start in folded scalars", () => {
    const diagnostic = singleError(
      "ok: Fine\na: !mf2 >-\n  Hello\n  {$name\n",
      "a",
    );
    expect(diagnostic.code).toBe("mf2-syntax");
    expect(diagnostic.line).toBe(2);
    expect(diagnostic.column).toBe(9);
    expect(diagnostic.message).toContain(
      "(at line 1, column 13 of the message;",
    );
  });

  it("keeps the other entries", () => {
    const result = parse(
      "a: !mf2 Hello {$name\nb: !mf2 Bye {$name}\nc: Plain {name}\n",
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mf2-syntax"]);
    expect([...result.entries.keys()]).toEqual(["b", "c"]);
  });
});

describe("compileMf2", () => {
  // Tokens of MF2 syntax, so that generated text reaches deep into the parser.
  const token = fc.constantFrom(
    "{",
    "}",
    "{{",
    "}}",
    "|",
    "\\",
    "$x",
    ":number",
    ".input",
    ".local",
    ".match",
    " ",
    "\n",
    "*",
    "=",
    "one",
    "1",
    "@a",
    "#b",
    "/c",
  );

  it("returns a result for any text", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const source = tokens.join("");
        const result = compileMf2(source);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
