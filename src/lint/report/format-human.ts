import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { countSeverities, summarize } from "./summary.js";

export interface HumanFormatOptions {
  /** Adds ANSI colours; the command turns it on only for a terminal without NO_COLOR. */
  color?: boolean;
}

/** SGR sequences: bold, dim, underline, red, yellow, reset. */
const STYLES = {
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  underline: "\u001b[4m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  reset: "\u001b[0m",
};

type Style = keyof typeof STYLES;

/**
 * Formats diagnostics for a person: a block per file with one line per
 * problem (`line:column  severity  code  message`, `-` for a problem of the
 * whole file), a blank line between blocks, and a summary line. Diagnostics
 * must be sorted by file, as `lintCatalogs` returns them.
 */
export function formatHuman(
  diagnostics: readonly Diagnostic[],
  options: HumanFormatOptions = {},
): string[] {
  const paint = (style: Style, text: string) =>
    options.color ? `${STYLES[style]}${text}${STYLES.reset}` : text;

  const lines: string[] = [];
  for (const group of groupByFile(diagnostics)) {
    lines.push(paint("underline", group.file));
    const locations = group.diagnostics.map(formatPosition);
    // reduce, not Math.max(...), which overflows the stack on huge groups.
    const locationWidth = locations.reduce(
      (width, text) => Math.max(width, text.length),
      0,
    );
    const codeWidth = group.diagnostics.reduce(
      (width, d) => Math.max(width, d.code.length),
      0,
    );
    group.diagnostics.forEach((diagnostic, index) => {
      const location = paint("dim", locations[index]!.padEnd(locationWidth));
      const severity = paint(
        diagnostic.severity === "error" ? "red" : "yellow",
        diagnostic.severity.padEnd("warning".length),
      );
      const code = paint("dim", diagnostic.code.padEnd(codeWidth));
      lines.push(`  ${location}  ${severity}  ${code}  ${diagnostic.message}`);
    });
    lines.push("");
  }
  const { errors, warnings } = countSeverities(diagnostics);
  let summaryStyle: Style = "bold";
  if (errors > 0) summaryStyle = "red";
  else if (warnings > 0) summaryStyle = "yellow";
  lines.push(paint(summaryStyle, summarize(diagnostics)));
  return lines;
}

function formatPosition(diagnostic: Diagnostic): string {
  if (diagnostic.line === undefined) return "-";
  return diagnostic.column === undefined
    ? `${diagnostic.line}`
    : `${diagnostic.line}:${diagnostic.column}`;
}

function groupByFile(diagnostics: readonly Diagnostic[]) {
  const groups: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const diagnostic of diagnostics) {
    const file = diagnostic.file ?? "(no file)";
    const last = groups.at(-1);
    if (last?.file === file) last.diagnostics.push(diagnostic);
    else groups.push({ file, diagnostics: [diagnostic] });
  }
  return groups;
}
