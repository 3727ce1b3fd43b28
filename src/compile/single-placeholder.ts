import type { FastRender } from "./fast-render.js";
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
  return (args, depth) => {
    const value = args[key];
    if (
      typeof value === "string" &&
      value.length <= maxArgumentLength &&
      (depth === 1 || ++compiler.steps <= maxRenderSteps)
    ) {
      op.table ??= compiler.labelTable(op.catalog, op.prefix);
      const label = op.table?.get(value);
      if (typeof label === "string") return before + label + after;
    }
    return general(args, depth);
  };
}
