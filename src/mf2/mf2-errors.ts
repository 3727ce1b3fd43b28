/**
 * Turns errors that `messageformat` raises while formatting into locmsg
 * diagnostics.
 *
 * Error policy: every MF2 error goes to `context.report` once, and the
 * expression that failed renders as MF2's fallback text, such as `{$count}`.
 * A strict render throws the `LocmsgError` that `context.report` raises,
 * and this module passes it through `messageformat`, which would otherwise
 * catch it. Codes follow the vSphere template renderer where the meaning is
 * the same:
 * - a variable without an argument: `missing-argument`;
 * - an argument of the wrong type for its function: `invalid-argument`;
 * - `:label` and `:msg` failures: `missing-label`, `missing-catalog`,
 *   `lookup-cycle` and `lookup-depth`;
 * - any other MF2 error (unknown function, invalid option, ...): `mf2-format`.
 */
import {
  MessageError,
  MessageFunctionError,
  MessageResolutionError,
} from "messageformat";
import {
  LocmsgError,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from "../diagnostics/diagnostic.js";
import { HandlerError } from "../diagnostics/handler-error.js";
import {
  renderDiagnostic,
  type RenderContext,
} from "../render/render-context.js";
import type { RenderScope } from "../render/render-parts.js";

/** A failure of `:label` or `:msg`, reported with a locmsg code. */
export class Mf2LookupError extends MessageFunctionError {
  constructor(
    readonly code: DiagnosticCode,
    readonly severity: Severity,
    message: string,
  ) {
    super("function-error", message);
  }
}

/**
 * Thrown by a function after its error was reported, so that MF2 renders
 * the fallback text without a second diagnostic.
 */
export class ReportedError extends MessageFunctionError {
  constructor() {
    super("function-error", "the error was already reported");
  }
}

/** Creates the `onError` handler of one `MessageFormat.format` call. */
export function createErrorHandler(
  scope: RenderScope,
  context: RenderContext,
): (error: unknown) => void {
  let reported = 0;
  return (error: unknown) => {
    const thrown = findStoppingError(error);
    if (thrown) throw thrown;
    if (error instanceof ReportedError) return;
    // A selector whose value failed to resolve cannot select either; the
    // earlier diagnostic already names the cause.
    if (isBadSelector(error) && reported > 0) return;
    reported++;
    context.report(toDiagnostic(error, scope));
  };
}

/**
 * Finds an error that stops the render, a strict-mode `LocmsgError` or a
 * `HandlerError`, which `messageformat` may have wrapped.
 */
function findStoppingError(error: unknown): Error | undefined {
  const stops = (value: unknown): value is Error =>
    value instanceof LocmsgError || value instanceof HandlerError;
  if (stops(error)) return error;
  if (error instanceof MessageError) {
    const cause = (error as { cause?: unknown }).cause;
    if (stops(cause)) return cause;
  }
  return undefined;
}

function isBadSelector(error: unknown): boolean {
  return (
    error instanceof MessageResolutionError && error.type === "bad-selector"
  );
}

/** Returns the expression as MF2's fallback text shows it, such as `{$count}`. */
function expressionOf(error: MessageError): string {
  const source = (error as { source?: unknown }).source;
  return typeof source === "string" && source !== "\uFFFD"
    ? `{${source}}`
    : "an expression";
}

function toDiagnostic(error: unknown, scope: RenderScope): Diagnostic {
  const report = (code: DiagnosticCode, severity: Severity, message: string) =>
    renderDiagnostic(code, severity, message, scope.origin);

  if (error instanceof Mf2LookupError) {
    return report(error.code, error.severity, error.message);
  }
  if (!(error instanceof MessageError)) {
    return report(
      "mf2-format",
      "error",
      `formatting the MF2 message failed: ${String(error)}; check the options of its expressions`,
    );
  }

  const expression = expressionOf(error);
  switch (error.type) {
    case "unresolved-variable":
      return report(
        "missing-argument",
        "error",
        `argument for ${expression} is missing; pass it in 'arg' keyed by the variable name (positional arguments are $arg1, $arg2, ...)`,
      );
    case "bad-operand":
      return report(
        "invalid-argument",
        "error",
        `invalid argument for ${expression}: ${error.message}; pass a number for :number and :integer, a dateTime for :datetime, :date and :time`,
      );
    case "unknown-function":
      return report(
        "mf2-format",
        "error",
        `${error.message} in ${expression}; locmsg provides :number, :integer, :offset, :string, :percent, :currency, :unit, :datetime, :date, :time, :label and :msg`,
      );
    case "bad-option":
      return report(
        "mf2-format",
        "error",
        `invalid option in ${expression}: ${error.message}; fix the option in the catalog message`,
      );
    case "bad-selector":
      return report(
        "mf2-format",
        "error",
        `${expression} cannot select a variant: ${error.message}; annotate the selector with :number, :integer or :string`,
      );
    default:
      return report(
        "mf2-format",
        "error",
        `MF2 error '${error.type}' in ${expression}: ${error.message}; fix the catalog message`,
      );
  }
}
