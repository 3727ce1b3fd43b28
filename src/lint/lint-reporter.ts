import type { CatalogEntry } from "../catalogs/catalog.js";
import { valueStartNote } from "../catalogs/message-positions.js";
import { lineAndColumn } from "../diagnostics/line-and-column.js";
import type {
  Diagnostic,
  DiagnosticCode,
  SourceLocation,
} from "../diagnostics/diagnostic.js";
import { fileOf, type CatalogTree, type LintCatalog } from "./catalog-tree.js";
import { findLintRule } from "./lint-rules.js";
import { locateInEntry } from "./value-positions.js";

/** The file, locale, catalog, key and position of a diagnostic without an entry. */
export interface LintScope {
  file: string;
  locale?: string;
  catalog?: string;
  key?: string;
  line?: number;
  column?: number;
}

/** Builds the linter's diagnostics, with the severity from the rule registry. */
export class LintReporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly tree: CatalogTree) {}

  /**
   * Reports a problem in a message: at `offset` in its text when given,
   * else at the start of its value.
   */
  atEntry(
    code: DiagnosticCode,
    catalog: LintCatalog,
    entry: CatalogEntry,
    message: string,
    offset?: number,
    related?: SourceLocation,
  ): void {
    let position: { line?: number | undefined; column?: number | undefined } = {
      line: entry.line,
      column: entry.column,
    };
    if (offset !== undefined) {
      const found = locateInEntry(entry, offset, fileOf(this.tree, entry));
      position = found;
      if (!found.exact) {
        const inText = lineAndColumn(entry.text, offset);
        message += valueStartNote(inText.line, inText.column);
      }
    }
    const scope: LintScope = {
      file: entry.file ?? catalog.files[0]?.path ?? this.tree.dir,
      locale: catalog.locale,
      catalog: catalog.name,
      key: entry.key,
    };
    if (position.line !== undefined) scope.line = position.line;
    if (position.column !== undefined) scope.column = position.column;
    this.at(code, scope, message, related);
  }

  at(
    code: DiagnosticCode,
    scope: LintScope,
    message: string,
    related?: SourceLocation,
  ): void {
    const diagnostic: Diagnostic = {
      code,
      severity: findLintRule(code)?.severity ?? "error",
      message,
      file: scope.file,
    };
    if (scope.line !== undefined) diagnostic.line = scope.line;
    if (scope.column !== undefined) diagnostic.column = scope.column;
    if (scope.key !== undefined) diagnostic.key = scope.key;
    if (scope.locale !== undefined) diagnostic.locale = scope.locale;
    if (scope.catalog !== undefined) diagnostic.catalog = scope.catalog;
    if (related) diagnostic.related = related;
    this.diagnostics.push(diagnostic);
  }
}

/** Returns the location of an entry, for `Diagnostic.related`. */
export function locationOf(entry: CatalogEntry): SourceLocation {
  const location: SourceLocation = {};
  if (entry.file !== undefined) location.file = entry.file;
  if (entry.line !== undefined) location.line = entry.line;
  if (entry.column !== undefined) location.column = entry.column;
  return location;
}
