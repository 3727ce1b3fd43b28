/**
 * The JSON body parser. It replaces fastify's default to report where the
 * JSON is broken, and to read an empty body as `{}` so methods without
 * parameters work whether or not a client sends `{}`.
 */
import type { FastifyInstance } from "fastify";
import { invalidRequest } from "./faults.js";

export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string" },
    (_request, body, done) => {
      const text = (body as string).replace(/^\uFEFF/, "");
      if (text.trim() === "") {
        done(null, {});
        return;
      }
      try {
        done(null, JSON.parse(text, rejectPrototypeKeys));
      } catch (error) {
        if (error instanceof PrototypeKeyError) {
          done(invalidRequest(error.message), undefined);
          return;
        }
        // Valid JSON nested deeper than the parser's stack allows.
        if (error instanceof RangeError) {
          done(
            invalidRequest(
              "The request body is nested too deeply to read; send a document with fewer levels of arrays and objects.",
            ),
            undefined,
          );
          return;
        }
        done(
          invalidRequest(describeSyntaxError(text, error as Error)),
          undefined,
        );
      }
    },
  );
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

function describeSyntaxError(text: string, error: Error): string {
  // Some V8 messages carry the offset ("at position 47"), others quote the
  // text around the error instead; the location is given when known.
  const position = /position (\d+)/.exec(error.message);
  if (!position) {
    return `The request body is not valid JSON (${error.message}); fix the document.`;
  }
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `The request body is not valid JSON (line ${line}, column ${column}: ${error.message}); fix the document.`;
}
