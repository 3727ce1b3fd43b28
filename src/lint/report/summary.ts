import type { Diagnostic } from "../../diagnostics/diagnostic.js";

/** Counts errors and warnings. */
export function countSeverities(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") errors++;
  }
  return { errors, warnings: diagnostics.length - errors };
}

/** Formats the summary line, such as `2 errors, 1 warning`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countSeverities(diagnostics);
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
