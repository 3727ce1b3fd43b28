import { describe, expect, it } from "vitest";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";

const FILE = "catalogs/en/task.yaml";

/** Parses `source`, expecting one `template-syntax` diagnostic for `key`. */
function templateError(source: string, key: string) {
  const result = parseCatalogYaml(source, FILE, {
    locale: "en",
    catalog: "task",
  });
  expect(result.diagnostics).toHaveLength(1);
  const diagnostic = result.diagnostics[0]!;
  expect(diagnostic.code).toBe("template-syntax");
  expect(diagnostic.key).toBe(key);
  expect(result.entries.has(key)).toBe(false);
  return { diagnostic, result };
}

describe("template-syntax exact positions", () => {
  it.each([
    ["plain", "ok: fine\na: Task {1 done\n", "a", 2, 9],
    ["plain nested", "ok: fine\nx:\n  a: Task {1 done\n", "x.a", 3, 11],
    [
      "quoted in flow mapping",
      "ok: fine\nx: {a: 'Task {1 done'}\n",
      "x.a",
      2,
      14,
    ],
    ["single quoted", "ok: fine\na: 'Task {1 done'\n", "a", 2, 10],
    ["double quoted", 'ok: fine\na: "Task {1 done"\n', "a", 2, 10],
    ["literal", "ok: fine\na: |\n  first\n  Task {1 done\n", "a", 4, 8],
    ["literal strip", "ok: fine\na: |-\n  Task {1 done\n", "a", 3, 8],
    ["literal keep", "ok: fine\na: |+\n  first\n  Task {1 done\n\n", "a", 4, 8],
    [
      "literal blank line",
      "ok: fine\na: |\n  first\n\n  Task {1 done\n",
      "a",
      5,
      8,
    ],
    [
      "literal nested",
      "ok: fine\nx:\n  y:\n    a: |\n      first\n      Task {1 done\n",
      "x.y.a",
      6,
      12,
    ],
    [
      "literal indentation indicator",
      "ok: fine\na: |2\n    first\n  Task {1 done\n",
      "a",
      4,
      8,
    ],
    [
      "literal header comment",
      "ok: fine\na: | # note\n  Task {1 done\n",
      "a",
      3,
      8,
    ],
    [
      "crlf literal",
      "ok: fine\r\na: |\r\n  first\r\n  Task {1 done\r\n",
      "a",
      4,
      8,
    ],
    ["double quoted escape", 'ok: fine\na: "\\tTask {1 done"\n', "a", 2, 12],
    ["single quoted escape", "ok: fine\na: 'It''s {1 done'\n", "a", 2, 11],
    ["escaped line break", 'ok: fine\na: "first\\nTask {1 done"\n', "a", 2, 17],
    [
      "multi-line double quoted, error on the first line",
      'ok: fine\na: "Task {1 done\n  more"\n',
      "a",
      2,
      10,
    ],
    ["wide characters", "ok: fine\na: 进行中 {1 done\n", "a", 2, 8],
    ["empty placeholder", "ok: fine\na: Task {} done\n", "a", 2, 9],
  ])("%s", (_name, source, key, line, column) => {
    const { diagnostic, result } = templateError(source, key);
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.message).not.toContain("of the message");
    expect(result.entries.get("ok")?.text).toBe("fine");
  });
});

describe("template-syntax value start positions", () => {
  it.each([
    ["folded", "ok: fine\na: >\n  Task\n  {1 done\n", 2, 4, "line 1, column 6"],
    [
      "multi-line plain",
      "ok: fine\na: Task\n  {1 done\n",
      2,
      4,
      "line 1, column 6",
    ],
    [
      "multi-line double quoted",
      'ok: fine\na: "Task\n  {1 done"\n',
      2,
      4,
      "line 1, column 6",
    ],
    [
      "double quoted whitespace before a line break",
      'ok: fine\na: "Task   \n  {1 done"\n',
      2,
      4,
      "line 1, column 6",
    ],
  ])("%s", (_name, source, line, column, inMessage) => {
    const { diagnostic, result } = templateError(source, "a");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    expect(diagnostic.message).toContain(`${inMessage} of the message`);
    expect(result.entries.get("ok")?.text).toBe("fine");
  });
});

describe("mf2-syntax at the end of a literal block", () => {
  it.each([
    ["clip", "a: !mf2 |\n  {{hello {$x\nnext: ok\n", 1, 9, "line 2, column 1"],
    [
      "keep",
      "a: !mf2 |+\n  {{hello {$x\n\nnext: ok\n",
      1,
      9,
      "line 3, column 1",
    ],
    ["strip", "a: !mf2 |-\n  {{hello {$x\nnext: ok\n", 2, 14, undefined],
  ])("%s", (_name, source, line, column, inMessage) => {
    const result = parseCatalogYaml(source, FILE, {
      locale: "en",
      catalog: "task",
    });
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("mf2-syntax");
    expect(diagnostic.line).toBe(line);
    expect(diagnostic.column).toBe(column);
    if (inMessage === undefined) {
      expect(diagnostic.message).not.toContain("of the message");
    } else {
      expect(diagnostic.message).toContain(`${inMessage} of the message`);
    }
    expect(result.entries.get("next")?.text).toBe("ok");
  });
});
