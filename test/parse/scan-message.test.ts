import { describe, expect, it } from "vitest";
import {
  parse,
  SyntaxError as ParserSyntaxError,
} from "../../src/parse/generated/message-parser.js";
import { scanMessage } from "../../src/parse/scan-message.js";

/** Runs the generated parser and returns undefined when it reports a syntax error. */
function parseGenerated(text: string) {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ParserSyntaxError) return undefined;
    throw error;
  }
}

// Inputs where one character decides between two grammar alternatives.
const VALID = [
  "{1}",
  "{01}",
  "{1.2}",
  "{1a}",
  "{1.@enum}",
  "{1.@enum.TaskInfo.State}",
  "{a.b.@c.d-e$.f_}",
  "{99999999999999999999999}",
  "x{a}y{b.c}z",
  "{{a}",
  "{{a}}",
  "}}}",
  "{a}}",
  "a}b",
  "{{",
  "}",
];
const INVALID = [
  "{0}",
  "{00}",
  "{0.@enum}",
  "{}",
  "{a.}",
  "{a..b}",
  "{.a}",
  "{a.@}",
  "{a.@b.}",
  "{a.@b..c}",
  "{.@x}",
  "{a b}",
  "{a@b}",
  "{a",
  "x{",
  "{a{b}}",
  "{é}",
];

describe("scanMessage", () => {
  it.each(VALID)("parses %s as the generated parser does", (text) => {
    const expected = parseGenerated(text);
    expect(expected).toBeDefined();
    expect(scanMessage(text)).toStrictEqual(expected);
  });

  it.each(INVALID)("rejects %s as the generated parser does", (text) => {
    expect(parseGenerated(text)).toBeUndefined();
    expect(scanMessage(text)).toBeUndefined();
  });

  it("keeps an absent label as an undefined property", () => {
    const [part] = scanMessage("{name}") ?? [];
    expect(part).toHaveProperty("label", undefined);
    expect(Object.keys(part as object)).toEqual([
      "type",
      "source",
      "start",
      "end",
      "argument",
      "label",
    ]);
  });
});
