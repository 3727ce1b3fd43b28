/**
 * Rendering of compiled parts, with the error policy of the server renderer
 * (src/render/render-parts.ts). A missing argument prints the placeholder,
 * and a missing label prints the value. A `{1}` value that is a `locmsg`
 * key renders that message with the same arguments. Cycles and nesting
 * deeper than `maxDepth` insert the value as text.
 */
import type {
  CompiledMessage,
  Mf2Message,
  Part,
  PlaceholderOp,
} from "./bundle-format.js";
import { formatValue, isRecord, unwrap } from "./format-value.js";
import {
  find,
  hasCatalog,
  MAX_ARGUMENT_LENGTH,
  maxDepth,
  options,
  report,
  takeStep,
  type Argument,
  type Origin,
} from "./render-state.js";

/** Turns an object's properties into keyed arguments, as events and the engine pass them. */
export function toArguments(object: object): Argument[] {
  return Object.entries(object).map(([key, value]) => ({ key, value }));
}

export function renderParts(
  message: CompiledMessage,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  if (typeof message === "string") return message;
  return message
    .map((part: Part) =>
      typeof part === "string"
        ? part
        : Array.isArray(part)
          ? renderPlaceholder(part, args, stack, origin)
          : renderMf2(part, args, stack, origin),
    )
    .join("");
}

/** Renders an MF2 part with the add-on, or reports that it is missing. */
function renderMf2(
  part: Mf2Message,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  if (options.mf2) return options.mf2(part, args, stack, origin);
  report("mf2-format", origin, "mf2 option missing");
  return "";
}

/**
 * Reads a placeholder's value. `{1}` is the argument keyed `1`, else the
 * first by position. `{a.b}` is the argument keyed `a.b`, else property `b`
 * of the argument keyed `a`. Returns undefined or null when it is missing.
 */
export function readArgument(
  argument: number | string,
  args: readonly Argument[],
): unknown {
  const keyed = (key: string) => args.find((arg) => arg.key === key);
  if (typeof argument === "number") {
    return unwrap((keyed(`${argument}`) ?? args[argument - 1])?.value);
  }
  const exact = unwrap(keyed(argument)?.value);
  if (exact != null) return exact;
  const [first, ...path] = argument.split(".");
  let value = unwrap(keyed(first!)?.value);
  for (const property of path) {
    value =
      isRecord(value) && Object.hasOwn(value, property)
        ? unwrap(value[property])
        : undefined;
  }
  return value;
}

function renderPlaceholder(
  [source, argument, catalog, prefix]: PlaceholderOp,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  if (!takeStep(origin)) return source;
  let value = readArgument(argument, args);
  if (value == null) {
    report("missing-argument", origin, source);
    return source;
  }
  if (typeof value === "string" && value.length > MAX_ARGUMENT_LENGTH) {
    report("limit-exceeded", origin, "maxArgumentLength");
    value = value.slice(0, MAX_ARGUMENT_LENGTH);
  }
  if (catalog === undefined) {
    return typeof argument === "number" && typeof value === "string"
      ? renderKeyLookup(value, args, stack, origin)
      : formatValue(value, stack, origin);
  }
  // `{name.@CATALOG.prefix}`: `prefix.<value>.label` from CATALOG.
  const text = formatValue(value, stack, origin);
  const key = `${prefix ? `${prefix}.` : ""}${text}.label`;
  if (!hasCatalog(catalog)) {
    report("missing-catalog", origin, catalog);
    return text;
  }
  if (!find(catalog, key)) {
    report("missing-label", origin, key, "warning");
    return text;
  }
  // Labels count as lookups, so a label that reaches itself stops.
  return nests(key, stack, origin)
    ? renderEntry(catalog, key, args, [...stack, key])!
    : text;
}

/** Reports a lookup cycle or too deep a nesting; true when `key` may render. */
export function nests(
  key: string,
  stack: readonly string[],
  origin: Origin | undefined,
): boolean {
  if (stack.includes(key)) {
    report("lookup-cycle", origin, key);
  } else if (stack.length >= maxDepth) {
    report("lookup-depth", origin, key);
  } else {
    return true;
  }
  return false;
}

/** `{1}`: a `locmsg` key renders that message with the same arguments. */
export function renderKeyLookup(
  key: string,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  return find("locmsg", key) && nests(key, stack, origin)
    ? renderEntry("locmsg", key, args, [...stack, key])!
    : key;
}

/** Renders `key` of `catalog` from the locale chain; undefined when no locale has it. */
export function renderEntry(
  catalog: string,
  key: string,
  args: readonly Argument[],
  stack: readonly string[],
): string | undefined {
  const found = find(catalog, key);
  return (
    found &&
    renderParts(found[0], args, stack, { key, catalog, locale: found[1] })
  );
}
