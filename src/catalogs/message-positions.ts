import { Scalar } from "yaml";
import type { Position, SourceText } from "./yaml-positions.js";

/** Source position of an offset inside a message value. */
export interface ValuePosition extends Position {
  /** False when the position is only the start of the value. */
  exact: boolean;
}

/**
 * Finds the source position of `offset`, an offset into the string value of
 * `scalar`. The mapping is exact for single-line plain and quoted scalars
 * whose text has no escapes, and for literal block scalars (`|`, `|-`, `|+`).
 * YAML changes the text of folded scalars, multi-line flow scalars and
 * escapes, so for those the result is the start of the value.
 */
export function locateValueOffset(
  scalar: Scalar,
  value: string,
  offset: number,
  source: SourceText,
): ValuePosition {
  const [start, valueEnd] = scalar.range ?? [0, 0];
  const raw = source.text.slice(start, valueEnd);

  switch (scalar.type) {
    case Scalar.PLAIN:
      if (raw === value && !/[\r\n]/.test(raw)) {
        return { ...source.position(start + offset), exact: true };
      }
      break;
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE: {
      const inner = raw.slice(1, -1);
      if (inner === value && !/[\r\n]/.test(inner)) {
        return { ...source.position(start + 1 + offset), exact: true };
      }
      break;
    }
    case Scalar.BLOCK_LITERAL: {
      const position = locateInLiteralBlock(start, value, offset, source);
      if (position) return { ...position, exact: true };
      break;
    }
    default:
      break;
  }
  return { ...source.position(start), exact: false };
}

/**
 * Line i of a literal block's value is source line i after the `|` header,
 * and it ends that line, because YAML removes only the indentation.
 */
function locateInLiteralBlock(
  headerOffset: number,
  value: string,
  offset: number,
  source: SourceText,
): Position | undefined {
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
  return { line, column: indentation + columnInValueLine + 1 };
}
