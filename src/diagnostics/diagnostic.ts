/**
 * One diagnostic model for every stage: catalog loading, template parsing,
 * locale checks and rendering all report problems as `Diagnostic` values.
 * Lenient callers receive them through `onDiagnostic`; strict callers get a
 * `LocmsgError` that carries them.
 */

export type Severity = "error" | "warning";

/** Stable codes; tools and tests match on these, never on message text. */
export type DiagnosticCode =
  // Files and YAML
  | "file-read"
  | "invalid-utf8"
  | "yaml-syntax"
  | "yaml-tab-indent"
  | "yaml-anchor"
  | "yaml-alias"
  | "yaml-tag"
  | "yaml-not-mapping"
  | "yaml-multiple-documents"
  | "non-string-value"
  | "duplicate-key"
  | "key-collision"
  | "invalid-key"
  | "invalid-catalog-path"
  // Templates
  | "template-syntax"
  // Locales
  | "invalid-locale"
  // Rendering
  | "missing-message"
  | "missing-argument"
  | "missing-label"
  | "missing-catalog"
  | "invalid-argument"
  | "lookup-cycle"
  | "lookup-depth"
  // An MF2 resolution or function error other than a missing or invalid argument
  | "mf2-format"
  // Catalog lint (locmsg lint); docs/lint.md describes each code
  | "nfc-duplicate-key"
  | "label-catalog-missing"
  | "label-prefix-missing"
  | "mf2-syntax"
  | "plural-category-unused"
  | "default-locale-missing"
  | "unknown-placeholder"
  | "label-lookup-changed"
  | "dropped-placeholder"
  | "missing-key"
  | "missing-catalog-file"
  | "extra-key"
  | "extra-catalog-file"
  | "whitespace-mismatch"
  | "literal-escape"
  | "unbalanced-brace"
  | "invalid-ignore-comment"
  // Limits on input size (src/limits.ts)
  | "limit-exceeded"
  // Input documents (CLI and API)
  | "invalid-input"
  // VMware .vmsg catalog files (import and export)
  | "vmsg-syntax"
  | "vmsg-nul"
  | "vmsg-unrepresentable"
  // vSphere Extension resource lists (import and export)
  | "resource-unrepresentable"
  // Browser bundles (locmsg build); docs/bundles.md lists the MF2 subset
  | "mf2-unsupported";

export interface SourceLocation {
  /** File path or another source name, such as `<stdin>`. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column, counted in UTF-16 code units. */
  column?: number;
}

export interface Diagnostic extends SourceLocation {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  key?: string;
  locale?: string;
  catalog?: string;
  /** Another place involved, such as the first definition of a duplicate key. */
  related?: SourceLocation;
}

export type DiagnosticHandler = (diagnostic: Diagnostic) => void;

/** The error strict callers receive; `code` is that of the first diagnostic. */
export class LocmsgError extends Error {
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    if (!first)
      throw new TypeError("LocmsgError needs at least one diagnostic");
    const more =
      diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(formatDiagnostic(first) + more);
    this.name = "LocmsgError";
    this.code = first.code;
    this.diagnostics = diagnostics;
  }
}

/** Formats a location as `file:line:column`, leaving out the parts it lacks. */
export function formatLocation(location: SourceLocation): string {
  let text = location.file ?? "";
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/** Formats a diagnostic as one line: `file:line:column: severity code: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = formatLocation(diagnostic);
  const prefix = where ? `${where}: ` : "";
  return `${prefix}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}
