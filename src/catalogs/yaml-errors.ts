import type { YAMLError } from "yaml";
import type { FileDiagnostics } from "./file-diagnostics.js";
import type { Position, SourceText } from "./yaml-positions.js";

/**
 * Reports the parse errors of the yaml library as `yaml-tab-indent` or
 * `yaml-syntax` diagnostics, at most one per line, because one mistake
 * often produces several errors on the same line.
 *
 * `TAB_AS_INDENT` becomes `yaml-tab-indent`, and so does any other error on
 * a line whose indentation contains a tab: the library reports a tab at the
 * start of a block scalar line as `BAD_INDENT`, for example. Every other code
 * becomes `yaml-syntax`. Warnings are ignored; the one that matters,
 * `TAG_RESOLVE_FAILED`, is reported by the catalog walk as `yaml-tag`.
 */
export function reportYamlErrors(
  errors: readonly YAMLError[],
  source: SourceText,
  reporter: FileDiagnostics,
): void {
  const reportedLines = new Set<number>();
  for (const error of errors) {
    const position = source.position(error.pos[0]);
    if (reportedLines.has(position.line)) continue;
    reportedLines.add(position.line);

    const tab = tabInIndentation(source, position.line);
    if (error.code === "TAB_AS_INDENT" || tab) {
      reporter.error(
        "yaml-tab-indent",
        "a tab is used for indentation, which YAML does not allow; indent with spaces",
        tab ?? position,
      );
    } else if (error.message.includes("Maximum call stack size exceeded")) {
      reporter.error(
        "yaml-syntax",
        "the YAML nests too deeply for the parser to read; flatten the nesting by writing dotted keys such as a.b.c: text",
        position,
      );
    } else {
      reporter.error(
        "yaml-syntax",
        `invalid YAML: ${error.message}; fix the syntax, because no message of this file loads until then`,
        position,
      );
    }
  }
}

/** Finds the first tab in the leading whitespace of `line`. */
function tabInIndentation(
  source: SourceText,
  line: number,
): Position | undefined {
  const text = source.lineText(line) ?? "";
  const indentation = /^[ \t]*/.exec(text)?.[0] ?? "";
  const index = indentation.indexOf("\t");
  return index === -1 ? undefined : { line, column: index + 1 };
}
