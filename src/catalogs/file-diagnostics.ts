import type {
  Diagnostic,
  DiagnosticCode,
  SourceLocation,
} from "../diagnostics/diagnostic.js";
import type { Position } from "./yaml-positions.js";

/** The locale and catalog a file belongs to, when the caller knows them. */
export interface CatalogContext {
  locale?: string;
  catalog?: string;
}

export interface DiagnosticDetails {
  key?: string;
  related?: SourceLocation;
}

/** Collects the error diagnostics of one catalog file. */
export class FileDiagnostics {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly context: CatalogContext = {},
  ) {}

  error(
    code: DiagnosticCode,
    message: string,
    position?: Position,
    details: DiagnosticDetails = {},
  ): void {
    const diagnostic: Diagnostic = {
      code,
      severity: "error",
      message,
      file: this.file,
    };
    if (position) {
      diagnostic.line = position.line;
      diagnostic.column = position.column;
    }
    if (details.key !== undefined) diagnostic.key = details.key;
    if (this.context.locale !== undefined) {
      diagnostic.locale = this.context.locale;
    }
    if (this.context.catalog !== undefined) {
      diagnostic.catalog = this.context.catalog;
    }
    if (details.related) diagnostic.related = details.related;
    this.diagnostics.push(diagnostic);
  }

  /** Converts `position` to a location in this file, for `Diagnostic.related`. */
  locationOf(position: Position): SourceLocation {
    return { file: this.file, line: position.line, column: position.column };
  }
}
