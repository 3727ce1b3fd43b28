import { readFile } from "node:fs/promises";
import { CliError } from "./cli-error.js";
import { findJsonErrorOffset } from "./json-error-offset.js";
import { lineAndColumn } from "../diagnostics/line-and-column.js";

/** Reads FILE, or standard input for `-`, as bytes. */
async function readInputBytes(file: string): Promise<Uint8Array> {
  if (file === "-") {
    if (process.stdin.isTTY) {
      throw new CliError(
        "no input: pass a FILE, or pipe JSON to standard input",
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : String(error);
    throw new CliError(`cannot read ${file}: ${reason}; check the path`);
  }
}

/**
 * Reads FILE, or standard input for `-`, as UTF-8 text without a leading
 * byte order mark. Invalid UTF-8 is an error naming its byte offset.
 */
export async function readInputText(file: string): Promise<string> {
  const bytes = await readInputBytes(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const offset = findInvalidUtf8(bytes);
    if (offset === undefined) {
      throw new CliError(
        `${inputName(file)}: invalid UTF-8; save the file as UTF-8`,
      );
    }
    // The bytes before the offset are valid, so they decode without errors.
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    const { line, column } = lineAndColumn(before, before.length);
    const byte = bytes[offset]!.toString(16).padStart(2, "0");
    throw new CliError(
      `${inputName(file)}:${line}:${column}: invalid UTF-8 at byte offset ${offset} (byte 0x${byte}); save the file as UTF-8`,
    );
  }
}

/**
 * Returns the offset of the first byte of the first invalid UTF-8 sequence
 * (by the WHATWG Encoding Standard's decoder, which TextDecoder implements),
 * or undefined when all of `bytes` is valid. A sequence cut off by the end
 * of the input is invalid too.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset]!;
    if (lead < 0x80) {
      offset++;
      continue;
    }
    const sequence = utf8Sequence(lead);
    if (sequence === undefined) return offset;
    for (let i = 1; i <= sequence.continuationBytes; i++) {
      const byte = bytes[offset + i];
      const lower = i === 1 ? sequence.lower : 0x80;
      const upper = i === 1 ? sequence.upper : 0xbf;
      if (byte === undefined || byte < lower || byte > upper) return offset;
    }
    offset += sequence.continuationBytes + 1;
  }
  return undefined;
}

/**
 * Returns the number of continuation bytes after a lead byte and the range
 * of the first one, which excludes overlong forms, surrogates and code
 * points above U+10FFFF. Returns undefined for a byte that cannot start a
 * sequence.
 */
function utf8Sequence(
  lead: number,
): { continuationBytes: number; lower: number; upper: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) {
    return { continuationBytes: 1, lower: 0x80, upper: 0xbf };
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    const lower = lead === 0xe0 ? 0xa0 : 0x80;
    const upper = lead === 0xed ? 0x9f : 0xbf;
    return { continuationBytes: 2, lower, upper };
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const lower = lead === 0xf0 ? 0x90 : 0x80;
    const upper = lead === 0xf4 ? 0x8f : 0xbf;
    return { continuationBytes: 3, lower, upper };
  }
  return undefined;
}

/**
 * Parses JSON, turning a syntax error into `file:line:column` and a fix.
 * The location is V8's `at position N` when the message has one, else the
 * offset that `findJsonErrorOffset` finds. The message has no location
 * when neither is known.
 */
export function parseJsonInput(text: string, file: string): unknown {
  const json = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : findJsonErrorOffset(json);
    let where = inputName(file);
    if (offset !== undefined) {
      const { line, column } = lineAndColumn(json, offset);
      where += `:${line}:${column}`;
    }
    throw new CliError(`${where}: invalid JSON (${message}); fix the document`);
  }
}

/** Reads and parses a JSON document from FILE or `-`. */
export async function readJsonInput(file: string): Promise<unknown> {
  return parseJsonInput(await readInputText(file), file);
}

function inputName(file: string): string {
  return file === "-" ? "<stdin>" : file;
}
