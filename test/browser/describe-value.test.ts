// The browser writes a value for fallbacks and diagnostics as the server's
// describeValue does, cut included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/browser/describe-value.js";
import { describeValue as serverDescribe } from "../../src/render/describe-value.js";
import { PROPERTY_SETTINGS } from "../property/fast-check-settings.js";

function nested(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < depth; level++) value = { a: [value] };
  return value;
}

const cycle: Record<string, unknown> = { name: "loop" };
cycle["self"] = [cycle, { back: cycle }];
const shared = { n: 1 };

const VALUES: [string, unknown][] = [
  ["a string", "text"],
  ["undefined", undefined],
  ["a function", () => 1],
  ["a symbol", Symbol("s")],
  ["null", null],
  ["NaN", NaN],
  ["a BigInt", 12345678901234567890n],
  ["a date", new Date(Date.UTC(2024, 2, 5, 10))],
  ["an invalid date", new Date(Number.NaN)],
  ["nested dates", { when: new Date(0), bad: [new Date(Number.NaN)] }],
  ["left-out properties", { a: undefined, b: () => 1, c: Symbol("c"), d: 2 }],
  ["array holes", [1, , undefined, () => 1]], // eslint-disable-line no-sparse-arrays
  ["a cycle", cycle],
  ["a shared object", [shared, shared]],
  ["deep nesting", nested(40, "x")],
  ["a key to quote", { 'a"b\n': "c\u0000" }],
  ["a prototype key", JSON.parse('{"__proto__": {"x": 1}}')],
];

describe("browser describeValue", () => {
  it.each(VALUES)("writes %s as the server does", (_name, value) => {
    expect(describeValue(value)).toBe(serverDescribe(value));
  });

  it("cuts where the server cuts", () => {
    const value = { list: [1, 22, "three", { four: [4] }], tail: "end" };
    const full = serverDescribe(value);
    for (let maxLength = 1; maxLength <= full.length + 1; maxLength++) {
      expect(describeValue(value, maxLength), `${maxLength}`).toBe(
        serverDescribe(value, maxLength),
      );
    }
  });

  it("marks a cut at exactly the bound", () => {
    // `[1,2` fills 4 characters, and the closing bracket is left out.
    for (const write of [describeValue, serverDescribe]) {
      expect(write([1, 2], 4)).toBe("[1,2…");
      expect(write([1, 2], 5)).toBe("[1,2]");
      expect(write({ a: 1, b: 2 }, 7)).toBe('{"a":1,…');
    }
  });

  it("matches the server on generated values", () => {
    const value = fc.anything({
      withBigInt: true,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 80 }), (item, maxLength) => {
        expect(describeValue(item, maxLength)).toBe(
          serverDescribe(item, maxLength),
        );
      }),
      PROPERTY_SETTINGS,
    );
  });
});
