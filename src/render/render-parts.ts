/**
 * Rendering of parsed catalog messages.
 *
 * Error policy: rendering always produces text. What cannot be resolved is
 * shown visibly and reported once as a diagnostic (strict callers turn the
 * diagnostic into a thrown `LocmsgError`):
 * - a missing argument prints the placeholder as written, e.g. `{address}`;
 * - a label that no locale of the chain has prints the argument's value;
 * - a `{1}` value that is not a `locmsg` key is inserted as text, which is
 *   normal and not reported;
 * - a lookup cycle or a nesting deeper than `maxDepth` inserts the value as
 *   text, so no input can loop or exhaust the stack.
 * Entries tagged `!mf2` render through `renderEntry` and src/mf2/ instead,
 * which reports to the same diagnostics (policy in src/mf2/mf2-errors.ts).
 */
import type { MessagePart, Placeholder } from "../parse/message-ast.js";
import type { MessageArgument } from "../vsphere/localizable-message.js";
import { readArgument } from "./read-argument.js";
import { formatValue } from "./format-value.js";
import { limitLength, takeStep } from "./render-budget.js";
import { preview } from "./describe-value.js";
import { renderEntry } from "./render-entry.js";
import {
  renderDiagnostic,
  type MessageOrigin,
  type RenderContext,
} from "./render-context.js";

/** The state of one chain of nested lookups. */
export interface RenderScope {
  args: readonly MessageArgument[];
  /** Keys being rendered, outermost first, to detect cycles. */
  stack: readonly string[];
  origin: MessageOrigin | undefined;
}

export function renderParts(
  parts: readonly MessagePart[],
  scope: RenderScope,
  context: RenderContext,
): string {
  let text = "";
  for (const part of parts) {
    text +=
      typeof part === "string" ? part : renderPlaceholder(part, scope, context);
  }
  return text;
}

function renderPlaceholder(
  placeholder: Placeholder,
  scope: RenderScope,
  context: RenderContext,
): string {
  if (!takeStep(scope, context)) return placeholder.source;
  const argument = readArgument(placeholder.argument, scope.args);
  const found = argument.ok
    ? { ok: true as const, value: limitLength(argument.value, scope, context) }
    : argument;
  if (!found.ok) {
    context.report(
      renderDiagnostic(
        "missing-argument",
        "error",
        `argument for ${placeholder.source} is missing: ${found.reason}; pass it in 'arg'`,
        scope.origin,
      ),
    );
    return placeholder.source;
  }

  if (placeholder.label) {
    return renderLabel(placeholder, found.value, scope, context);
  }
  if (
    placeholder.argument.kind === "position" &&
    typeof found.value === "string"
  ) {
    return renderKeyLookup(found.value, scope, context);
  }
  return formatValue(found.value, scope, context);
}

/** `{name.@CATALOG.prefix}`: `prefix.<value>.label` from CATALOG. */
function renderLabel(
  placeholder: Placeholder,
  value: unknown,
  scope: RenderScope,
  context: RenderContext,
): string {
  const { catalog, prefix } = placeholder.label!;
  const valueText = formatValue(value, scope, context);
  const key = prefix ? `${prefix}.${valueText}.label` : `${valueText}.label`;

  if (!context.catalogs.hasCatalog(catalog)) {
    context.report(
      renderDiagnostic(
        "missing-catalog",
        "error",
        `${placeholder.source} names catalog '${catalog}', which no locale has; add catalogs/<locale>/${catalog}.yaml or fix the catalog name`,
        scope.origin,
      ),
    );
    return valueText;
  }

  const label = context.catalogs.lookup(context.chain, catalog, key);
  if (!label) {
    context.report(
      renderDiagnostic(
        "missing-label",
        "warning",
        `no label '${preview(key)}' in catalog '${catalog}' for ${placeholder.source} (locales ${context.chain.join(", ")}); add it to the catalog`,
        scope.origin,
      ),
    );
    return valueText;
  }

  // A label may hold placeholders, even one that reaches the same label
  // again, so labels count as lookups for cycles and depth.
  if (!checkNesting(key, `'${preview(valueText)}'`, scope, context)) {
    return valueText;
  }
  const origin = { key, catalog, locale: label.locale, entry: label.entry };
  return renderEntry(
    label.entry,
    { ...scope, stack: [...scope.stack, key], origin },
    context,
  );
}

/**
 * Checks whether a lookup of `key` may go ahead. A lookup that would repeat
 * a key of the stack, or nest deeper than `maxDepth`, is reported and
 * returns false. `inserted` names the text shown in its place.
 */
function checkNesting(
  key: string,
  inserted: string,
  scope: RenderScope,
  context: RenderContext,
): boolean {
  if (scope.stack.includes(key)) {
    context.report(
      renderDiagnostic(
        "lookup-cycle",
        "error",
        `lookup cycle: ${preview([...scope.stack, key].join(" -> "))}; inserted ${inserted} as text. Break the cycle in the catalog`,
        scope.origin,
      ),
    );
    return false;
  }
  if (scope.stack.length >= context.maxDepth) {
    context.report(
      renderDiagnostic(
        "lookup-depth",
        "error",
        `lookups nest deeper than ${context.maxDepth} at '${preview(key)}'; inserted ${inserted} as text. Flatten the messages or raise maxLookupDepth`,
        scope.origin,
      ),
    );
    return false;
  }
  return true;
}

/**
 * `{1}`: the value is a `locmsg` key when one exists, rendered with the same
 * arguments; otherwise it is the text itself.
 */
function renderKeyLookup(
  key: string,
  scope: RenderScope,
  context: RenderContext,
): string {
  const found = context.catalogs.lookup(context.chain, "locmsg", key);
  if (!found) return key;

  if (!checkNesting(key, `'${preview(key)}'`, scope, context)) return key;

  const origin = {
    key,
    catalog: "locmsg",
    locale: found.locale,
    entry: found.entry,
  };
  return renderEntry(
    found.entry,
    { args: scope.args, stack: [...scope.stack, key], origin },
    context,
  );
}
