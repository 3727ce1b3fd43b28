import {
  isLocalizableMessage,
  readMessageInput,
} from "../vsphere/localizable-message.js";
import {
  isManagedObjectReference,
  isRecord,
  unwrapViJson,
} from "../vsphere/vi-json.js";
import { renderDiagnostic, type RenderContext } from "./render-context.js";
import { describeValue, preview } from "./describe-value.js";
import { maxValueLength, takeStep } from "./render-budget.js";
import { renderMessage } from "./render-message.js";
import type { RenderScope } from "./render-parts.js";

/**
 * Formats an argument value as text: strings as they are, numbers and dates
 * through `Intl` in the formatting locale, lists with `Intl.ListFormat`,
 * nested LocalizableMessages rendered in the same locale chain, managed
 * object references as their id and named objects (event arguments such as
 * `{name, vm}`) as their name.
 */
export function formatValue(
  raw: unknown,
  scope: RenderScope,
  context: RenderContext,
  depth = 0,
): string {
  const value = unwrapViJson(raw);
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return context.formatters.number.format(value);
    case "boolean":
      return String(value);
  }

  if (value instanceof Date) return formatDate(value, scope, context);
  if (Array.isArray(value)) return formatList(value, scope, context, depth);
  if (isLocalizableMessage(value))
    return formatNestedMessage(value, scope, context);
  if (isManagedObjectReference(value)) return value.value;
  const name = isRecord(value) ? unwrapViJson(value["name"]) : undefined;
  if (typeof name === "string") return name;

  // An object without a text form is described for the reader, briefly.
  const text = describeValue(value, Math.min(maxValueLength(context), 10_000));
  context.report(
    renderDiagnostic(
      "invalid-argument",
      "warning",
      `cannot format argument value ${preview(text)} as text; pass a string, number, date, list or LocalizableMessage`,
      scope.origin,
    ),
  );
  return text;
}

/**
 * Formats a list with `Intl.ListFormat`. Each item counts against the
 * render budget and nesting stops at `maxDepth`, so lists that nest or
 * share items cannot make the text grow without bound.
 */
function formatList(
  items: readonly unknown[],
  scope: RenderScope,
  context: RenderContext,
  depth: number,
): string {
  if (depth >= context.maxDepth)
    return describeValue(items, maxValueLength(context));
  const texts: string[] = [];
  for (const item of items) {
    if (!takeStep(scope, context)) break;
    texts.push(formatValue(item, scope, context, depth + 1));
  }
  return context.formatters.list.format(texts);
}

function formatDate(
  date: Date,
  scope: RenderScope,
  context: RenderContext,
): string {
  if (!Number.isNaN(date.getTime()))
    return context.formatters.dateTime.format(date);
  context.report(
    renderDiagnostic(
      "invalid-argument",
      "warning",
      "argument is an invalid date; pass an ISO 8601 dateTime",
      scope.origin,
    ),
  );
  return "Invalid Date";
}

function formatNestedMessage(
  value: unknown,
  scope: RenderScope,
  context: RenderContext,
): string {
  const input = readMessageInput(value);
  if (typeof input === "string") return describeValue(value);
  if (scope.stack.length >= context.maxDepth) {
    context.report(
      renderDiagnostic(
        "lookup-depth",
        "error",
        `nested messages go deeper than ${context.maxDepth} at '${input.key}'; rendered its key instead. Flatten the arguments or raise maxLookupDepth`,
        scope.origin,
      ),
    );
    return input.key;
  }
  return renderMessage(input, context, scope.stack);
}
