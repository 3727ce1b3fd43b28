/**
 * Closures for the common MessageFormat 2 messages: `.input` declarations
 * of `:number`, `:integer` or `:string` on an argument, at most one
 * `.match`, and patterns of text, declared variables, string arguments and
 * literals. Other messages compile to no closure, and the general path
 * renders them through `messageformat`. Selection follows `messageformat`
 * 4.0.0 (lib/functions/number.js): the key equal to the value's string,
 * then its plural category, then `*`.
 */
import type {
  Mf2Expression,
  Mf2Message,
  Mf2Pattern,
} from "../browser/bundle-format.js";
import type { CatalogEntry } from "../catalogs/catalog.js";
import { compileMf2Model } from "../bundle/compile-mf2-entry.js";
import { UnsupportedMf2 } from "../bundle/mf2-options.js";
import { concatParts } from "./concat-parts.js";
import type { Arguments, Compiled, FastRender } from "./fast-render.js";
import type { CompileTarget } from "./message-compiler.js";
import { NumberMemo, type FormattedNumber } from "./number-memo.js";

/**
 * A declared variable's value in one render: its text, the variant key
 * equal to it, and its plural category (undefined for `:string`, and for
 * `select=exact`, which selects by the exact key alone).
 */
type Resolved = FormattedNumber;

type Resolve = (args: Arguments) => Resolved | undefined;

/** `$arg1`, `$arg2`, ... read positional arguments, which the general path handles. */
const POSITIONAL = /^arg[1-9][0-9]*$/;

function numberResolver(
  name: string,
  expression: Mf2Expression,
  locale: string,
): Resolve {
  const options = expression.o ?? {};
  const memo = new NumberMemo(
    new Intl.NumberFormat(locale, options),
    options["select"] === "exact"
      ? undefined
      : new Intl.PluralRules(locale, {
          ...options,
          type: options["select"] as Intl.PluralRuleType | undefined,
        }),
  );
  const integer = expression.f === "integer";
  return (args) => {
    const value = args[name];
    if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
    const number = integer ? Math.round(value) : value;
    // -0 (also from rounding -0.4) is left to the general path: a Map
    // treats it as 0, but Intl formats it as "-0".
    return Object.is(number, -0) ? undefined : memo.get(number);
  };
}

function stringResolver(name: string, maxLength: number): Resolve {
  return (args) => {
    const value = args[name];
    if (typeof value !== "string" || value.length > maxLength) return undefined;
    return { text: value, key: value.normalize(), category: undefined };
  };
}

/** Picks the variant key a value selects, or undefined when only `*` matches. */
function selectKey(
  value: Resolved,
  keys: ReadonlySet<string>,
): string | undefined {
  if (keys.has(value.key)) return value.key;
  const { category } = value;
  return category !== undefined && keys.has(category) ? category : undefined;
}

/** Returns the resolver of an `.input` declaration, or undefined outside the subset. */
function declarationResolver(
  name: string,
  expression: Mf2Expression,
  target: CompileTarget,
): Resolve | undefined {
  const { x, f } = expression;
  if (!("a" in x) || x.a !== name || POSITIONAL.test(name)) return undefined;
  if (f === "number" || f === "integer") {
    return numberResolver(name, expression, target.formatters.locale);
  }
  if (f === "string" && expression.o === undefined) {
    return stringResolver(name, target.maxArgumentLength);
  }
  return undefined;
}

/**
 * Compiles one pattern; `resolved` reads the declared values of the
 * current render. Returns undefined outside the subset.
 */
function compilePattern(
  pattern: Mf2Pattern,
  declared: ReadonlyMap<string, number>,
  resolved: (index: number) => Resolved,
  maxLength: number,
): Compiled | undefined {
  const pieces: (string | FastRender)[] = [];
  for (const part of pattern) {
    if (typeof part === "string") {
      pieces.push(part);
      continue;
    }
    const { x, f } = part;
    if (f !== undefined) return undefined;
    if ("|" in x) {
      pieces.push(x["|"]);
    } else if ("$" in x) {
      const index = declared.get(x.$);
      if (index === undefined) return undefined;
      pieces.push(() => resolved(index).text);
    } else if (declared.has(x.a)) {
      const index = declared.get(x.a)!;
      pieces.push(() => resolved(index).text);
    } else {
      if (POSITIONAL.test(x.a)) return undefined;
      const name = x.a;
      pieces.push((args) => {
        const value = args[name];
        return typeof value === "string" && value.length <= maxLength
          ? value
          : undefined;
      });
    }
  }
  return concatParts(pieces, callPiece);
}

function callPiece(
  piece: FastRender,
  args: Arguments,
  depth: number,
): string | undefined {
  return piece(args, depth);
}

function compileMessage(
  message: Mf2Message,
  target: CompileTarget,
): FastRender | undefined {
  const names = Object.keys(message.d);
  const resolvers: Resolve[] = [];
  for (const name of names) {
    const resolver = declarationResolver(name, message.d[name]!, target);
    if (!resolver) return undefined;
    resolvers.push(resolver);
  }
  const declared = new Map(names.map((name, index) => [name, index]));

  // The values of the render in progress, shared with the patterns. A
  // getter on the arguments could render this message again while a render
  // is in progress, so `busy` sends such a nested render to the general path
  // instead of letting it overwrite `current`.
  const current: Resolved[] = [];
  let busy = false;
  const resolved = (index: number) => current[index]!;
  const variants: [key: string | 0, render: Compiled][] = [];
  for (const [key, pattern] of message.v) {
    const render = compilePattern(
      pattern,
      declared,
      resolved,
      target.maxArgumentLength,
    );
    if (!render) return undefined;
    variants.push([key, render]);
  }

  const selector =
    message.s === undefined ? undefined : declared.get(message.s);
  if (message.s !== undefined && selector === undefined) return undefined;
  const keys = new Set(variants.flatMap(([key]) => (key === 0 ? [] : [key])));
  const byKey = new Map<string | 0, Compiled>();
  for (const [key, render] of variants) {
    if (!byKey.has(key)) byKey.set(key, render);
  }
  const fallback = byKey.get(0);

  const first = variants[0]![1];
  return (args, depth) => {
    if (busy) return undefined;
    busy = true;
    try {
      for (let index = 0; index < resolvers.length; index++) {
        const value = resolvers[index]!(args);
        if (value === undefined) return undefined;
        current[index] = value;
      }
      let render = first;
      if (selector !== undefined) {
        const key = selectKey(current[selector]!, keys);
        const chosen = key === undefined ? fallback : byKey.get(key);
        if (chosen === undefined) return undefined;
        render = chosen;
      }
      return typeof render === "string" ? render : render(args, depth);
    } finally {
      busy = false;
    }
  };
}

/**
 * Compiles an MF2 catalog entry to a closure, or returns undefined when the
 * message is outside the subset this file handles.
 */
export function compileMf2Fast(
  entry: CatalogEntry,
  target: CompileTarget,
): Compiled | undefined {
  let message: Mf2Message;
  try {
    message = compileMf2Model(entry.mf2!.message);
  } catch (error) {
    if (error instanceof UnsupportedMf2) return undefined;
    throw error;
  }
  return compileMessage(message, target);
}
