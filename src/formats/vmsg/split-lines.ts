/** Splitting `.vmsg` text into lines, with any mix of line endings. */

/** One line without its line ending. */
export interface SourceLine {
  text: string;
  /** 1-based line number. */
  number: number;
}

/**
 * Splits `text` at LF, CRLF and a lone CR, as VMware's loader (GLib's line
 * reader) does, so files from Windows, old Mac editors or a mix of them all
 * read alike. A final line ending does not start another line.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({
      text: text.slice(start, match.index),
      number: lines.length + 1,
    });
    start = match.index + match[0].length;
  }
  if (start < text.length) {
    lines.push({ text: text.slice(start), number: lines.length + 1 });
  }
  return lines;
}

/** The 1-based line and column (UTF-16 code units) just after `text`. */
export function endPosition(text: string): { line: number; column: number } {
  const lines = splitLines(text);
  const endsWithBreak = /[\r\n]$/.test(text);
  if (lines.length === 0 || endsWithBreak) {
    return { line: lines.length + 1, column: 1 };
  }
  const last = lines[lines.length - 1]!;
  return { line: last.number, column: last.text.length + 1 };
}
