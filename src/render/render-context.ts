import type { CatalogSet, CatalogEntry } from "../catalogs/catalog.js";
import type {
  Diagnostic,
  DiagnosticCode,
  Severity,
} from "../diagnostics/diagnostic.js";
import type { Formatters } from "./formatters.js";
import type { Limits } from "../limits.js";

/** Everything one render call needs; created per call, shared by nested lookups. */
export interface RenderContext {
  catalogs: CatalogSet;
  /** Message locales to search, in order (vSphere form). */
  chain: readonly string[];
  formatters: Formatters;
  /** Maximum nesting of `{1}` lookups and nested messages. */
  maxDepth: number;
  report(diagnostic: Diagnostic): void;
  /** Input limits; rendering reads maxRenderSteps and maxArgumentLength. */
  limits?: Limits;
  /** Work done by the current top-level render; reset by each entry point. */
  budget?: RenderBudget;
}

export interface RenderBudget {
  /** Placeholders resolved so far. */
  steps: number;
  /** Set once the step limit was reported, so it is reported once. */
  exhausted: boolean;
  /** Diagnostics reported in this render, so repeats are dropped. */
  reported: Set<string>;
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
