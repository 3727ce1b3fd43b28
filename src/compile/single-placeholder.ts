import type { FastRender } from "./fast-render.js";
import type { LabelTable } from "./label-table.js";
import { LABEL, VALUE, type PlaceholderOp } from "./placeholder-op.js";

/**
 * Compiles the most common messages, one `{name}` or one
 * `{name.@catalog.prefix}` between literal text, to a closure that reads
 * the argument itself when it is a string, as a template literal would.
 * Other values go to `general`, the closure `concatParts` built. Returns
 * undefined for any other message.
 */
export function compileSinglePlaceholder(
  pieces: readonly (string | PlaceholderOp)[],
  op: PlaceholderOp,
  general: FastRender,
): FastRender | undefined {
  if (op.rest.length > 0 || (op.kind !== VALUE && op.kind !== LABEL)) {
    return undefined;
  }
  const index = pieces.indexOf(op);
  const before = pieces.slice(0, index).join("");
  const after = pieces.slice(index + 1).join("");
  const { compiler, key } = op;
  const { maxArgumentLength, maxRenderSteps } = compiler;

  // The placeholder takes one render step. A top-level message (depth 1)
  // cannot exceed maxRenderSteps with it, and a nested one counts it.
  if (op.kind === VALUE) {
    return (args, depth) => {
      const value = args[key];
      return typeof value === "string" &&
        value.length <= maxArgumentLength &&
        (depth === 1 || ++compiler.steps <= maxRenderSteps)
        ? before + value + after
        : general(args, depth);
    };
  }
  // The labels that are plain text, in an object without a prototype:
  // reading its property measured faster here than Map#get.
  let texts: Record<string, string> | undefined;
  return (args, depth) => {
    const value = args[key];
    if (
      typeof value === "string" &&
      value.length <= maxArgumentLength &&
      (depth === 1 || ++compiler.steps <= maxRenderSteps)
    ) {
      texts ??= plainLabels(compiler.labelTable(op.catalog, op.prefix));
      const label = texts[value];
      if (label !== undefined) return before + label + after;
    }
    return general(args, depth);
  };
}

/** Returns the labels of a table that are plain text, keyed by value. */
function plainLabels(table: LabelTable | null): Record<string, string> {
  const texts: Record<string, string> = Object.create(null);
  for (const [value, label] of table ?? []) {
    if (typeof label === "string") texts[value] = label;
  }
  return texts;
}
