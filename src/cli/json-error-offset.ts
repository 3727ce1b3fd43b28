/**
 * Finds where a JSON text stops being valid, for error messages. V8's
 * `JSON.parse` (Node.js 20) names the position in most messages, but for an
 * unexpected character it often quotes the text around it instead.
 */

/** Thrown inside the scanner to stop at the first error. */
class JsonErrorAt {
  constructor(readonly offset: number) {}
}

/**
 * Returns the UTF-16 offset of the first character at which `text` can no
 * longer be the start of a valid JSON text, by RFC 8259, the grammar that
 * `JSON.parse` reads. Returns `text.length` when the text ends too early,
 * and undefined when the whole text is valid JSON.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  try {
    new JsonScanner(text).scanDocument();
    return undefined;
  } catch (error) {
    if (error instanceof JsonErrorAt) return error.offset;
    throw error;
  }
}

/**
 * A JSON syntax checker with an explicit stack instead of recursion, so
 * deeply nested input, which `JSON.parse` accepts, cannot overflow the
 * call stack.
 */
class JsonScanner {
  private offset = 0;
  private readonly containers: ("array" | "object")[] = [];

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.scanValue();
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail();
  }

  private scanValue(): void {
    for (;;) {
      this.skipWhitespace();
      const char = this.text[this.offset];
      if (char === "{" || char === "[") {
        const container = char === "{" ? "object" : "array";
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === closingOf(container)) {
          this.offset++;
        } else {
          this.containers.push(container);
          if (container === "object") this.scanKey();
          continue;
        }
      } else {
        this.scanScalar();
      }
      if (this.closeContainers()) return;
    }
  }

  /**
   * Closes the containers that end after a value, up to the next `,`.
   * Returns true when the outermost value is complete, and false when
   * another element comes next, after its key for an object.
   */
  private closeContainers(): boolean {
    for (;;) {
      const container = this.containers.at(-1);
      if (container === undefined) return true;
      this.skipWhitespace();
      const char = this.text[this.offset];
      if (char === ",") {
        this.offset++;
        if (container === "object") this.scanKey();
        return false;
      }
      if (char !== closingOf(container)) this.fail();
      this.offset++;
      this.containers.pop();
    }
  }

  private scanScalar(): void {
    const char = this.text[this.offset] ?? "";
    if (char === '"') {
      this.scanString();
    } else if (char === "-" || isDigit(char)) {
      this.scanNumber();
    } else if (char === "t") {
      this.scanLiteral("true");
    } else if (char === "f") {
      this.scanLiteral("false");
    } else if (char === "n") {
      this.scanLiteral("null");
    } else {
      this.fail();
    }
  }

  /** Scans `"key" :` inside an object. */
  private scanKey(): void {
    this.skipWhitespace();
    if (this.text[this.offset] !== '"') this.fail();
    this.scanString();
    this.skipWhitespace();
    if (this.text[this.offset] !== ":") this.fail();
    this.offset++;
  }

  private scanString(): void {
    this.offset++; // the opening quote
    for (;;) {
      const code = this.text.charCodeAt(this.offset);
      if (Number.isNaN(code)) this.fail();
      if (code === 0x22) {
        this.offset++;
        return;
      }
      if (code < 0x20) this.fail();
      this.offset++;
      if (code === 0x5c) this.scanEscape();
    }
  }

  /** Scans the part of an escape sequence after the backslash. */
  private scanEscape(): void {
    const char = this.text[this.offset];
    if (char !== undefined && '"\\/bfnrt'.includes(char)) {
      this.offset++;
      return;
    }
    if (char !== "u") this.fail();
    this.offset++;
    for (let i = 0; i < 4; i++) {
      if (!/^[0-9A-Fa-f]$/.test(this.text[this.offset] ?? "")) this.fail();
      this.offset++;
    }
  }

  private scanNumber(): void {
    if (this.text[this.offset] === "-") this.offset++;
    if (this.text[this.offset] === "0") {
      this.offset++;
    } else {
      this.scanDigits();
    }
    if (this.text[this.offset] === ".") {
      this.offset++;
      this.scanDigits();
    }
    if (this.text[this.offset] === "e" || this.text[this.offset] === "E") {
      this.offset++;
      if (this.text[this.offset] === "+" || this.text[this.offset] === "-") {
        this.offset++;
      }
      this.scanDigits();
    }
  }

  /** Scans one or more digits. */
  private scanDigits(): void {
    if (!isDigit(this.text[this.offset] ?? "")) this.fail();
    while (isDigit(this.text[this.offset] ?? "")) this.offset++;
  }

  private scanLiteral(literal: string): void {
    for (const char of literal) {
      if (this.text[this.offset] !== char) this.fail();
      this.offset++;
    }
  }

  /** Skips the four whitespace characters JSON allows. */
  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.offset];
      if (char !== " " && char !== "\t" && char !== "\n" && char !== "\r") {
        return;
      }
      this.offset++;
    }
  }

  /** Stops at the current offset, which is the text's length at its end. */
  private fail(): never {
    throw new JsonErrorAt(Math.min(this.offset, this.text.length));
  }
}

function closingOf(container: "array" | "object"): string {
  return container === "object" ? "}" : "]";
}

function isDigit(char: string): boolean {
  return char.length === 1 && char >= "0" && char <= "9";
}
