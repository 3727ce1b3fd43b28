/**
 * Reads one `.vmsg` line on its own, by the line format of open-vm-tools'
 * `lib/dict/dictll.c` and the continuation lines of `libvmtools/i18n.c`.
 * Whether a continuation line has an entry to continue is for the caller.
 */

/** What one line holds. Indexes are 0-based offsets into the line. */
export type VmsgLine =
  | { kind: "blank" }
  | { kind: "comment" }
  | { kind: "continuation"; start: number; text: string }
  | {
      kind: "entry";
      name: string;
      nameStart: number;
      valueStart: number;
      /** The value as written, without its quotes. */
      value: string;
    }
  | {
      kind: "invalid";
      /** Where the line goes wrong. */
      index: number;
      problem: string;
      fix: string;
      /** The name the line defines, when it got that far. */
      name?: string;
      /** The line starts with a quote, so it was meant as a continuation. */
      quoted: boolean;
    };

type InvalidLine = Extract<VmsgLine, { kind: "invalid" }>;

/** Spaces and tabs: the only blanks of the format. */
const BLANK = /[ \t]*/y;
/** A name: everything up to a blank, `=`, `#` or NUL. */
const NAME = /[^ \t=#\0]*/y;
/** An unquoted value: everything up to a blank, `#` or NUL. */
const UNQUOTED_VALUE = /[^ \t#\0]*/y;

/** Returns the index after the run of `pattern` that starts at `from`. */
function scan(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  pattern.exec(text);
  return pattern.lastIndex;
}

/** Reads a line without its line ending. */
export function readVmsgLine(text: string): VmsgLine {
  const start = scan(BLANK, text, 0);
  const first = text[start];
  if (first === undefined) return { kind: "blank" };
  if (first === "#") return { kind: "comment" };
  if (first === '"') return readContinuation(text, start);
  return readEntry(text, start);
}

/**
 * A continuation line is a quoted string and nothing else: its text runs
 * from the first `"` to the `"` that ends the line, as in the loader.
 */
function readContinuation(text: string, start: number): VmsgLine {
  if (text.length - start >= 2 && text.endsWith('"')) {
    return { kind: "continuation", start, text: text.slice(start + 1, -1) };
  }
  const closing = text.indexOf('"', start + 1);
  if (closing === -1) {
    return invalid(
      start,
      "the continuation line has no closing '\"'",
      "end it with '\"'",
      true,
    );
  }
  return invalid(
    closing + 1,
    "a continuation line must end with its closing '\"'",
    "remove what follows the quote, and write a '\"' inside the text as |22",
    true,
  );
}

function readEntry(text: string, start: number): VmsgLine {
  const nameEnd = scan(NAME, text, start);
  if (nameEnd === start) {
    return invalid(
      start,
      `expected a message name before '${text[start]}'`,
      "write 'name = \"value\"'",
    );
  }
  const name = text.slice(start, nameEnd);
  const equals = scan(BLANK, text, nameEnd);
  if (text[equals] !== "=") {
    const found =
      equals < text.length ? `'${text[equals]}'` : "the end of the line";
    return invalid(
      equals,
      `expected '=' after the name '${name}', found ${found}`,
      "write 'name = \"value\"'; a name has no blanks, '=' or '#'",
    );
  }

  const valueStart = scan(BLANK, text, equals + 1);
  const quoted = text[valueStart] === '"';
  let valueEnd: number;
  if (quoted) {
    valueEnd = text.indexOf('"', valueStart + 1) + 1;
    if (valueEnd === 0) {
      return {
        ...invalid(
          valueStart,
          `the quoted value of '${name}' has no closing '"'`,
          "end it on the same line; a long value continues on lines that are only a quoted string",
        ),
        name,
      };
    }
  } else {
    valueEnd = scan(UNQUOTED_VALUE, text, valueStart);
  }

  const rest = scan(BLANK, text, valueEnd);
  if (rest < text.length && text[rest] !== "#") {
    const problem = quoted
      ? `unexpected text after the quoted value of '${name}', which ends at its second '"'`
      : `unexpected text after the unquoted value of '${name}', which ends at a blank`;
    const fix = quoted
      ? "write a '\"' inside a value as |22; only a '# comment' may follow the value"
      : "put the value in quotes";
    return { ...invalid(rest, problem, fix), name };
  }
  const value = quoted
    ? text.slice(valueStart + 1, valueEnd - 1)
    : text.slice(valueStart, valueEnd);
  return { kind: "entry", name, nameStart: start, valueStart, value };
}

function invalid(
  index: number,
  problem: string,
  fix: string,
  quoted = false,
): InvalidLine {
  return { kind: "invalid", index, problem, fix, quoted };
}
