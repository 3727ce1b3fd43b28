import type { CatalogSet, CatalogEntry } from "../catalogs/catalog.js";
import type {
  Diagnostic,
  DiagnosticCode,
  Severity,
} from "../diagnostics/diagnostic.js";
import type { Formatters } from "./formatters.js";

/** Everything one render call needs; created per call, shared by nested lookups. */
export interface RenderContext {
  catalogs: CatalogSet;
  /** Message locales to search, in order (vSphere form). */
  chain: readonly string[];
  formatters: Formatters;
  /** Maximum nesting of `{1}` lookups and nested messages. */
  maxDepth: number;
  report(diagnostic: Diagnostic): void;
}

/** Where a diagnostic about a catalog message points. */
export interface MessageOrigin {
  key: string;
  catalog: string;
  locale?: string;
  entry?: CatalogEntry;
}

/** Builds a render diagnostic that points at the catalog entry being rendered. */
export function renderDiagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  origin: MessageOrigin | undefined,
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity, message };
  if (!origin) return diagnostic;
  diagnostic.key = origin.key;
  diagnostic.catalog = origin.catalog;
  if (origin.locale !== undefined) diagnostic.locale = origin.locale;
  const entry = origin.entry;
  if (entry?.file !== undefined) diagnostic.file = entry.file;
  if (entry?.line !== undefined) diagnostic.line = entry.line;
  if (entry?.column !== undefined) diagnostic.column = entry.column;
  return diagnostic;
}
