import { quotedSourceOffset } from "./quoted-scalar-offset.js";

/**
 * Finds the offset in the YAML source `text` of offset `offset` in `value`,
 * the scalar whose quote, `|` header or first character is at `valueStart`.
 * Returns undefined for folded and multi-line plain scalars, and past the
 * first line break of a quoted one, because YAML rewrites that text.
 */
export function valueSourceOffset(
  text: string,
  valueStart: number,
  value: string,
  offset: number,
): number | undefined {
  switch (text[valueStart]) {
    case '"':
    case "'":
      return quotedSourceOffset(text, valueStart, offset);
    case "|":
      return literalBlockOffset(text, valueStart, value, offset);
    case ">":
      return undefined;
    default: {
      // A plain scalar is exact when the source repeats the value on one line.
      const exact =
        !value.includes("\n") &&
        offset <= value.length &&
        text.startsWith(value, valueStart);
      return exact ? valueStart + offset : undefined;
    }
  }
}

/**
 * Finds the source offset of `offset` in the literal block whose `|` is at
 * `headerOffset`. Value line i ends source line i after the header, because
 * YAML removes only the indentation.
 */
function literalBlockOffset(
  text: string,
  headerOffset: number,
  value: string,
  offset: number,
): number | undefined {
  const before = value.slice(0, offset);
  const valueLineIndex = before.split("\n").length - 1;
  const columnInValueLine = offset - (before.lastIndexOf("\n") + 1);
  const valueLines = value.split("\n");
  // The end of a value that ends with a line break is on no line of the
  // block: the next source line may belong to another key.
  if (valueLineIndex === valueLines.length - 1 && value.endsWith("\n")) {
    return undefined;
  }
  const valueLine = valueLines[valueLineIndex] ?? "";

  // Skips the header line and the source lines of earlier value lines.
  let lineStart = headerOffset;
  for (let skipped = 0; skipped <= valueLineIndex; skipped++) {
    const lineBreak = text.indexOf("\n", lineStart);
    if (lineBreak === -1) return undefined;
    lineStart = lineBreak + 1;
  }
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === "\r") lineEnd--;

  if (!text.slice(lineStart, lineEnd).endsWith(valueLine)) return undefined;
  return lineEnd - valueLine.length + columnInValueLine;
}
