/**
 * Parsing of MessageFormat 2 catalog messages, done once when a catalog
 * loads, with the CST parser of the `messageformat` package because its
 * nodes keep source offsets for error positions and for the linter.
 *
 * Error policy: `compileMf2` never throws for bad input. The first syntax or
 * data model error (a missing `*` variant, duplicate keys, ...) is returned
 * with its offset in the message, and the loader maps that to the file.
 */
import {
  MessageDataModelError,
  MessageSyntaxError,
  validate,
  type Model,
} from "messageformat";
import { messageFromCST, parseCST } from "messageformat/cst";
import type { Mf2Entry } from "../catalogs/catalog.js";
import {
  summarizeSelectors,
  summarizeVariants,
  type Mf2Locator,
} from "./mf2-summary.js";

/** An error in an MF2 message, located relative to the message text. */
export interface Mf2SyntaxError {
  message: string;
  /** Offset into the message text, in UTF-16 code units. */
  offset: number;
  /** 1-based line and column inside the message text. */
  line: number;
  column: number;
}

export type Mf2CompileResult =
  { ok: true; mf2: Mf2Entry } | { ok: false; error: Mf2SyntaxError };

/**
 * Parses and validates an MF2 message. `locate` maps offsets in `source` to
 * catalog file positions, which the variant summaries then carry.
 */
export function compileMf2(
  source: string,
  locate?: Mf2Locator,
): Mf2CompileResult {
  const cst = parseCST(source);
  const syntaxError = firstError(cst.errors);
  if (syntaxError) return failure(source, syntaxError);

  let message: Model.Message;
  try {
    message = messageFromCST(cst);
  } catch (error) {
    if (error instanceof MessageSyntaxError) return failure(source, error);
    throw error;
  }

  let modelError: MessageDataModelError | undefined;
  const { functions, variables } = validate(message, (type, node) => {
    modelError ??= new MessageDataModelError(type, node);
  });
  if (modelError) return failure(source, modelError);

  return {
    ok: true,
    mf2: {
      message,
      selectors: summarizeSelectors(message),
      variants: summarizeVariants(message, locate),
      variables: [...variables].sort(),
      functions: [...functions].sort(),
    },
  };
}

/**
 * Picks the error to report: the earliest one, and at the same offset one
 * that expects a token over one that expects whitespace, because "missing
 * '}'" helps more than "missing ' '".
 */
function firstError(
  errors: readonly MessageSyntaxError[],
): MessageSyntaxError | undefined {
  let best: MessageSyntaxError | undefined;
  for (const error of errors) {
    if (
      !best ||
      error.start < best.start ||
      (error.start === best.start &&
        expectsWhitespace(best) &&
        !expectsWhitespace(error))
    ) {
      best = error;
    }
  }
  return best;
}

/** Reads the token a `missing-syntax` error expects from its message. */
function expectedToken(error: MessageSyntaxError): string | undefined {
  // messageformat 4.0.0 words these messages as "Missing <token> at <offset>".
  const match = /^Missing (.+) at \d+$/s.exec(error.message);
  return match?.[1];
}

function expectsWhitespace(error: MessageSyntaxError): boolean {
  return expectedToken(error)?.trim() === "";
}

function failure(
  source: string,
  error: MessageSyntaxError,
): { ok: false; error: Mf2SyntaxError } {
  // Data model errors of nodes without source offsets have start -1.
  const offset = Math.min(Math.max(error.start, 0), source.length);
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  const message = `${describeError(error, source)} (MF2 error '${error.type}')`;
  return { ok: false, error: { message, offset, line, column } };
}

/** Describes an MF2 syntax or data model error and how to fix it. */
function describeError(error: MessageSyntaxError, source: string): string {
  const snippet = source.slice(Math.max(error.start, 0), error.end);
  switch (error.type) {
    case "missing-syntax": {
      const token = expectedToken(error);
      if (token === undefined) return "the syntax is incomplete here";
      return token.trim() === ""
        ? "expected whitespace here"
        : `expected '${token}' here`;
    }
    case "parse-error":
      return error.start >= source.length
        ? "the message ends too early; close every '{' and '{{'"
        : `unexpected '${source[error.start]}'; write a literal '{', '}', '|' or '\\' as '\\{', '\\}', '\\|' or '\\\\'`;
    case "extra-content":
      return "unexpected text here; an expression holds only an operand, a :function and name=value options, and a message that starts with .input, .local or {{ keeps all its text inside {{...}}";
    case "empty-token":
      return "a name, value or key is missing here";
    case "bad-escape":
      return `invalid escape '${snippet}'; only \\\\, \\{, \\| and \\} are escapes`;
    case "bad-input-expression":
      return "an .input declaration needs a variable, as in .input {$count :number}";
    case "duplicate-option-name":
      return `option '${snippet}' repeats an option name of the same expression; keep one`;
    case "duplicate-attribute":
      return `attribute '${snippet}' repeats an attribute name of the same expression; keep one`;
    case "duplicate-declaration":
      return `'${snippet}' declares a variable that is already declared or used before it; rename it`;
    case "duplicate-variant":
      return "this variant has the same keys as an earlier one; remove one of them";
    case "key-mismatch":
      return "this variant has a different number of keys than .match has selectors";
    case "missing-fallback":
      return "the message has no catch-all variant; add one whose keys are all '*', such as * {{...}}";
    case "missing-selector-annotation":
      return `selector '${snippet}' has no function; declare it first, as in .input {$count :number} or .input {$state :string}`;
  }
}
