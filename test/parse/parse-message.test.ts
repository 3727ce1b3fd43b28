import { describe, expect, it } from "vitest";
import { parseMessage, printMessage } from "../../src/parse/parse-message.js";
import type { MessagePart } from "../../src/parse/message-ast.js";

function parts(text: string): MessagePart[] {
  const result = parseMessage(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.parts;
}

describe("parseMessage", () => {
  it("keeps plain text and whitespace exactly", () => {
    expect(parts("  two  spaces\tand\ttabs \n")).toEqual([
      "  two  spaces\tand\ttabs \n",
    ]);
  });

  it("parses a named argument", () => {
    expect(parts("IP address is {address}")).toEqual([
      "IP address is ",
      {
        type: "placeholder",
        source: "{address}",
        start: 14,
        end: 23,
        argument: { kind: "name", path: ["address"], key: "address" },
      },
    ]);
  });

  it("parses positional arguments", () => {
    const [, first, , second] = parts("Select '{1}' to {2}");
    expect(first).toMatchObject({ argument: { kind: "position", index: 1 } });
    expect(second).toMatchObject({ argument: { kind: "position", index: 2 } });
  });

  it("parses property paths", () => {
    const [path] = parts("{vm.name} on {host.name}");
    expect(path).toMatchObject({
      argument: { kind: "name", path: ["vm", "name"] },
    });
  });

  it("parses a label lookup with a dotted prefix", () => {
    const [, lookup] = parts("State is {field.@enum.TaskInfo.State}");
    expect(lookup).toMatchObject({
      source: "{field.@enum.TaskInfo.State}",
      argument: { kind: "name", path: ["field"] },
      label: { catalog: "enum", prefix: "TaskInfo.State" },
    });
  });

  it("parses a label lookup without a prefix", () => {
    expect(parts("{x.@enum}")[0]).toMatchObject({
      label: { catalog: "enum", prefix: "" },
    });
  });

  it("parses a label lookup of a positional argument", () => {
    expect(parts("{1.@enum.TaskInfo.State}")[0]).toMatchObject({
      argument: { kind: "position", index: 1 },
      label: { catalog: "enum", prefix: "TaskInfo.State" },
    });
  });

  it("decodes doubled braces as literal text", () => {
    expect(parts("Use {{name}} here")).toEqual(["Use {name} here"]);
  });

  it("keeps a lone closing brace as text", () => {
    expect(parts("a } b")).toEqual(["a } b"]);
  });

  it("keeps placeholders next to each other apart", () => {
    expect(
      parts("{a}{b}").map((part) =>
        typeof part === "string" ? part : part.source,
      ),
    ).toEqual(["{a}", "{b}"]);
  });
});

describe("parseMessage errors", () => {
  const cases: [string, string, number, number, RegExp][] = [
    ["unclosed brace", "abc {foo", 1, 5, /unclosed placeholder/],
    ["unclosed before another brace", "{a{b}", 1, 1, /unclosed placeholder/],
    ["empty placeholder", "x {}", 1, 3, /empty placeholder/],
    ["dot and at only", "{.@}", 1, 1, /invalid placeholder '\{\.@\}'/],
    ["empty catalog", "{a.@}", 1, 1, /invalid placeholder/],
    ["trailing dot", "{a.}", 1, 1, /invalid placeholder/],
    ["whitespace inside", "{ a }", 1, 1, /whitespace is not allowed/],
    ["position zero", "{0}", 1, 2, /positions start at 1/],
    ["error on a later line", "first\nsecond {", 2, 8, /unclosed placeholder/],
  ];

  for (const [name, text, line, column, message] of cases) {
    it(name, () => {
      const result = parseMessage(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.line).toBe(line);
      expect(result.error.column).toBe(column);
      expect(result.error.message).toMatch(message);
    });
  }
});

describe("printMessage", () => {
  it("prints parsed text back", () => {
    const text = "State is {field.@enum.TaskInfo.State}, {1} and {vm.name}  ";
    expect(printMessage(parts(text))).toBe(text);
  });

  it("escapes literal braces", () => {
    expect(printMessage(parts("Use {{name}}"))).toBe("Use {{name}}");
  });
});

describe("parseMessage without braces", () => {
  it("matches the grammar's result", async () => {
    const { parse } =
      await import("../../src/parse/generated/message-parser.js");
    for (const text of ["", "plain", "  spaces  ", "line\nbreak", "@.#"]) {
      expect(parts(text)).toEqual(parse(text));
    }
  });
});
