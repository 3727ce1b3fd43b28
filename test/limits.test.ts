import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, describeLimit, resolveLimits } from "../src/limits.js";

describe("resolveLimits", () => {
  it("fills in defaults", () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxArguments: 5 }).maxArguments).toBe(5);
    expect(resolveLimits({ maxArguments: 5 }).maxPlaceholders).toBe(
      DEFAULT_LIMITS.maxPlaceholders,
    );
  });

  it("rejects an unknown limit", () => {
    expect(() => resolveLimits({ maxNothing: 3 } as never)).toThrow(
      /unknown limit 'maxNothing'/,
    );
  });

  it("rejects invalid values", () => {
    for (const value of [0, -1, 1.5, Number.NaN, Infinity]) {
      expect(() => resolveLimits({ maxArguments: value })).toThrow(
        /limit maxArguments is/,
      );
    }
  });

  it("names the limit and the option", () => {
    expect(describeLimit("the message length", 9, "maxMessageLength", 8)).toBe(
      "the message length is 9, over the limit maxMessageLength = 8; shorten the input, or raise limits.maxMessageLength if the input is trusted",
    );
  });
});
