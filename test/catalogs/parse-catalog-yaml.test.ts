import { describe, expect, it } from "vitest";
import {
  parseCatalogYaml,
  type ParsedCatalogFile,
} from "../../src/catalogs/parse-catalog-yaml.js";
import {
  formatDiagnostic,
  type Diagnostic,
} from "../../src/diagnostics/diagnostic.js";

const FILE = "catalogs/de/enum.yaml";

function parse(source: string | Uint8Array): ParsedCatalogFile {
  return parseCatalogYaml(source, FILE, { locale: "de", catalog: "enum" });
}

/** Parses `source` and returns its only diagnostic. */
function onlyDiagnostic(source: string | Uint8Array): Diagnostic {
  const { diagnostics } = parse(source);
  expect(diagnostics.map((d) => d.code)).toHaveLength(1);
  return diagnostics[0]!;
}

function texts(result: ParsedCatalogFile): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, entry] of result.entries) {
    Object.defineProperty(record, key, { value: entry.text, enumerable: true });
  }
  return record;
}

describe("parseCatalogYaml keys", () => {
  const expected = {
    "TaskInfo.State.queued.label": "Queued",
    "TaskInfo.State.running.label": "Running",
  };

  it.each([
    [
      "flat",
      "TaskInfo.State.queued.label: Queued\nTaskInfo.State.running.label: Running\n",
    ],
    [
      "nested",
      "TaskInfo:\n  State:\n    queued:\n      label: Queued\n    running:\n      label: Running\n",
    ],
    [
      "mixed",
      "TaskInfo.State:\n  queued.label: Queued\n  running:\n    label: Running\n",
    ],
    [
      "flow mapping",
      "TaskInfo: {State: {queued.label: Queued, running: {label: Running}}}\n",
    ],
  ])("keys %s", (_name, source) => {
    const result = parse(source);
    expect(result.diagnostics).toEqual([]);
    expect(texts(result)).toEqual(expected);
  });

  it("keys case-sensitive", () => {
    const result = parse("State: upper\nstate: lower\n");
    expect(result.diagnostics).toEqual([]);
    expect(texts(result)).toEqual({ State: "upper", state: "lower" });
  });

  it("keys prototype names", () => {
    const source = [
      "__proto__: a",
      "constructor: b",
      "hasOwnProperty: c",
      "toString: d",
      "x:",
      "  __proto__:",
      "    polluted: e",
      "",
    ].join("\n");
    const result = parse(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get("__proto__")?.text).toBe("a");
    expect(result.entries.get("constructor")?.text).toBe("b");
    expect(result.entries.get("hasOwnProperty")?.text).toBe("c");
    expect(result.entries.get("toString")?.text).toBe("d");
    expect(result.entries.get("x.__proto__.polluted")?.text).toBe("e");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ["flat then nested", "a.b: one\na:\n  b: two\n", 3, 3, 1, 1],
    ["nested then flat", "a:\n  b: one\na.b: two\n", 3, 1, 2, 3],
    ["two nested paths", "a.b:\n  c: one\na:\n  b.c: two\n", 4, 3, 2, 3],
  ])(
    "key-collision %s",
    (_name, source, line, column, firstLine, firstColumn) => {
      const result = parse(source);
      expect(result.diagnostics).toHaveLength(1);
      const diagnostic = result.diagnostics[0]!;
      expect(diagnostic.code).toBe("key-collision");
      expect(diagnostic.line).toBe(line);
      expect(diagnostic.column).toBe(column);
      expect(diagnostic.related).toEqual({
        file: FILE,
        line: firstLine,
        column: firstColumn,
      });
      expect(diagnostic.key).toMatch(/^a\.b/);
      expect(diagnostic.message).toContain(
        `line ${firstLine}, column ${firstColumn}`,
      );
      expect(result.entries.get(diagnostic.key!)?.text).toBe("one");
    },
  );

  it.each([
    ["double dot", "ok: x\na..b: y\n", 2, 1, "a..b"],
    ["leading dot", "ok: x\n.a: y\n", 2, 1, ".a"],
    ["trailing dot", "ok: x\na.: y\n", 2, 1, "a."],
    ["space", "ok: x\n'a b': y\n", 2, 1, "a b"],
    ["tab", 'ok: x\n"a\\tb": y\n', 2, 1, "a\tb"],
    ["empty", "ok: x\n'': y\n", 2, 1, ""],
    ["nested segment", "ok: x\na:\n  .b: y\n", 3, 3, "a..b"],
    ["sequence key", "ok: x\n? [a]\n: y\n", 2, 3, undefined],
  ])("invalid-key %s", (_name, source, line, column, key) => {
    const result = parse(source);
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("invalid-key");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.key).toBe(key);
    expect(texts(result)).toEqual({ ok: "x" });
  });
});

