import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LintFile } from "./catalog-tree.js";
import type { LinePosition, SourceLines } from "./source-lines.js";

/**
 * Finds the source line and column of `offset`, an offset into the text of
 * `entry`. The result is exact for single-line plain, single-quoted and
 * double-quoted scalars (escapes included) and for literal block scalars
 * (`|`). YAML rewrites the text of folded and multi-line flow scalars, so
 * for those, and when the file is unknown, the result is the start of the value.
 */
export function locateInEntry(
  entry: CatalogEntry,
  offset: number,
  file: LintFile | undefined,
): LinePosition {
  const start: LinePosition = {
    line: entry.line ?? 1,
    column: entry.column ?? 1,
  };
  if (!file || entry.line === undefined) return start;
  const source = file.source;
  const valueStart = source.offsetOf(start);
  if (valueStart === undefined) return start;

  const found = locateOffset(source, valueStart, entry.text, offset);
  return found === undefined ? start : source.position(found);
}

function locateOffset(
  source: SourceLines,
  valueStart: number,
  value: string,
  offset: number,
): number | undefined {
  const first = source.text[valueStart];
  switch (first) {
    case '"':
      return walkQuoted(source.text, valueStart + 1, offset, doubleQuoted);
    case "'":
      return walkQuoted(source.text, valueStart + 1, offset, singleQuoted);
    case "|":
      return locateInLiteralBlock(source, valueStart, value, offset);
    case ">":
      return undefined;
    default: {
      // A plain scalar: exact when the source repeats the value on one line.
      const exact =
        !value.includes("\n") &&
        source.text.startsWith(value, valueStart) &&
        offset <= value.length;
      return exact ? valueStart + offset : undefined;
    }
  }
}

/**
 * Reads one unit of a quoted scalar at `index`: returns how many source code
 * units it takes and how many value code units it produces, or undefined at
 * the closing quote or a line break, where the walk gives up.
 */
type QuotedStep = (
  text: string,
  index: number,
) => { source: number; value: number } | undefined;

const doubleQuoted: QuotedStep = (text, index) => {
  const char = text[index];
  if (char === undefined || char === '"' || char === "\n" || char === "\r") {
    return undefined;
  }
  if (char !== "\\") return { source: 1, value: 1 };
  const escape = text[index + 1];
  switch (escape) {
    case undefined:
    case "\n":
    case "\r":
      return undefined;
    case "x":
      return { source: 4, value: 1 };
    case "u":
      return { source: 6, value: 1 };
    case "U": {
      const codePoint = Number.parseInt(text.slice(index + 2, index + 10), 16);
      return { source: 10, value: codePoint > 0xffff ? 2 : 1 };
    }
    default:
      return { source: 2, value: 1 };
  }
};

const singleQuoted: QuotedStep = (text, index) => {
  const char = text[index];
  if (char === undefined || char === "\n" || char === "\r") return undefined;
  if (char !== "'") return { source: 1, value: 1 };
  return text[index + 1] === "'" ? { source: 2, value: 1 } : undefined;
};

function walkQuoted(
  text: string,
  contentStart: number,
  offset: number,
  step: QuotedStep,
): number | undefined {
  let index = contentStart;
  let produced = 0;
  while (produced < offset) {
    const unit = step(text, index);
    if (!unit) return undefined;
    index += unit.source;
    produced += unit.value;
  }
  // An offset inside a multi-unit escape lands on the escape's start.
  return produced === offset ? index : undefined;
}

/**
 * Line i of a literal block's value is source line i after the `|` header,
 * and it ends that line, because YAML removes only the indentation.
 */
function locateInLiteralBlock(
  source: SourceLines,
  headerOffset: number,
  value: string,
  offset: number,
): number | undefined {
  const before = value.slice(0, offset);
  const valueLineIndex = before.split("\n").length - 1;
  const columnInValueLine = offset - (before.lastIndexOf("\n") + 1);
  const valueLine = value.split("\n")[valueLineIndex] ?? "";

  const line = source.position(headerOffset).line + 1 + valueLineIndex;
  const sourceLine = source.lineText(line);
  if (sourceLine === undefined || !sourceLine.endsWith(valueLine)) {
    return undefined;
  }
  const indentation = sourceLine.length - valueLine.length;
  return source.offsetOf({ line, column: indentation + columnInValueLine + 1 });
}
