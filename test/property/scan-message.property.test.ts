import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parse,
  SyntaxError as ParserSyntaxError,
} from "../../src/parse/generated/message-parser.js";
import type { MessagePart } from "../../src/parse/message-ast.js";
import { parseMessage } from "../../src/parse/parse-message.js";
import { scanMessage } from "../../src/parse/scan-message.js";
import { hostileString, PROPERTY_SETTINGS } from "./fast-check-settings.js";

/** Runs the generated parser and returns undefined when it reports a syntax error. */
function parseGenerated(text: string): MessagePart[] | undefined {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ParserSyntaxError) return undefined;
    throw error;
  }
}

/**
 * Writes parts as JSON with key order and `undefined` properties kept, so
 * two results that serialize differently (in bundles, for example) differ.
 */
function shapeOf(parts: MessagePart[] | undefined): string {
  return JSON.stringify(parts, (_key, value: unknown) =>
    value === undefined ? "<undefined>" : value,
  );
}

function expectSameAsGenerated(text: string): void {
  const expected = parseGenerated(text);
  const scanned = scanMessage(text);
  expect(scanned).toStrictEqual(expected);
  expect(shapeOf(scanned)).toBe(shapeOf(expected));
}

// Pieces of the grammar, so generated strings hit placeholders, label
// lookups, escapes and near misses of each far more often than random text.
const piece = fc.constantFrom(
  "{",
  "}",
  "{{",
  "}}",
  ".",
  ".@",
  "@",
  "0",
  "1",
  "42",
  "a",
  "vm",
  "Z_$-",
  " ",
  "\n",
  "é",
  "\ud800",
  "x y",
);
const grammarSoup = fc
  .array(piece, { maxLength: 16 })
  .map((pieces) => pieces.join(""));

const segment = fc.stringMatching(/^[A-Za-z0-9_$-]{1,6}$/);
const argument = fc.oneof(
  fc.stringMatching(/^[0-9]{1,4}$/),
  fc
    .array(segment, { minLength: 1, maxLength: 3 })
    .map((path) => path.join(".")),
);
const placeholder = fc
  .tuple(
    argument,
    fc.option(fc.tuple(segment, fc.array(segment, { maxLength: 3 }))),
    fc.constantFrom("", ".", "..", "@", ".@", " "),
  )
  .map(([arg, label, suffix]) => {
    const lookup = label ? `.@${[label[0], ...label[1]].join(".")}` : "";
    return `{${arg}${lookup}${suffix}}`;
  });
const template = fc
  .array(fc.oneof(placeholder, piece, fc.string({ maxLength: 6 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

describe("scanMessage", () => {
  it("matches the generated parser on grammar pieces", () => {
    fc.assert(
      fc.property(grammarSoup, expectSameAsGenerated),
      PROPERTY_SETTINGS,
    );
  });

  it("matches the generated parser on templates", () => {
    fc.assert(fc.property(template, expectSameAsGenerated), PROPERTY_SETTINGS);
  });

  it("matches the generated parser on hostile strings", () => {
    fc.assert(
      fc.property(hostileString, expectSameAsGenerated),
      PROPERTY_SETTINGS,
    );
  });

  it("leaves errors to the generated parser", () => {
    fc.assert(
      fc.property(fc.oneof(grammarSoup, template), (text) => {
        const result = parseMessage(text);
        const expected = parseGenerated(text);
        expect(result.ok).toBe(expected !== undefined);
        if (result.ok) expect(shapeOf(result.parts)).toBe(shapeOf(expected));
      }),
      PROPERTY_SETTINGS,
    );
  });
});