describe("parseCatalogYaml scalars", () => {
  const words = [
    "no",
    "on",
    "yes",
    "off",
    "true",
    "False",
    "~",
    "null",
    "007",
    "8.10",
    "1e3",
    "0x1F",
    "0o17",
    "2024-03-05",
    ".inf",
    "-.inf",
    ".nan",
    "<<",
  ];

  it.each(words)("scalar value %s stays text", (word) => {
    const result = parse(`a: ${word}\nnested:\n  b: ${word}\n`);
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get("a")?.text).toBe(word);
    expect(result.entries.get("nested.b")?.text).toBe(word);
  });

  // `.inf` and `.nan` are left out because a key must not start with a dot.
  const keyWords = words.filter((word) => !word.startsWith("."));

  it.each(keyWords)("scalar key %s stays text", (word) => {
    const result = parse(`${word}: x\nnested:\n  ${word}: y\n`);
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get(word)?.text).toBe("x");
    expect(result.entries.get(`nested.${word}`)?.text).toBe("y");
  });

  it.each([
    ["single quotes", "a: ''\n"],
    ["double quotes", 'a: ""\n'],
    ["str tag", "a: !!str\n"],
  ])("scalar empty string %s", (_name, source) => {
    const result = parse(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get("a")?.text).toBe("");
  });

  it("scalar str tag accepted", () => {
    const result = parse("a: !!str 5\n!!str 6: six\n");
    expect(result.diagnostics).toEqual([]);
    expect(texts(result)).toEqual({ a: "5", "6": "six" });
  });

  it("scalar whitespace kept", () => {
    const result = parse("a: '  padded  '\nb: |\n  two\n  lines\n");
    expect(result.entries.get("a")?.text).toBe("  padded  ");
    expect(result.entries.get("b")?.text).toBe("two\nlines\n");
  });

  it("entry position value start", () => {
    const result = parse("a: x\nb:\n  c: 'y'\nd: |\n  z\n");
    expect(result.entries.get("a")).toMatchObject({
      file: FILE,
      line: 1,
      column: 4,
    });
    expect(result.entries.get("b.c")).toMatchObject({ line: 3, column: 6 });
    expect(result.entries.get("d")).toMatchObject({ line: 4, column: 4 });
  });

  it("entry parts parsed", () => {
    const result = parse("a: 'Task {1} is {state}'\n");
    const parts = result.entries.get("a")?.parts ?? [];
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("Task ");
    expect(parts[1]).toMatchObject({ type: "placeholder", source: "{1}" });
  });
});

