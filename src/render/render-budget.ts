import { describeLimit } from "../limits.js";
import { renderDiagnostic, type RenderContext } from "./render-context.js";
import type { RenderScope } from "./render-parts.js";

/**
 * Counts one unit of work (a placeholder, or an item of a list argument)
 * against `maxRenderSteps` and returns false once the budget is spent. So
 * lookups and values that fan out cannot make a render grow without bound.
 */
export function takeStep(scope: RenderScope, context: RenderContext): boolean {
  const { budget, limits } = context;
  if (!budget || !limits) return true;
  budget.steps++;
  if (budget.steps <= limits.maxRenderSteps) return true;
  if (!budget.exhausted) {
    budget.exhausted = true;
    context.report(
      renderDiagnostic(
        "limit-exceeded",
        "error",
        `${describeLimit("the number of placeholders and list items this render resolves", budget.steps, "maxRenderSteps", limits.maxRenderSteps)}; the rest are shown as written`,
        scope.origin,
      ),
    );
  }
  return false;
}

/** Returns the maximum length of one argument's text, `maxArgumentLength`. */
export function maxValueLength(context: RenderContext): number {
  return context.limits?.maxArgumentLength ?? 1_048_576;
}

/** Cuts a string argument at `maxArgumentLength` characters, reporting it. */
export function limitLength(
  value: unknown,
  scope: RenderScope,
  context: RenderContext,
): unknown {
  const max = maxValueLength(context);
  if (typeof value !== "string" || value.length <= max) return value;
  context.report(
    renderDiagnostic(
      "limit-exceeded",
      "error",
      `${describeLimit("the length of an argument value", value.length, "maxArgumentLength", max)}; the value is cut to the limit`,
      scope.origin,
    ),
  );
  return value.slice(0, max);
}
