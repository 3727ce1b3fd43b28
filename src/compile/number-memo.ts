/** A number as a message shows and selects it. */
export interface FormattedNumber {
  /** The formatted text. */
  text: string;
  /** The value as a variant key: `String(value)`. */
  key: string;
  /** The plural category; undefined when selection is by exact key only. */
  category: string | undefined;
}

/**
 * Entries kept per memo. When it fills up, the memo starts over, so its
 * size stays bounded whatever numbers clients send.
 */
export const MAX_MEMO_ENTRIES = 256;

/**
 * Hits a full memo needs to stay in use. With fewer, the numbers seldom
 * repeat, so the next `SKIPPED_CALLS` calls format without it.
 */
export const MIN_HITS = MAX_MEMO_ENTRIES / 4;
export const SKIPPED_CALLS = 4096;

/**
 * Remembers formatted numbers and their plural categories per formatter.
 * `Intl.NumberFormat#format` and `Intl.PluralRules#select` together took
 * about 550 ns in the MF2 template literal row of docs/benchmarks.md, while
 * messages such as "3 virtual machines" repeat the same few counts. Both
 * results depend only on the value for a given formatter.
 */
export class NumberMemo {
  private readonly entries = new Map<number, FormattedNumber>();
  /** Numbers found in the memo since it last started over. */
  private hits = 0;
  /** Calls left that format without the memo. */
  private skips = 0;

  constructor(
    private readonly format: Intl.NumberFormat,
    private readonly plural: Intl.PluralRules | undefined,
  ) {}

  /** Returns the formatted number; `value` must not be -0, which a Map stores as 0. */
  get(value: number): FormattedNumber {
    if (this.skips > 0) {
      this.skips--;
      return this.compute(value);
    }
    let found = this.entries.get(value);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    found = this.compute(value);
    if (this.entries.size >= MAX_MEMO_ENTRIES) {
      if (this.hits < MIN_HITS) this.skips = SKIPPED_CALLS;
      this.entries.clear();
      this.hits = 0;
    }
    this.entries.set(value, found);
    return found;
  }

  private compute(value: number): FormattedNumber {
    return {
      text: this.format.format(value),
      key: String(value),
      category: this.plural?.select(value),
    };
  }
}
