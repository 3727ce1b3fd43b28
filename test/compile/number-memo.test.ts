// NumberMemo returns the same text, key and plural category as Intl, keeps
// repeated numbers, and stops keeping numbers that seldom repeat.
import { describe, expect, it } from "vitest";
import {
  MAX_MEMO_ENTRIES,
  MIN_HITS,
  NumberMemo,
  SKIPPED_CALLS,
} from "../../src/compile/number-memo.js";

const format = new Intl.NumberFormat("de");
const plural = new Intl.PluralRules("de");

function expected(value: number) {
  return {
    text: format.format(value),
    key: String(value),
    category: plural.select(value),
  };
}

describe("NumberMemo", () => {
  it("formats as Intl does", () => {
    const memo = new NumberMemo(format, plural);
    for (const value of [0, 1, 2.5, 1234567.891, -3, 1e21]) {
      expect(memo.get(value)).toEqual(expected(value));
    }
  });

  it("leaves the category out without plural rules", () => {
    const memo = new NumberMemo(format, undefined);
    expect(memo.get(1).category).toBeUndefined();
  });

  it("keeps a repeated number", () => {
    const memo = new NumberMemo(format, plural);
    expect(memo.get(42)).toBe(memo.get(42));
  });

  it("formats without the memo when numbers seldom repeat", () => {
    const memo = new NumberMemo(format, plural);
    // Fills the memo with distinct numbers and fewer than MIN_HITS hits.
    for (let value = 0; value < MAX_MEMO_ENTRIES; value++) memo.get(value);
    for (let hit = 0; hit < MIN_HITS - 1; hit++) memo.get(0);
    memo.get(MAX_MEMO_ENTRIES);

    const first = memo.get(7);
    const second = memo.get(7);
    expect(second).not.toBe(first);
    expect(second).toEqual(expected(7));

    for (let call = 2; call < SKIPPED_CALLS; call++) memo.get(call);
    const resumed = memo.get(9);
    expect(memo.get(9)).toBe(resumed);
    expect(resumed).toEqual(expected(9));
  });

  it("stays in use when numbers repeat", () => {
    const memo = new NumberMemo(format, plural);
    for (let value = 0; value < MAX_MEMO_ENTRIES; value++) {
      memo.get(value);
      memo.get(value);
    }
    memo.get(MAX_MEMO_ENTRIES);
    expect(memo.get(5)).toBe(memo.get(5));
  });
});
