/**
 * Turns the arguments of a LocalizableMessage into MF2 variables.
 *
 * - A keyed argument becomes the variable of that key: `count` is `$count`.
 * - Positional arguments are also `$arg1`, `$arg2`, ... because an MF2 name
 *   cannot start with a digit. `$argN` is the value `{N}` reads in a vSphere
 *   template: the argument keyed `N`, else the N-th argument. An argument
 *   keyed `argN` itself wins over that.
 * - Strings, numbers, bigints and booleans pass as they are, so `:number`
 *   and plural selection see numbers. VI/JSON values are decoded first
 *   (`dateTime` becomes a `Date`).
 * - Dates, lists, nested messages and objects are wrapped so that a
 *   placeholder without a function, such as `{$time}`, formats them the way
 *   vSphere templates do (a date in the session's locale and time zone).
 *   An object wrapper inherits the object's properties, so `{$vm.name}`
 *   still reads a property.
 * - Null and absent values are left out, so MF2 reports them as missing.
 */
import { readArgument } from "../render/read-argument.js";
import { formatValue } from "../render/format-value.js";
import type { RenderContext } from "../render/render-context.js";
import type { RenderScope } from "../render/render-parts.js";
import type { MessageArgument } from "../vsphere/localizable-message.js";
import { decodeViJson, isRecord } from "../vsphere/vi-json.js";

/** The argument value behind a wrapper, for `:label` and `:msg`. */
const ARGUMENT_VALUE = Symbol("locmsg.argumentValue");

/** A `Date` argument; `valueOf` returns the date for `:datetime`, `:date` and `:time`. */
class DateArgument {
  readonly [ARGUMENT_VALUE]: Date;

  constructor(
    date: Date,
    private readonly formatDate: () => string,
  ) {
    this[ARGUMENT_VALUE] = date;
  }

  valueOf(): Date {
    return this[ARGUMENT_VALUE];
  }

  toString(): string {
    return this.formatDate();
  }
}

/** Builds the MF2 variables of one render; the object has no prototype. */
export function toMf2Params(
  scope: RenderScope,
  context: RenderContext,
): Record<string, unknown> {
  const params: Record<string, unknown> = Object.create(null);
  for (const index of positionalIndexes(scope.args)) {
    const found = readArgument(
      { kind: "position", index, key: String(index) },
      scope.args,
    );
    if (found.ok)
      params[`arg${index}`] = toMf2Value(found.value, scope, context);
  }
  for (const arg of scope.args) {
    if (arg.key === undefined) continue;
    const value = toMf2Value(arg.value, scope, context);
    if (value !== undefined) params[arg.key] = value;
  }
  return params;
}

/**
 * Returns the argument value an MF2 operand stands for: the value behind a
 * wrapper, the value of a resolved MF2 value (`valueOf`), or the operand.
 */
export function argumentValueOf(operand: unknown): unknown {
  if (typeof operand !== "object" || operand === null) return operand;
  if (ARGUMENT_VALUE in operand) return operand[ARGUMENT_VALUE];
  const candidate = operand as { type?: unknown; valueOf?: unknown };
  if (
    typeof candidate.type === "string" &&
    typeof candidate.valueOf === "function"
  ) {
    return (candidate.valueOf as () => unknown).call(operand);
  }
  return operand;
}

/** Indexes 1..n for n arguments, plus every index an argument is keyed with. */
function positionalIndexes(args: readonly MessageArgument[]): number[] {
  const indexes = new Set<number>();
  for (let index = 1; index <= args.length; index++) indexes.add(index);
  for (const arg of args) {
    if (arg.key !== undefined && /^[1-9][0-9]*$/.test(arg.key)) {
      indexes.add(Number(arg.key));
    }
  }
  return [...indexes];
}

function toMf2Value(
  raw: unknown,
  scope: RenderScope,
  context: RenderContext,
): unknown {
  const value = decodeArgument(raw);
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object") return value;
  if (value instanceof Date) {
    return new DateArgument(value, () => formatValue(value, scope, context));
  }

  // Formatted only when a placeholder prints the value, so nested messages
  // that no selected variant shows are never rendered.
  const wrapper: object = Object.create(value);
  Object.defineProperty(wrapper, ARGUMENT_VALUE, { value });
  Object.defineProperty(wrapper, "toString", {
    value: () => formatValue(value, scope, context),
  });
  return wrapper;
}

/**
 * Decodes VI/JSON values: wrapped primitives such as
 * `{"_typeName": "int", "_value": 3}` and data objects, which carry
 * `_typeName` too, so that `$vm.name` reads decoded properties. Other
 * values pass unchanged, because `decodeViJson` would copy a `Date` into an
 * empty object.
 */
function decodeArgument(value: unknown): unknown {
  if (
    isRecord(value) &&
    !(value instanceof Date) &&
    typeof value["_typeName"] === "string"
  ) {
    return decodeViJson(value);
  }
  return value;
}
