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
 * Remembers formatted numbers and their plural categories per formatter.
 * `Intl.NumberFormat#format` and `Intl.PluralRules#select` together took
 * about 550 ns in the MF2 template literal row of docs/benchmarks.md, while
 * messages such as "3 virtual machines" repeat the same few counts. Both
 * results depend only on the value for a given formatter.
 */
export class NumberMemo {
  private readonly entries = new Map<number, FormattedNumber>();

  constructor(
    private readonly format: Intl.NumberFormat,
    private readonly plural: Intl.PluralRules | undefined,
  ) {}

  /** Returns the formatted number; `value` must not be -0, which a Map stores as 0. */
  get(value: number): FormattedNumber {
    let found = this.entries.get(value);
    if (found === undefined) {
      found = {
        text: this.format.format(value),
        key: String(value),
        category: this.plural?.select(value),
      };
      if (this.entries.size >= MAX_MEMO_ENTRIES) this.entries.clear();
      this.entries.set(value, found);
    }
    return found;
  }
}