describe("parseCatalogYaml empty files", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "\n\n  \n"],
    ["comments", "# nothing here\n"],
    ["document marker", "---\n"],
    ["marker with comment", "--- # nothing\n"],
    ["bom only", "\uFEFF"],
  ])("empty file %s", (_name, source) => {
    const result = parse(source);
    expect(result.entries.size).toBe(0);
    expect(result.diagnostics).toEqual([]);
  });

  it("empty file bytes", () => {
    const result = parse(new Uint8Array());
    expect(result.entries.size).toBe(0);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("parseCatalogYaml errors", () => {
  it.each([
    ["unclosed flow", "a: x\nb: [y\n", 3, 1],
    ["unclosed quote", 'a: x\nb: "y\n', 3, 1],
    ["compact nested mapping", "a: x\nb: c: d\n", 2, 4],
    ["bad indentation", "a:\n  b: x\n c: y\n", 3, 1],
    ["directive on marker line", "--- a: x\n", 1, 5],
  ])("yaml-syntax %s", (_name, source, line, column) => {
    const result = parse(source);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("yaml-syntax");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(result.entries.size).toBe(0);
  });

  it.each([
    ["mapping", "a:\n\tb: c\n", 2, 1],
    ["after space", "a:\n \tb: c\n", 2, 2],
    ["top level", "\ta: b\n", 1, 1],
    ["block scalar", "a: |\n\tline\n", 2, 1],
    ["sequence", "a:\n  - x\n\t- y\n", 3, 1],
  ])("yaml-tab-indent %s", (_name, source, line, column) => {
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("yaml-tab-indent");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
  });

  it("tab inside value accepted", () => {
    const result = parse("a: x\ty\n");
    expect(result.diagnostics).toEqual([]);
    expect(result.entries.get("a")?.text).toBe("x\ty");
  });

  it.each([
    ["on value", "ok: x\na: &v y\n", "yaml-anchor", 2, 4, "a"],
    ["on key", "ok: x\n&k a: y\n", "yaml-anchor", 2, 1, "a"],
    [
      "on mapping",
      "ok: x\na: &m # comment &m\n  b: y\n",
      "yaml-anchor",
      2,
      4,
      "a",
    ],
    ["on empty value", "ok: x\na: &e\n", "yaml-anchor", 2, 4, "a"],
    ["alias value", "ok: x\na: *v\n", "yaml-alias", 2, 4, "a"],
    ["alias key", "ok: x\n*k : y\n", "yaml-alias", 2, 1, undefined],
    ["int tag", "ok: x\na: !!int 3\n", "yaml-tag", 2, 4, "a"],
    ["local tag", "ok: x\na: !foo y\n", "yaml-tag", 2, 4, "a"],
    ["mf2 tag on a mapping", "ok: x\na: !mf2\n  b: y\n", "yaml-tag", 2, 4, "a"],
    ["key tag", "ok: x\n!foo a: y\n", "yaml-tag", 2, 1, "a"],
    ["map tag", "ok: x\na: !!map {b: y}\n", "yaml-tag", 2, 4, "a"],
    ["str tag on mapping", "ok: x\na: !!str\n  b: y\n", "yaml-tag", 2, 4, "a"],
    [
      "tag before tagged key",
      "ok: x\na: !foo\n  !bar b: y\n",
      "yaml-tag",
      2,
      4,
      "a",
    ],
  ])("node property %s", (_name, source, code, line, column, key) => {
    const result = parse(source);
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe(code);
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.key).toBe(key);
    expect(texts(result)).toEqual({ ok: "x" });
  });

  it("anchor and alias both reported", () => {
    const result = parse("a: &v x\nb: *v\n");
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["yaml-anchor", 1, 4],
      ["yaml-alias", 2, 4],
    ]);
    expect(result.entries.size).toBe(0);
  });

  it.each([
    ["block sequence", "ok: x\na:\n  - y\n", 3, 3],
    ["flow sequence", "ok: x\na: [y, z]\n", 2, 4],
  ])("non-string-value %s", (_name, source, line, column) => {
    const result = parse(source);
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("non-string-value");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.key).toBe("a");
    expect(texts(result)).toEqual({ ok: "x" });
  });

  it.each([
    ["empty value", "ok: x\na:\n", 2, 1],
    ["empty value with comment", "ok: x\na: # todo\n", 2, 1],
    ["explicit key", "ok: x\n? a\n", 2, 3],
    ["nested", "ok: x\nb:\n  a:\n", 3, 3],
  ])("non-string-value null %s", (_name, source, line, column) => {
    const result = parse(source);
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("non-string-value");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.message).toContain("''");
    expect(texts(result)).toEqual({ ok: "x" });
  });

  it.each([
    ["flat twice", "a.b: one\nx: y\na.b: two\n", 3, 1, 1, 1, "a.b"],
    ["nested twice", "a:\n  b: one\n  b: two\n", 3, 3, 2, 3, "a.b"],
    ["mapping twice", "a:\n  b: one\na:\n  c: two\n", 3, 1, 1, 1, "a"],
    ["scalar then mapping", "a: one\na:\n  c: two\n", 2, 1, 1, 1, "a"],
  ])(
    "duplicate-key %s",
    (_name, source, line, column, firstLine, firstColumn, key) => {
      const result = parse(source);
      const diagnostic = onlyDiagnostic(source);
      expect(diagnostic.code).toBe("duplicate-key");
      expect(diagnostic.line).toBe(line);
      expect(diagnostic.column).toBe(column);
      expect(diagnostic.key).toBe(key);
      expect(diagnostic.related).toEqual({
        file: FILE,
        line: firstLine,
        column: firstColumn,
      });
      const loaded = [...result.entries.values()].map((e) => e.text);
      expect(loaded).toContain("one");
      expect(loaded).not.toContain("two");
    },
  );

  it.each([
    ["string", "just text\n", 1, 1],
    ["sequence", "- a\n- b\n", 1, 1],
    ["sequence after marker", "---\n- a\n", 2, 1],
  ])("yaml-not-mapping %s", (_name, source, line, column) => {
    const result = parse(source);
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("yaml-not-mapping");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(result.entries.size).toBe(0);
  });

  it.each([
    ["two mappings", "a: x\n---\nb: y\n", 2, 1],
    ["comment between", "a: x\n# next\n---\nb: y\n", 3, 1],
    ["empty second", "a: x\n...\n---\n", 3, 1],
  ])("yaml-multiple-documents %s", (_name, source, line, column) => {
    const result = parse(source);
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("yaml-multiple-documents");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(result.entries.size).toBe(0);
  });

  it("document end marker accepted", () => {
    const result = parse("a: x\n...\n");
    expect(result.diagnostics).toEqual([]);
    expect(texts(result)).toEqual({ a: "x" });
  });

  it("syntax error drops whole file", () => {
    const result = parse("good: one\nbad: [\nlater: two\n");
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.code === "yaml-syntax")).toBe(
      true,
    );
    expect(result.entries.size).toBe(0);
  });
});

