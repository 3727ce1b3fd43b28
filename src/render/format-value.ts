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
import { describeValue } from "./describe-value.js";
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
  if (Array.isArray(value)) {
    return context.formatters.list.format(
      value.map((item) => formatValue(item, scope, context)),
    );
  }
  if (isLocalizableMessage(value))
    return formatNestedMessage(value, scope, context);
  if (isManagedObjectReference(value)) return value.value;
  const name = isRecord(value) ? unwrapViJson(value["name"]) : undefined;
  if (typeof name === "string") return name;

  const text = describeValue(value);
  context.report(
    renderDiagnostic(
      "invalid-argument",
      "warning",
      `cannot format argument value ${text} as text; pass a string, number, date, list or LocalizableMessage`,
      scope.origin,
    ),
  );
  return text;
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
