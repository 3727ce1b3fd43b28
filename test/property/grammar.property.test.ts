import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMessage, printMessage } from "../../src/parse/parse-message.js";
import { hostileString, PROPERTY_SETTINGS } from "./fast-check-settings.js";

const segment = fc.stringMatching(/^[A-Za-z0-9_$-]{1,8}$/);
const argument = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map(String),
  fc
    .array(segment, { minLength: 1, maxLength: 3 })
    .map((path) => path.join("."))
    // A lone all-digit segment is a position, which the case above covers.
    .filter((path) => !/^[0-9]+$/.test(path)),
);
const placeholder = fc
  .tuple(
    argument,
    fc.option(fc.tuple(segment, fc.array(segment, { maxLength: 3 }))),
  )
  .map(([arg, label]) => {
    if (!label) return `{${arg}}`;
    const [catalog, prefix] = label;
    return `{${arg}.@${[catalog, ...prefix].join(".")}}`;
  });
/** Literal text written with escapes: no lone braces. */
const literal = fc
  .string({ maxLength: 12 })
  .map((text) => text.replaceAll("{", "{{").replaceAll("}", "}}"));
const template = fc
  .array(fc.oneof(literal, placeholder), { maxLength: 8 })
  .map((parts) => parts.join(""));

describe("message grammar properties", () => {
  it("prints valid templates back unchanged", () => {
    fc.assert(
      fc.property(template, (text) => {
        const result = parseMessage(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(printMessage(result.parts)).toBe(text);
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("parses or locates an error for any string", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, template), (text) => {
        const result = parseMessage(text);
        if (result.ok) return;
        expect(result.error.offset).toBeGreaterThanOrEqual(0);
        expect(result.error.offset).toBeLessThanOrEqual(text.length);
        expect(result.error.line).toBeGreaterThanOrEqual(1);
        expect(result.error.column).toBeGreaterThanOrEqual(1);
        expect(result.error.message).not.toBe("");
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("parses long input in linear time", () => {
    // A quadratic parser would take seconds on these; the assertion is on the
    // result, and vitest's timeout catches a hang.
    const text = "{a} x ".repeat(50_000);
    const result = parseMessage(text);
    expect(result.ok).toBe(true);
    const unclosed = parseMessage("{".repeat(100_001));
    expect(unclosed.ok).toBe(false);
  });
});
