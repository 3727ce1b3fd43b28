import type { Diagnostic } from "../../diagnostics/diagnostic.js";

/**
 * Formats diagnostics as one JSON array, two-space indented, with the
 * fields of each in a fixed order so that output diffs stay small.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const ordered = diagnostics.map((diagnostic) => {
    const { code, severity, message, file, line, column } = diagnostic;
    const { key, locale, catalog, related } = diagnostic;
    return {
      code,
      severity,
      message,
      file,
      line,
      column,
      key,
      locale,
      catalog,
      related,
    };
  });
  // JSON.stringify leaves out the fields that are undefined.
  return JSON.stringify(ordered, null, 2);
}
