import type { Scalar } from "yaml";
import { valueSourceOffset } from "./value-source-offset.js";
import type { Position, SourceText } from "./yaml-positions.js";

/** Source position of an offset inside a message value. */
export interface ValuePosition extends Position {
  /** False when the position is only the start of the value. */
  exact: boolean;
}

/**
 * Finds the source position of `offset`, an offset into `value`, the string
 * value of `scalar`, or the start of the value with `exact` false.
 */
export function locateValueOffset(
  scalar: Scalar,
  value: string,
  offset: number,
  source: SourceText,
): ValuePosition {
  const start = scalar.range?.[0] ?? 0;
  const found = valueSourceOffset(source.text, start, value, offset);
  return found === undefined
    ? { ...source.position(start), exact: false }
    : { ...source.position(found), exact: true };
}

/**
 * Returns the note a diagnostic adds when its position is only the start of
 * the value: the line and column of the problem in the message's text.
 */
export function valueStartNote(line: number, column: number): string {
  return ` (at line ${line}, column ${column} of the message; the position shown is the start of the value because YAML changes the text there: line folding, escapes or a final line break)`;
}
