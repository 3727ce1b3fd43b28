import type {
  CompiledMessage,
  PlaceholderOp,
} from "../browser/bundle-format.js";
import type { MessagePart, Placeholder } from "../parse/message-ast.js";

/**
 * Compiles a parsed vSphere-syntax message to the bundle form: plain text
 * when it has no placeholders, else text and placeholder ops in order.
 */
export function compileParts(parts: readonly MessagePart[]): CompiledMessage {
  if (parts.every((part) => typeof part === "string")) return parts.join("");
  return parts.map((part) =>
    typeof part === "string" ? part : compilePlaceholder(part),
  );
}

function compilePlaceholder(placeholder: Placeholder): PlaceholderOp {
  const { argument, label, source } = placeholder;
  const name =
    argument.kind === "position" ? argument.index : argument.path.join(".");
  if (!label) return [source, name];
  // An empty prefix is left out; the runtime reads `<value>.label` then.
  return label.prefix
    ? [source, name, label.catalog, label.prefix]
    : [source, name, label.catalog];
}
