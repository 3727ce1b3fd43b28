/** A 1-based line and column, with columns counted in UTF-16 code units. */
export interface LinePosition {
  line: number;
  column: number;
}

/** Line and offset lookups in one file's text; lines end at `\n`, as the yaml library counts them. */
export class SourceLines {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf("\n"); index !== -1;) {
      this.lineStarts.push(index + 1);
      index = text.indexOf("\n", index + 1);
    }
  }

  /** Offset of a 1-based line and column, or undefined when the line does not exist. */
  offsetOf(position: LinePosition): number | undefined {
    const start = this.lineStarts[position.line - 1];
    return start === undefined ? undefined : start + position.column - 1;
  }

  position(offset: number): LinePosition {
    // Binary search for the last line that starts at or before offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  /** Text of a 1-based line without its line break, or undefined past the end. */
  lineText(line: number): string | undefined {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return undefined;
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
