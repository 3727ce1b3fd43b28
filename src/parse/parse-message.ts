import {
  parse,
  SyntaxError as ParserSyntaxError,
} from "./generated/message-parser.js";
import type { MessagePart } from "./message-ast.js";
import { scanMessage } from "./scan-message.js";

/** A syntax error inside one message, located relative to the message text. */
export interface MessageSyntaxError {
  message: string;
  /** Offset into the message text, in UTF-16 code units. */
  offset: number;
  /** 1-based line and column inside the message text. */
  line: number;
  column: number;
}

export type ParseResult =
  { ok: true; parts: MessagePart[] } | { ok: false; error: MessageSyntaxError };

/**
 * Parses a catalog message such as `State is {field.@enum.TaskInfo.State}`
 * into text and placeholder parts. Never throws for bad input.
 */
export function parseMessage(text: string): ParseResult {
  // Most catalog messages are plain text; they need no parser run.
  if (!text.includes("{") && !text.includes("}")) {
    return { ok: true, parts: text === "" ? [] : [text] };
  }
  // The generated parser runs only for messages the scanner rejects, to
  // report the syntax error.
  const scanned = scanMessage(text);
  if (scanned !== undefined) return { ok: true, parts: scanned };
  try {
    return { ok: true, parts: parse(text) };
  } catch (error) {
    if (!(error instanceof ParserSyntaxError)) throw error;
    const { start } = error.location;
    return {
      ok: false,
      error: {
        message: error.message,
        offset: start.offset,
        line: start.line,
        column: start.column,
      },
    };
  }
}

/** Prints parts back to message syntax, escaping literal braces as `{{` and `}}`. */
export function printMessage(parts: readonly MessagePart[]): string {
  let text = "";
  for (const part of parts) {
    text +=
      typeof part === "string"
        ? part.replaceAll("{", "{{").replaceAll("}", "}}")
        : part.source;
  }
  return text;
}

/** Placeholders of a parsed message, in order. */
export function placeholdersOf(parts: readonly MessagePart[]) {
  return parts.filter((part) => typeof part !== "string");
}
