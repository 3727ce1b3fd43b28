/**
 * A fast reader for the catalog shape that generated and exported catalogs
 * use: one `key: "double-quoted value"` per line, with comments and blank
 * lines. It reads such a file several times faster than the full YAML
 * parser. It returns undefined as soon as a line has any other shape, or
 * anything would need a diagnostic (a duplicate key, a template error, a
 * limit), and the caller then parses the file with the full parser. So a
 * file read here gives exactly the entries the full parser would give.
 */
import type { CatalogEntry } from "./catalog.js";
import { parseMessage } from "../parse/parse-message.js";
import type { Limits } from "../limits.js";

// A plain key, `: `, a double-quoted value, and an optional comment.
// Keys start with a letter, digit, `_` or `$` and have no empty segment.
// The expression is sticky and multiline, so it matches one line of the
// whole text at `lastIndex` without slicing the line out first. The value
// never spans a line break, and `$` matches only before `\n` or at the end,
// because readFlatCatalog rejects every other line terminator up front.
const ENTRY_LINE =
  /^([A-Za-z0-9_$][A-Za-z0-9_$-]*(?:\.[A-Za-z0-9_$-]+)*): "((?:[^"\\\n]|\\.)*)"(?: +#.*)? *$/my;

// Tabs, carriage returns, C0 and C1 controls, NEL, line and paragraph
// separators, BOM and noncharacters.
const UNUSUAL_CHARACTERS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Decodes the escapes of a YAML double-quoted scalar; undefined for an invalid one. */
function decodeEscapes(raw: string): string | undefined {
  if (!raw.includes("\\")) return raw;
  let text = "";
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!;
    if (char !== "\\") {
      text += char;
      continue;
    }
    const escape = raw[++index];
    if (escape === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      text += simple;
      continue;
    }
    const length = HEX_LENGTHS[escape];
    const hex =
      length === undefined ? "" : raw.slice(index + 1, index + 1 + length);
    if (
      length === undefined ||
      !/^[0-9A-Fa-f]+$/.test(hex) ||
      hex.length !== length
    )
      return undefined;
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint > 0x10ffff) return undefined;
    text += String.fromCodePoint(codePoint);
    index += length;
  }
  return text;
}

/** Checks whether `text` from `start` to `end` is empty, only spaces, or a comment. */
function isBlankOrComment(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 0x23) return true; // #
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) !== 0x20) return false;
  }
  return true;
}

/** Reads a flat catalog, or returns undefined when the full parser must run. */
export function readFlatCatalog(
  text: string,
  file: string,
  limits: Limits,
): Map<string, CatalogEntry> | undefined {
  // Characters YAML treats specially or rejects are left to the full parser.
  if (UNUSUAL_CHARACTERS.test(text)) return undefined;
  const entries = new Map<string, CatalogEntry>();

  let lineNumber = 0;
  // `<=`, so the text after the last line break is a line too, even when empty.
  for (let start = 0, end = 0; start <= text.length; start = end + 1) {
    lineNumber++;
    end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (isBlankOrComment(text, start, end)) continue;
    ENTRY_LINE.lastIndex = start;
    const match = ENTRY_LINE.exec(text);
    if (!match) return undefined;

    const key = match[1]!;
    const value = decodeEscapes(match[2]!);
    if (value === undefined || entries.has(key)) return undefined;
    if (
      entries.size >= limits.maxKeysPerCatalog ||
      value.length > limits.maxMessageLength
    )
      return undefined;

    const parsed = parseMessage(value);
    if (!parsed.ok) return undefined;
    let placeholders = 0;
    for (const part of parsed.parts)
      if (typeof part !== "string") placeholders++;
    if (placeholders > limits.maxPlaceholders) return undefined;

    entries.set(key, {
      key,
      text: value,
      parts: parsed.parts,
      file,
      line: lineNumber,
      column: key.length + 3,
    });
  }
  return entries;
}
