import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { summarize } from "./summary.js";

/**
 * Formats diagnostics as GitHub Actions workflow commands, which the
 * runner turns into annotations on the changed files:
 * `::error file=F,line=L,col=C,title=CODE::MESSAGE`, then a summary line.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string[] {
  const lines = diagnostics.map((diagnostic) => {
    const properties: string[] = [];
    if (diagnostic.file !== undefined) {
      properties.push(`file=${escapeProperty(diagnostic.file)}`);
    }
    if (diagnostic.line !== undefined)
      properties.push(`line=${diagnostic.line}`);
    if (diagnostic.column !== undefined)
      properties.push(`col=${diagnostic.column}`);
    properties.push(`title=${escapeProperty(diagnostic.code)}`);
    return `::${diagnostic.severity} ${properties.join(",")}::${escapeData(diagnostic.message)}`;
  });
  lines.push(summarize(diagnostics));
  return lines;
}

/**
 * Escapes a command's message: `%`, CR and LF, as `escapeData` in
 * `@actions/core` (actions/toolkit, packages/core/src/command.ts) does.
 */
export function escapeData(text: string): string {
  return text
    .replaceAll("%", "%25")
    .replaceAll("\r", "%0D")
    .replaceAll("\n", "%0A");
}

/** Escapes a property value: the message escapes plus `:` and `,`, which delimit properties (`escapeProperty` there). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
