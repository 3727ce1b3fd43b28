import type { Arguments } from "./fast-render.js";
import type { MessageCompiler } from "./message-compiler.js";
import { LABEL, LOOKUP, VALUE, type PlaceholderOp } from "./placeholder-op.js";

/**
 * Reads `{a.b}`: the argument keyed `a.b`, else property `b` of the
 * argument `a`, as the general path does.
 */
function readPath(op: PlaceholderOp, args: Arguments): unknown {
  const exact = args[op.key];
  if (exact !== undefined && exact !== null) return exact;
  const { rest } = op;
  let value = args[op.first];
  for (let index = 0; index < rest.length; index++) {
    const property = rest[index]!;
    // The general path reads own properties of records, after unwrapping
    // a VI/JSON value (an object with `_typeName` and its own `_value`).
    if (
      typeof value !== "object" ||
      value === null ||
      !Object.hasOwn(value, property) ||
      Object.hasOwn(value, "_value") ||
      Array.isArray(value)
    ) {
      return undefined;
    }
    value = (value as Arguments)[property];
  }
  return value;
}

/**
 * Converts an argument value to text as `formatValue` does for strings
 * (within `maxArgumentLength`), numbers and booleans; undefined for
 * anything else.
 */
function toText(compiler: MessageCompiler, value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value.length <= compiler.maxArgumentLength ? value : undefined;
    case "number":
    case "bigint":
      return compiler.numbers.format(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      return undefined;
  }
}

/**
 * Renders one placeholder of a compiled message, or returns undefined to
 * hand the whole message to the general path (see fast-render.ts). `{1}`
 * and labels continue in `resolveLookup`, so the `{name}` path stays short.
 */
export function resolvePlaceholder(
  op: PlaceholderOp,
  args: Arguments,
  depth: number,
): string | undefined {
  const { compiler } = op;
  if (++compiler.steps > compiler.maxRenderSteps) return undefined;
  // `{1}` reads the argument keyed `1`; its positional fallback is left to
  // the general path.
  const value = op.rest.length === 0 ? args[op.key] : readPath(op, args);
  if (op.kind === VALUE) {
    return typeof value === "string" &&
      value.length <= compiler.maxArgumentLength
      ? value
      : toText(compiler, value);
  }
  return resolveLookup(op, value, args, depth);
}

/** Renders `{1}` and `{name.@catalog.prefix}` once the value is read. */
function resolveLookup(
  op: PlaceholderOp,
  value: unknown,
  args: Arguments,
  depth: number,
): string | undefined {
  const { compiler } = op;
  if (op.kind === LOOKUP && typeof value === "string") {
    if (value.length > compiler.maxArgumentLength) return undefined;
    const nested = compiler.lookupKey(value);
    if (nested === null) return value;
    if (depth >= compiler.maxDepth) return undefined;
    return typeof nested === "string" ? nested : nested(args, depth + 1);
  }

  const text = toText(compiler, value);
  if (op.kind !== LABEL || text === undefined) return text;

  if (op.table === undefined) {
    op.table = compiler.labelTable(op.catalog, op.prefix);
  }
  const label = op.table?.get(text);
  if (label === undefined || typeof label === "string") return label;
  if (depth >= compiler.maxDepth) return undefined;
  const compiled = compiler.compileEntry(label);
  return typeof compiled === "string" ? compiled : compiled(args, depth + 1);
}
