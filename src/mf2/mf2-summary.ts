/**
 * Summaries of MessageFormat 2 catalog messages for tools such as the
 * catalog linter: the `.match` selectors, the variants with their keys and
 * positions, the variables read and the functions called.
 *
 * A rule such as "plural keys that the locale's plural rules never select"
 * reads `mf2Selectors(entry)` to find selectors annotated with `:number` or
 * `:integer` (and their `select` option: plural by default, `ordinal` or
 * `exact`), then `mf2Variants(entry)` for the keys at that selector's index.
 * Every function returns an empty list for an entry without the `!mf2` tag.
 */
import type { Model } from "messageformat";
import { cstKey } from "messageformat/cst";
import type { CatalogEntry } from "../catalogs/catalog.js";

/** A file or message position; `exact` is false when it is only the start of the value. */
export interface Mf2Position {
  line: number;
  column: number;
  exact: boolean;
}

/** Maps an offset in the MF2 source to a position in the catalog file. */
export type Mf2Locator = (offset: number) => Mf2Position;

/** One `.match` selector. */
export interface Mf2Selector {
  /** The variable name without `$`: `count` for `.match $count`. */
  variable: string;
  /**
   * The function that annotates the variable, found through its `.input` or
   * `.local` declarations (`number` for `.input {$count :number}`); undefined
   * when no declaration has one.
   */
  function?: string;
  /**
   * Options of the annotating declarations merged, where an outer
   * declaration's option overrides the one it refers to: literal values as
   * written, variable values as `$name`.
   */
  options: Readonly<Record<string, string>>;
  /** The distinct literal keys that variants use at this selector's index. */
  keys: readonly string[];
}

/** A variant key: a literal such as `one` or `|1|`, or the catch-all `*`. */
export type Mf2Key = { kind: "literal"; value: string } | { kind: "catchall" };

/** One variant of a `.match` message. */
export interface Mf2Variant {
  /** Keys in selector order. */
  keys: readonly Mf2Key[];
  /** Offset of the variant's first key in the MF2 source, in UTF-16 code units. */
  offset: number;
  /** The key's position in the catalog file, when the entry was loaded from one. */
  position?: Mf2Position;
}

/** Selectors of the entry's `.match`, in order. */
export function mf2Selectors(entry: CatalogEntry): readonly Mf2Selector[] {
  return entry.mf2?.selectors ?? [];
}

/** Variants of the entry's `.match`, in source order. */
export function mf2Variants(entry: CatalogEntry): readonly Mf2Variant[] {
  return entry.mf2?.variants ?? [];
}

/**
 * Variables the message reads from its arguments, without `$` and sorted;
 * names declared with `.local` are left out.
 */
export function mf2Variables(entry: CatalogEntry): readonly string[] {
  return entry.mf2?.variables ?? [];
}

/** Functions the message calls, without `:` and sorted. */
export function mf2Functions(entry: CatalogEntry): readonly string[] {
  return entry.mf2?.functions ?? [];
}

/** Lists the selectors of a validated message. */
export function summarizeSelectors(message: Model.Message): Mf2Selector[] {
  if (message.type !== "select") return [];
  return message.selectors.map((selector, index) => {
    const keys = new Set<string>();
    for (const variant of message.variants) {
      const key = variant.keys[index];
      if (key?.type === "literal") keys.add(key.value);
    }
    const annotation = findAnnotation(message.declarations, selector.name);
    return { variable: selector.name, ...annotation, keys: [...keys] };
  });
}

/** Lists the variants of a validated message with their source offsets. */
export function summarizeVariants(
  message: Model.Message,
  locate?: Mf2Locator,
): Mf2Variant[] {
  if (message.type !== "select") return [];
  return message.variants.map((variant) => {
    const keys: Mf2Key[] = variant.keys.map((key) =>
      key.type === "*"
        ? { kind: "catchall" }
        : { kind: "literal", value: key.value },
    );
    const offset = variant[cstKey]?.start ?? 0;
    const summary: Mf2Variant = { keys, offset };
    if (locate) summary.position = locate(offset);
    return summary;
  });
}

interface Annotation {
  function?: string;
  options: Record<string, string>;
}

/**
 * Follows `.local $a = {$b}` chains back to the declaration with a function,
 * because MF2 passes a declared value's function and options on to later
 * expressions that use it. Declarations may only refer to earlier ones, so
 * the walk ends.
 */
function findAnnotation(
  declarations: readonly Model.Declaration[],
  variable: string,
): Annotation {
  const chain: Model.FunctionRef[] = [];
  let name: string | undefined = variable;
  let end = declarations.length;
  while (name !== undefined) {
    const searched = name;
    const index = declarations
      .slice(0, end)
      .findLastIndex((declaration) => declaration.name === searched);
    const declaration = declarations[index];
    if (!declaration) break;
    if (declaration.value.functionRef) {
      chain.push(declaration.value.functionRef);
    }
    const arg = declaration.value.arg;
    name =
      declaration.type === "local" && arg?.type === "variable"
        ? arg.name
        : undefined;
    end = index;
  }

  const annotation: Annotation = { options: {} };
  const outermost = chain[0];
  if (outermost) annotation.function = outermost.name;
  // `chain` starts at the selector's own declaration; options of outer
  // declarations override those of the inner ones they refer to.
  for (const functionRef of chain.toReversed()) {
    for (const [option, value] of Object.entries(functionRef.options ?? {})) {
      annotation.options[option] =
        value.type === "literal" ? value.value : `$${value.name}`;
    }
  }
  return annotation;
}
