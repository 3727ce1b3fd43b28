/**
 * The MF2 functions catalog messages can call: the package's default and
 * draft functions (`:number`, `:integer`, `:offset`, `:string`, `:percent`,
 * `:currency`, `:unit`, `:datetime`, `:date`, `:time`) and locmsg's vSphere
 * lookups `:label` and `:msg`.
 *
 * Every function is wrapped by `guard`. It skips a function whose operand
 * variable is missing, because that was already reported as a missing
 * argument. It also reports a thrown error through the function context,
 * which adds the expression's source (`$count`) that `messageformat` 4.0.0
 * leaves out of thrown errors.
 */
import { MessageFunctionError } from "messageformat";
import {
  DefaultFunctions,
  DraftFunctions,
  asString,
  type MessageFunction,
  type MessageFunctionContext,
  type MessageValue,
} from "messageformat/functions";
import { LocmsgError } from "../diagnostics/diagnostic.js";
import { formatValue } from "../render/format-value.js";
import { renderEntry } from "../render/render-entry.js";
import { activeRender } from "./active-render.js";
import { withCachedIntl } from "./cached-number.js";
import { argumentValueOf } from "./mf2-arguments.js";
import { HandlerError } from "../diagnostics/handler-error.js";
import { Mf2LookupError, ReportedError } from "./mf2-errors.js";

type Mf2Function = MessageFunction<string>;
type Options = Record<string, unknown>;

function call(
  fn: Mf2Function,
  ctx: MessageFunctionContext,
  options: Options,
  operand: readonly unknown[],
): MessageValue<string> {
  return operand.length === 0 ? fn(ctx, options) : fn(ctx, options, operand[0]);
}

function guard(fn: Mf2Function): Mf2Function {
  return (ctx, options, ...operand: unknown[]) => {
    if (operand.length > 0 && operand[0] === undefined) {
      throw new ReportedError();
    }
    try {
      return call(fn, ctx, options, operand);
    } catch (error) {
      if (error instanceof LocmsgError || error instanceof HandlerError) {
        throw error;
      }
      ctx.onError(error);
      throw new ReportedError();
    }
  };
}

/**
 * Formats dates in the session's time zone unless the expression sets
 * `timeZone` or the value already carries one (from a declaration such as
 * `.local $d = {$time :datetime}`). Without a session time zone, `Intl`
 * uses the process time zone.
 */
function inSessionTimeZone(fn: Mf2Function): Mf2Function {
  return (ctx, options, ...operand: unknown[]) => {
    const { timeZone } = activeRender().context.formatters;
    if (
      timeZone === undefined ||
      options["timeZone"] !== undefined ||
      carriesTimeZone(operand[0])
    ) {
      return call(fn, ctx, options, operand);
    }
    return call(fn, ctx, { ...options, timeZone }, operand);
  };
}

function carriesTimeZone(operand: unknown): boolean {
  if (typeof operand !== "object" || operand === null) return false;
  const options = (operand as { options?: unknown }).options;
  return (
    typeof options === "object" &&
    options !== null &&
    (options as Options)["timeZone"] !== undefined
  );
}

/** Wraps rendered text as an MF2 string value, which `.match` can also select on. */
function textValue(ctx: MessageFunctionContext, text: string) {
  return DefaultFunctions.string(ctx, {}, text);
}

function readOption(options: Options, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  try {
    return asString(value);
  } catch {
    throw new MessageFunctionError(
      "bad-option",
      `the ${name} option must be a string`,
    );
  }
}

/**
 * `{$field :label catalog=enum prefix=TaskInfo.State}` inserts the label
 * `TaskInfo.State.<value>.label` of catalog `enum` in the session's locale
 * chain, like `{field.@enum.TaskInfo.State}` in a vSphere template.
 * Without `prefix` it reads `<value>.label`.
 */
