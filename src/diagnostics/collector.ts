import {
  LocmsgError,
  type Diagnostic,
  type DiagnosticHandler,
} from "./diagnostic.js";

/**
 * Collects diagnostics during one operation. In strict mode the first error
 * or warning ends the operation by throwing a `LocmsgError`.
 */
export class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly strict = false,
    private readonly onDiagnostic?: DiagnosticHandler,
  ) {}

  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
    this.onDiagnostic?.(diagnostic);
    if (this.strict) throw new LocmsgError([diagnostic]);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}
