import type { MessageInput } from "../vsphere/localizable-message.js";
import { describeValue } from "./describe-value.js";
import { renderDiagnostic, type RenderContext } from "./render-context.js";
import { renderEntry } from "./render-entry.js";

/**
 * Renders a LocalizableMessage from the `locmsg` catalog of the locale
 * chain. A key that no catalog has renders the message's own `message` text
 * without a diagnostic, because extensions send free text that way. With no
 * text either, it renders the key and its arguments and reports
 * `missing-message`.
 */
export function renderMessage(
  input: MessageInput,
  context: RenderContext,
  stack: readonly string[] = [],
): string {
  const found = context.catalogs.lookup(context.chain, "locmsg", input.key);
  if (found) {
    const origin = {
      key: input.key,
      catalog: "locmsg",
      locale: found.locale,
      entry: found.entry,
    };
    return renderEntry(
      found.entry,
      {
        args: input.args,
        stack: stack.length === 0 ? [input.key] : [...stack, input.key],
        origin,
      },
      context,
    );
  }

  if (input.message !== undefined && input.message !== "") return input.message;

  context.report(
    renderDiagnostic(
      "missing-message",
      "warning",
      `no message '${input.key}' in catalog 'locmsg' (locales ${context.chain.join(", ")}) and no 'message' text; add the key to the catalog`,
      { key: input.key, catalog: "locmsg" },
    ),
  );
  return describeMessage(input);
}

/** Describes an unknown key as `key (name = value, …)`, which is never empty. */
function describeMessage(input: MessageInput): string {
  const key = input.key === "" ? "(message without a key)" : input.key;
  if (input.args.length === 0) return key;
  const args = input.args.map((arg, index) => {
    const name = arg.key ?? String(index + 1);
    return `${name} = ${describeValue(arg.value, 1_000)}`;
  });
  return `${key} (${args.join(", ")})`;
}
