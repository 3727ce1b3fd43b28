/**
 * Faster `:number` and `:integer`. The functions of `messageformat` 4.0.0
 * build a new `Intl.NumberFormat` and `Intl.PluralRules` on every call,
 * which costs tens of microseconds per placeholder. These wrappers keep the
 * package's option handling and errors, and replace only the formatting and
 * plural selection of the value it returns with `Intl` objects cached per
 * locale and options.
 */
import type {
  MessageFunction,
  MessageFunctionContext,
} from "messageformat/functions";

type Options = Record<string, unknown>;

/** Entries kept per cache; both caches are cleared when they fill up. */
const MAX_CACHED = 256;
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const directions = new Map<string, unknown>();

function cacheKey(locales: readonly string[], options: Options): string {
  let key = locales.join(",");
  for (const name of Object.keys(options).sort()) {
    const value = options[name];
    if (value !== undefined) key += `|${name}=${String(value)}`;
  }
  return key;
}

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

interface NumericValue {
  type: string;
  readonly options: Options;
  dir?: unknown;
  selectKey?: (keys: Set<string>) => string | null;
  toString(): string;
  valueOf(): unknown;
}

/** Wraps a numeric MF2 function so its value formats and selects with cached `Intl` objects. */
export function withCachedIntl(
  fn: MessageFunction<string>,
): MessageFunction<string> {
  return (
    ctx: MessageFunctionContext,
    options: Options,
    ...operand: unknown[]
  ) => {
    const value = (operand.length === 0
      ? fn(ctx, options)
      : fn(ctx, options, operand[0])) as unknown as NumericValue;
    if (value.type !== "number") return value as never;

    const locales = [...ctx.locales];
    const resolved = value.options;
    const numeric = value.valueOf() as number | bigint;
    const formatKey = cacheKey(locales, resolved);

    const originalDir = Object.getOwnPropertyDescriptor(value, "dir");
    if (originalDir?.get) {
      Object.defineProperty(value, "dir", {
        get: () =>
          cached(directions, formatKey, () => originalDir.get!.call(value)),
      });
    }
    let text: string | undefined;
    value.toString = () => {
      text ??= cached(
        numberFormats,
        formatKey,
        () => new Intl.NumberFormat(locales, resolved),
      ).format(numeric);
      return text;
    };
    if (value.selectKey)
      value.selectKey = (keys) => selectKey(keys, numeric, locales, resolved);
    return value as never;
  };
}

/** Picks an exact numeric key, else the plural category, as MF2 `:number` selection does. */
function selectKey(
  keys: Set<string>,
  numeric: number | bigint,
  locales: string[],
  options: Options,
): string | null {
  let scaled = numeric;
  if (options["style"] === "percent") {
    scaled = typeof scaled === "bigint" ? scaled * 100n : scaled * 100;
  }
  const exact = String(scaled);
  if (keys.has(exact)) return exact;
  if (options["select"] === "exact") return null;

  const ruleOptions: Options = {
    ...options,
    select: undefined,
    type: options["select"],
  };
  const rules = cached(
    pluralRules,
    cacheKey(locales, ruleOptions),
    () => new Intl.PluralRules(locales, ruleOptions),
  );
  const category = rules.select(Number(scaled));
  return keys.has(category) ? category : null;
}
