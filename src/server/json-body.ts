/**
 * The JSON body parser. It replaces fastify's default to report where the
 * JSON is broken and to reject bytes that are not UTF-8 and documents
 * nested deeper than `MAX_JSON_DEPTH`. It reads an empty body as `{}`, so
 * methods without parameters work whether or not a client sends `{}`. It
 * is the only body parser, because fastify's `text/plain` parser is
 * removed, so any other content type is rejected as unsupported.
 */
import { isUtf8 } from "node:buffer";
import type { FastifyInstance } from "fastify";
import { parse as parseContentType } from "fast-content-type-parse";
import { invalidRequest } from "./faults.js";

/**
 * Levels of arrays and objects a body may have, the body object included.
 * Method parameters need fewer than 10; the rest is room for values of
 * type `any`, which `decodeViJson` reads to a depth of 64.
 */
export const MAX_JSON_DEPTH = 64;

export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer" },
    (request, body, done) => {
      // The server replies 404 to an unknown path or method, whatever its body.
      if (request.is404) {
        done(null, {});
        return;
      }
      try {
        checkCharset(request.headers["content-type"] ?? "");
        done(null, parseJsonBody(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}

/** The maximum length of a header or parameter that a fault message quotes. */
const MAX_QUOTED = 200;

/** Returns `text`, cut to `MAX_QUOTED` characters and an ellipsis. */
function quoteHeader(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/**
 * Rejects a content type that is malformed, names more than one charset,
 * or names a charset other than UTF-8. JSON exchanged between systems is
 * UTF-8 (RFC 8259, section 8.1), and reading a body sent in another
 * charset as UTF-8 would change its text.
 */
function checkCharset(contentType: string): void {
  let parameters: Record<string, string>;
  try {
    ({ parameters } = parseContentType(contentType));
  } catch (error) {
    throw invalidRequest(
      `The content type '${quoteHeader(contentType)}' is invalid (${(error as Error).message}); send 'Content-Type: application/json'.`,
    );
  }
  // The parser keeps the first of repeated parameters, so they are counted
  // here, outside quoted values, with the RFC 2231 form `charset*`.
  const unquoted = contentType.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if ((unquoted.match(/;[ \t]*charset\*?[ \t]*=/gi) ?? []).length > 1) {
    throw invalidRequest(
      `The content type '${quoteHeader(contentType)}' has more than one charset parameter; send one, charset=utf-8, or none.`,
    );
  }
  const charset = parameters["charset"] ?? parameters["charset*"];
  if (charset === undefined || /^utf-?8$/i.test(charset)) return;
  throw invalidRequest(
    `The charset '${quoteHeader(charset)}' is not supported; send the JSON encoded as UTF-8 with 'Content-Type: application/json'.`,
  );
}

/** Parses a request body; raises `InvalidRequest` naming the problem and where it is. */
function parseJsonBody(bytes: Buffer): Record<string, unknown> {
  if (!isUtf8(bytes)) throw invalidRequest(describeInvalidUtf8(bytes));
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") return {};

  const tooDeep = findExcessNesting(text);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(text, tooDeep);
    throw invalidRequest(
      `The request body is nested too deeply: arrays and objects go more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}; the maximum is ${MAX_JSON_DEPTH} levels.`,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(text, rejectPrototypeKeys);
  } catch (error) {
    if (error instanceof PrototypeKeyError) throw invalidRequest(error.message);
    if (error instanceof SyntaxError) {
      throw invalidRequest(describeSyntaxError(text, error));
    }
    throw error;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest(
      `The request body must be a JSON object of the method's parameters, not ${describeJsonType(value)}; send {} for a method without parameters.`,
    );
  }
  return value as Record<string, unknown>;
}

class PrototypeKeyError extends Error {}

/** Rejects `__proto__` keys, which fastify's default parser also rejects. */
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === "__proto__") {
    throw new PrototypeKeyError(
      "The request body contains a '__proto__' property, which the server does not accept; remove it.",
    );
  }
  return value;
}

/**
 * Returns the offset of the first `[` or `{` that opens level
 * `MAX_JSON_DEPTH + 1`, or undefined. It scans without recursion, so a
 * document of any depth is measured before `JSON.parse` reads it.
 */
function findExcessNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

/** Names the first invalid UTF-8 sequence by its byte offset and bytes. */
function describeInvalidUtf8(bytes: Buffer): string {
  const { offset, length } = firstInvalidUtf8(bytes);
  const hexBytes = [...bytes.subarray(offset, offset + length)]
    .map((byte) => byte.toString(16).toUpperCase().padStart(2, "0"))
    .join(" ");
  const problem =
    length === 1
      ? `the byte ${hexBytes} at byte offset ${offset} is not part of a UTF-8 character`
      : `the bytes ${hexBytes} at byte offset ${offset} are not a UTF-8 character`;
  return `The request body is not valid UTF-8: ${problem}; send the JSON encoded as UTF-8.`;
}

/**
 * Finds the first invalid sequence by the rules of RFC 3629: its offset and
 * its length up to and including the byte that makes it invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): {
  offset: number;
  length: number;
} {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let continuation: number;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) continuation = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) continuation = 3;
    else return { offset: i, length: 1 };
    // The second byte's range excludes overlong forms, surrogates and
    // code points above U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    for (let k = 1; k <= continuation; k++) {
      const byte = bytes[i + k];
      const valid =
        byte !== undefined &&
        (k === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf);
      if (!valid) {
        return {
          offset: i,
          length: Math.min(k + 1, bytes.length - i),
        };
      }
    }
    i += continuation + 1;
  }
  // isUtf8 and this scan disagree only if one of them has a bug.
  return { offset: bytes.length, length: 0 };
}

function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function lineAndColumn(
  text: string,
  offset: number,
): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

function describeSyntaxError(text: string, error: Error): string {
  // Some V8 messages carry the offset ("at position 47"), others quote the
  // text around the error instead; the location is given when known.
  const position = /position (\d+)/.exec(error.message);
  if (!position) {
    return `The request body is not valid JSON (${error.message}); fix the document.`;
  }
  const { line, column } = lineAndColumn(text, Number(position[1]));
  return `The request body is not valid JSON (line ${line}, column ${column}: ${error.message}); fix the document.`;
}