describe("parseCatalogYaml encoding", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it.each([
    ["lone byte", [...encode("a: x\nb: y"), 0xff, 0x0a], 2, 5, 9, "0xFF"],
    ["after umlaut", [...encode("a: ä"), 0xc3, 0x28], 1, 5, 5, "0xC3 0x28"],
    [
      "truncated at end",
      [...encode("a: x\n\nb: "), 0xe2, 0x82],
      3,
      4,
      9,
      "0xE2 0x82",
    ],
    ["surrogate", [...encode("a: "), 0xed, 0xa0, 0x80], 1, 4, 3, "0xED 0xA0"],
    ["overlong", [...encode("a: "), 0xc0, 0xaf], 1, 4, 3, "0xC0"],
    ["after bom", [0xef, 0xbb, 0xbf, ...encode("a: "), 0x80], 1, 4, 6, "0x80"],
  ])("invalid-utf8 %s", (_name, bytes, line, column, offset, shown) => {
    const result = parse(new Uint8Array(bytes));
    const diagnostic = onlyDiagnostic(new Uint8Array(bytes));
    expect(diagnostic.code).toBe("invalid-utf8");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.message).toContain(`byte offset ${offset}`);
    expect(diagnostic.message).toContain(shown);
    expect(result.entries.size).toBe(0);
  });

  it("bytes decoded as UTF-8", () => {
    const result = parse(encode("a: Wird ausgeführt\nb: 进行中\n"));
    expect(result.diagnostics).toEqual([]);
    expect(texts(result)).toEqual({ a: "Wird ausgeführt", b: "进行中" });
  });

  it.each([
    ["string", "\uFEFFa: x {\n"],
    ["bytes", new Uint8Array([0xef, 0xbb, 0xbf, ...encode("a: x {\n")])],
  ])("bom keeps columns %s", (_name, source) => {
    const diagnostic = onlyDiagnostic(source);
    expect(diagnostic.code).toBe("template-syntax");
    expect(diagnostic.line).toBe(1);
    expect(diagnostic.column).toBe(6);
  });

  it("bom entry position", () => {
    const result = parse("\uFEFFa: x\n");
    expect(result.entries.get("a")).toMatchObject({
      text: "x",
      line: 1,
      column: 4,
    });
  });
});

describe("parseCatalogYaml diagnostics", () => {
  it("diagnostic fields", () => {
    const diagnostic = onlyDiagnostic("a: [x]\n");
    expect(diagnostic).toMatchObject({
      code: "non-string-value",
      severity: "error",
      file: FILE,
      line: 1,
      column: 4,
      key: "a",
      locale: "de",
      catalog: "enum",
    });
  });

  it("diagnostic without context", () => {
    const { diagnostics } = parseCatalogYaml("a: [x]\n", "x.yaml");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.locale).toBeUndefined();
    expect(diagnostics[0]!.catalog).toBeUndefined();
  });

  it("formatDiagnostic output", () => {
    const diagnostic = onlyDiagnostic("ok: x\na: [x]\n");
    expect(formatDiagnostic(diagnostic)).toBe(
      `${FILE}:2:4: error non-string-value: ${diagnostic.message}`,
    );
  });

  it("every error reported", () => {
    const source = "a..b: x\nc: [y]\nd: &z w\ne: ok\ne: again\nf: '{'\n";
    const result = parse(source);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["invalid-key", 1, 1],
      ["non-string-value", 2, 4],
      ["yaml-anchor", 3, 4],
      ["duplicate-key", 5, 1],
      ["template-syntax", 6, 5],
    ]);
    expect(texts(result)).toEqual({ e: "ok" });
  });
});

describe("parseCatalogYaml structure problems", () => {
  it("reports an empty mapping value", () => {
    const result = parseCatalogYaml('ok: "x"\nf: {}\n', "e.yaml");
    expect(
      result.diagnostics.map((d) => [d.code, d.key, d.line, d.column]),
    ).toEqual([["non-string-value", "f", 2, 4]]);
    expect([...result.entries.keys()]).toEqual(["ok"]);
  });

  it("explains nesting too deep to parse", () => {
    const source = `${"{a: ".repeat(10_000)}x${"}".repeat(10_000)}\n`;
    const result = parseCatalogYaml(source, "deep.yaml");
    expect(result.entries.size).toBe(0);
    expect(result.diagnostics[0]?.code).toBe("yaml-syntax");
    expect(result.diagnostics[0]?.message).toMatch(/nests too deeply/);
  });
});
