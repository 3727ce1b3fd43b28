import type { Diagnostic } from "./diagnostic.js";

/**
 * An error that an `onDiagnostic` handler threw, carried through the
 * renderer's own error handling (MF2 functions, hostile-input guards) so
 * the render call throws the original error unchanged.
 */
export class HandlerError extends Error {
  constructor(readonly original: unknown) {
    super("an onDiagnostic handler threw");
    this.name = "HandlerError";
  }
}

/** Calls a diagnostic handler, wrapping what it throws in `HandlerError`. */
export function callHandler(
  handler: (diagnostic: Diagnostic) => void,
  diagnostic: Diagnostic,
): void {
  try {
    handler(diagnostic);
  } catch (error) {
    throw error instanceof HandlerError ? error : new HandlerError(error);
  }
}
