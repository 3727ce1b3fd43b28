/**
 * Rendering of compiled MessageFormat 2 messages. For the compiled subset
 * it gives the results of the server's `messageformat` 4.0.0 setup in
 * src/mf2/. Variables read the arguments (`$arg1` is `{1}`), and a failed
 * expression renders its fallback text, such as `{$count}`, after one
 * diagnostic. `.match` picks the variant whose key equals the value, then
 * the one of its plural category, then `*`.
 */
import type { Mf2Expression, Mf2Message, Mf2Pattern } from "./bundle-format.js";
import { formatValue } from "./format-value.js";
import {
  nests,
  readArgument,
  renderEntry,
  renderKeyLookup,
} from "./render-parts.js";
import {
  dateFormat,
  find,
  hasCatalog,
  intl,
  report,
  type Argument,
  type Origin,
} from "./render-state.js";

/** A resolved expression: its value, its text, and how it selects a key. */
type Value = [
  value: unknown,
  text: string,
  select?: (keys: string[]) => string | undefined,
];

/** Selects the key equal to `text`, as MF2's `:string` does. */
function exact(text: string): Value {
  const normalized = text.normalize();
  return [
    text,
    text,
    (keys) => (keys.includes(normalized) ? normalized : undefined),
  ];
}

export function renderMf2(
  { d, s, v }: Mf2Message,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  const resolved = new Map<string, Value | undefined>();
  const declared = (name: string) => {
    if (!resolved.has(name)) resolved.set(name, evaluate(d[name]!));
    return resolved.get(name);
  };

  /** Returns the expression's value, or undefined after reporting why it failed. */
  function evaluate({ x, f, o = {}, src }: Mf2Expression): Value | undefined {
    let value: unknown;
    if ("|" in x) {
      value = x["|"];
    } else if ("$" in x) {
      const inner = declared(x.$);
      if (!inner || !f) return inner;
      value = inner[0];
    } else {
      const position = /^arg([1-9]\d*)$/.exec(x.a);
      value =
        readArgument(x.a, args) ??
        (position ? readArgument(+position[1]!, args) : undefined);
      if (value == null) {
        report("missing-argument", origin, `{$${x.a}}`);
        return undefined;
      }
    }

    if (f === "number" || f === "integer") {
      let number = value as number | bigint;
      if (typeof number === "string") {
        try {
          number = JSON.parse(number);
        } catch {
          // Not numeric; reported below.
        }
      }
      if (typeof number === "number" || typeof number === "bigint") {
        if (f === "integer" && Number.isFinite(number as number)) {
          number = Math.round(number as number);
        }
        const key = `${number}`;
        return [
          number,
          intl(Intl.NumberFormat, o).format(number),
          (keys) => {
            if (keys.includes(key)) return key;
            if (o["select"] === "exact") return undefined;
            const category = intl(Intl.PluralRules, {
              ...o,
              type: o["select"],
            }).select(Number(number));
            return keys.includes(category) ? category : undefined;
          },
        ];
      }
    } else if (f === "datetime") {
      const date =
        typeof value === "string" || typeof value === "number"
          ? new Date(value)
          : value;
      if (date instanceof Date && !isNaN(+date)) {
        return [date, dateFormat(o).format(date)];
      }
    } else if (f === "label") {
      const catalog = `${o["catalog"]}`;
      const text = formatValue(value, stack, origin);
      const key = `${o["prefix"] ? `${o["prefix"]}.` : ""}${text}.label`;
      if (!hasCatalog(catalog)) {
        report("missing-catalog", origin, catalog);
      } else if (!find(catalog, key)) {
        report("missing-label", origin, key, "warning");
      } else if (nests(key, stack, origin)) {
        return exact(renderEntry(catalog, key, args, [...stack, key])!);
      }
      return undefined;
    } else if (f === "msg") {
      if (typeof value !== "string")
        return exact(formatValue(value, stack, origin));
      if (!find("locmsg", value) || nests(value, stack, origin)) {
        return exact(renderKeyLookup(value, args, stack, origin));
      }
      return undefined;
    } else {
      return exact(
        f === "string" && typeof value !== "object"
          ? `${value}`
          : formatValue(value, stack, origin),
      );
    }
    report("invalid-argument", origin, src, "error");
    return undefined;
  }

  let pattern: Mf2Pattern = v[0]![1];
  if (s !== undefined) {
    const keys = v.flatMap(([key]) => (key === 0 ? [] : [key]));
    const best = declared(s)?.[2]?.(keys);
    pattern = v.find(([key]) => key === (best ?? 0))![1];
  }
  return pattern
    .map((part) =>
      typeof part === "string" ? part : (evaluate(part)?.[1] ?? part.src),
    )
    .join("");
}
