/**
 * Decoding a `.vmsg` value the way VMware's loader does, in two passes over
 * bytes:
 *
 * 1. Each piece of the value (the text between the quotes of the entry line
 *    and of each continuation line) has its `|XX` escapes replaced by the
 *    byte `0xXX`, with the state machine of open-vm-tools' `Escape_Undo`:
 *    `|` followed by anything but two hex digits stays as written.
 * 2. The pieces are joined, then C escapes are replaced: `\n`, `\t`, `\r`,
 *    `\\`, `\"` and octal `\o`, `\oo`, `\ooo` (taken modulo 256). Any other
 *    backslash stays as written, with the character after it.
 *
 * The second pass runs on the output of the first, so `|5Cn` becomes a
 * backslash and `n` after pass 1 and a newline after pass 2.
 *
 * The loader keeps values as C strings, so a NUL byte ends the text: one
 * from `|00` ends its piece (the next continuation line is still appended),
 * one from `\0` ends the whole value. The result must be UTF-8.
 */
import { findInvalidUtf8 } from "../../catalogs/decode-utf8.js";

export type DecodedValue =
  | { ok: true; text: string; cutAtNul: boolean }
  | { ok: false; bytes: number[] };

const encoder = new TextEncoder();
// ignoreBOM keeps a U+FEFF at the start of a value as text.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const PIPE = 0x7c;
const BACKSLASH = 0x5c;

/**
 * Decodes the pieces of one value; see the passes at the top of this file.
 * Fails with the first invalid byte sequence when the result is not UTF-8.
 */
export function decodeValue(pieces: readonly string[]): DecodedValue {
  let cutAtNul = false;
  const bytes: number[] = [];
  for (const piece of pieces) {
    const decoded = undoPipeEscapes(encoder.encode(piece));
    const nul = decoded.indexOf(0);
    if (nul !== -1) cutAtNul = true;
    for (const byte of nul === -1 ? decoded : decoded.slice(0, nul)) {
      bytes.push(byte);
    }
  }
  const unescaped = undoCEscapes(bytes);
  const nul = unescaped.indexOf(0);
  if (nul !== -1) cutAtNul = true;
  const decoded = Uint8Array.from(
    nul === -1 ? unescaped : unescaped.slice(0, nul),
  );

  try {
    return { ok: true, text: decoder.decode(decoded), cutAtNul };
  } catch {
    return { ok: false, bytes: findInvalidUtf8(decoded)?.bytes ?? [] };
  }
}

/** Pass 1: `|XX` to the byte 0xXX, as `Escape_Undo('|', ...)` does. */
export function undoPipeEscapes(bytes: Uint8Array): number[] {
  const out: number[] = [];
  // 0: plain text, 1: after `|`, 2: after `|` and one hex digit.
  let state = 0;
  let high = 0;
  for (const byte of bytes) {
    out.push(byte);
    if (state === 0) {
      if (byte === PIPE) state = 1;
    } else if (state === 1) {
      high = hexValue(byte);
      state = high >= 0 ? 2 : 0;
    } else {
      const low = hexValue(byte);
      if (low >= 0) out.splice(out.length - 3, 3, (high << 4) | low);
      state = 0;
    }
  }
  return out;
}

/** Pass 2: C escapes, scanned left to right so `\\n` is a backslash and `n`. */
export function undoCEscapes(bytes: readonly number[]): number[] {
  const out: number[] = [];
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    const next = bytes[index + 1];
    if (byte !== BACKSLASH || next === undefined) {
      out.push(byte);
      continue;
    }

    const simple = SIMPLE_ESCAPES.get(next);
    if (simple !== undefined) {
      out.push(simple);
      index += 1;
      continue;
    }
    if (!isOctalDigit(next)) {
      out.push(byte);
      continue;
    }
    let value = 0;
    let digits = 0;
    while (digits < 3 && isOctalDigit(bytes[index + 1 + digits])) {
      value = value * 8 + (bytes[index + 1 + digits]! - 0x30);
      digits += 1;
    }
    out.push(value & 0xff);
    index += digits;
  }
  return out;
}

/** The byte after a backslash, mapped to the byte it stands for. */
const SIMPLE_ESCAPES = new Map<number, number>([
  [0x6e, 0x0a], // \n
  [0x74, 0x09], // \t
  [0x72, 0x0d], // \r
  [BACKSLASH, BACKSLASH], // \\
  [0x22, 0x22], // \"
]);

function isOctalDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x37;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}
