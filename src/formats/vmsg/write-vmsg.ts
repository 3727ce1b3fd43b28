/**
 * Writes `.vmsg` files that VMware's loader, and `parseVmsg`, read back to
 * exactly the strings given:
 *
 * - Every value is quoted. `"`, `|`, `#` and the control characters
 *   U+0000 to U+001F and U+007F (tab, CR and LF included) are written as
 *   `|XX` with upper-case hex digits.
 * - A backslash is written as `\\`, never as `|5C`: the loader decodes `|XX`
 *   first and C escapes second, so `|5C` followed by `n` would come back as
 *   a newline, while `\\` always comes back as one backslash.
 * - Entries are separated by a blank line. open-vm-tools' loader drops the
 *   line that directly follows an entry when it is not a continuation line,
 *   so two entry lines in a row would lose the second one there.
 *
 * A value with a NUL character (the loader keeps C strings) or a lone UTF-16
 * surrogate (it has no UTF-8 form), and a name that the format or a locmsg
 * catalog cannot hold, cannot be written: `describeUnwritableVmsgEntry`
 * says why, and `writeVmsg` throws a `RangeError`.
 */

export interface WriteVmsgOptions {
  /** Text for comment lines at the top of the file, one `#` line per line. */
  header?: string;
}

/**
 * Names the writer accepts: no whitespace, `=`, `#` or control characters,
 * and no `"` first (a line that starts with a quote is a continuation).
 */
const WRITABLE_NAME = /^[^\s=#"\p{Cc}][^\s=#\p{Cc}]*$/u;
/** A UTF-16 surrogate that is not part of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Says why an entry cannot be written, or returns undefined when it can. */
export function describeUnwritableVmsgEntry(
  name: string,
  value: string,
): string | undefined {
  if (!WRITABLE_NAME.test(name) || LONE_SURROGATE.test(name)) {
    return `the name '${name}' cannot be written to a .vmsg file, whose names have no whitespace, '=', '#' or control characters and do not start with '"'`;
  }
  if (value.includes("\0")) {
    return "the value contains a NUL character, which VMware's loader would treat as the end of the value";
  }
  if (LONE_SURROGATE.test(value)) {
    return "the value contains a lone UTF-16 surrogate, which has no UTF-8 form";
  }
  return undefined;
}

/** Writes entries as a `.vmsg` file; see the rules at the top of this file. */
export function writeVmsg(
  entries: Iterable<readonly [string, string]>,
  options: WriteVmsgOptions = {},
): string {
  const blocks: string[] = [];
  if (options.header !== undefined) {
    blocks.push(
      options.header
        .split(/\r\n|\n|\r/)
        .map((line) => (line === "" ? "#" : `# ${line}`))
        .join("\n"),
    );
  }
  for (const [name, value] of entries) {
    const problem = describeUnwritableVmsgEntry(name, value);
    if (problem) throw new RangeError(`cannot write '${name}': ${problem}`);
    blocks.push(`${name} = "${escapeVmsgValue(value)}"`);
  }
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}

/** Escapes a value for the inside of a quoted `.vmsg` value. */
export function escapeVmsgValue(value: string): string {
  let text = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === "\\") {
      text += "\\\\";
    } else if (
      code < 0x20 ||
      code === 0x7f ||
      char === '"' ||
      char === "|" ||
      char === "#"
    ) {
      text += `|${code.toString(16).toUpperCase().padStart(2, "0")}`;
    } else {
      text += char;
    }
  }
  return text;
}