const label: Mf2Function = (ctx, options, ...operand: unknown[]) => {
  if (operand.length === 0) {
    throw new MessageFunctionError(
      "bad-operand",
      ":label needs a value, as in {$state :label catalog=enum prefix=TaskInfo.State}",
    );
  }
  const catalog = readOption(options, "catalog");
  if (catalog === undefined || catalog === "") {
    throw new MessageFunctionError(
      "bad-option",
      ":label needs the option catalog=NAME, such as catalog=enum",
    );
  }
  const prefix = readOption(options, "prefix");
  const { scope, context } = activeRender();
  const valueText = formatValue(argumentValueOf(operand[0]), scope, context);
  const key = prefix ? `${prefix}.${valueText}.label` : `${valueText}.label`;
  const chain = context.chain.join(", ");

  if (!context.catalogs.hasCatalog(catalog)) {
    throw new Mf2LookupError(
      "missing-catalog",
      "error",
      `:label names catalog '${catalog}', which no locale has; add catalogs/<locale>/${catalog}.yaml or fix the catalog option`,
    );
  }
  const found = context.catalogs.lookup(context.chain, catalog, key);
  if (!found) {
    throw new Mf2LookupError(
      "missing-label",
      "warning",
      `no label '${key}' in catalog '${catalog}' for :label (locales ${chain}); add it to the catalog`,
    );
  }
  checkNesting(key, scope.stack, context.maxDepth);
  const origin = { key, catalog, locale: found.locale, entry: found.entry };
  const stack = [...scope.stack, key];
  return textValue(
    ctx,
    renderEntry(found.entry, { ...scope, stack, origin }, context),
  );
};

/**
 * `{$arg1 :msg}` renders the value as a `locmsg` message with the same
 * arguments when the catalog has that key, like `{1}` in a vSphere
 * template. Any other value is inserted as text.
 */
const msg: Mf2Function = (ctx, _options, ...operand: unknown[]) => {
  if (operand.length === 0) {
    throw new MessageFunctionError(
      "bad-operand",
      ":msg needs a value, as in {$arg1 :msg}",
    );
  }
  const { scope, context } = activeRender();
  const value = argumentValueOf(operand[0]);
  if (typeof value !== "string") {
    return textValue(ctx, formatValue(value, scope, context));
  }
  const found = context.catalogs.lookup(context.chain, "locmsg", value);
  if (!found) return textValue(ctx, value);

  checkNesting(value, scope.stack, context.maxDepth);
  const origin = {
    key: value,
    catalog: "locmsg",
    locale: found.locale,
    entry: found.entry,
  };
  const nested = { args: scope.args, stack: [...scope.stack, value], origin };
  return textValue(ctx, renderEntry(found.entry, nested, context));
};

/** Applies the renderer's cycle and depth limits to a nested lookup. */
function checkNesting(
  key: string,
  stack: readonly string[],
  maxDepth: number,
): void {
  if (stack.includes(key)) {
    throw new Mf2LookupError(
      "lookup-cycle",
      "error",
      `lookup cycle: ${[...stack, key].join(" -> ")}; rendered the fallback text. Break the cycle in the catalog`,
    );
  }
  if (stack.length >= maxDepth) {
    throw new Mf2LookupError(
      "lookup-depth",
      "error",
      `lookups nest deeper than ${maxDepth} at '${key}'; rendered the fallback text. Flatten the messages or raise maxLookupDepth`,
    );
  }
}

function guardAll(functions: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [
      name,
      guard(fn as Mf2Function),
    ]),
  );
}

/** Every function an MF2 catalog message can call, by name. */
export const MF2_FUNCTIONS: Readonly<Record<string, Mf2Function>> =
  Object.freeze({
    ...guardAll(DefaultFunctions),
    ...guardAll(DraftFunctions),
    datetime: guard(inSessionTimeZone(DraftFunctions.datetime)),
    date: guard(inSessionTimeZone(DraftFunctions.date)),
    time: guard(inSessionTimeZone(DraftFunctions.time)),
    number: guard(withCachedIntl(DefaultFunctions.number)),
    integer: guard(withCachedIntl(DefaultFunctions.integer)),
    label: guard(label),
    msg: guard(msg),
  });
