import type { CatalogEntry, CatalogSet } from "../catalogs/catalog.js";
import type { Formatters } from "../render/formatters.js";
import { concatParts } from "./concat-parts.js";
import { BAIL_OUT, type Compiled } from "./fast-render.js";
import { buildLabelTable, type LabelTable } from "./label-table.js";
import { compileMf2Fast } from "./mf2-fast.js";
import { toPlaceholderOp } from "./placeholder-op.js";
import { compileSinglePlaceholder } from "./single-placeholder.js";
import { resolvePlaceholder } from "./resolve-placeholder.js";

/** The catalogs, locale chain, formatters and limits a compiler renders for. */
export interface CompileTarget {
  catalogs: CatalogSet;
  chain: readonly string[];
  formatters: Formatters;
  maxDepth: number;
  maxRenderSteps: number;
  maxArgumentLength: number;
}

/**
 * The number of `{1}` values that are not keys remembered as misses. Values
 * come from clients, so later misses are looked up in the catalogs again.
 */
const MAX_REMEMBERED_MISSES = 10_000;

/**
 * Compiles catalog messages to closures for one locale chain and formatting
 * locale (see fast-render.ts). Messages compile on first use; the compiled
 * closures, label tables and key lookups are kept for the compiler's
 * lifetime, which ends when the catalogs change.
 */
export class MessageCompiler {
  /** The catalogs' revision the compiled closures belong to. */
  readonly revision: number;
  /** Placeholders resolved by the current top-level render. */
  steps = 0;
  readonly maxRenderSteps: number;
  readonly maxDepth: number;
  readonly maxArgumentLength: number;
  readonly numbers: Intl.NumberFormat;
  private readonly compiled = new Map<CatalogEntry, Compiled>();
  private readonly keys = new Map<string, Compiled | null>();
  private misses = 0;
  private readonly labelTables = new Map<string, LabelTable | null>();

  constructor(readonly target: CompileTarget) {
    this.revision = target.catalogs.revision;
    this.maxRenderSteps = target.maxRenderSteps;
    this.maxDepth = target.maxDepth;
    this.maxArgumentLength = target.maxArgumentLength;
    this.numbers = target.formatters.number;
  }

  /**
   * Returns the compiled message of a `locmsg` key of the chain, or null
   * when no locale has it.
   */
  lookupKey(key: string): Compiled | null {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const found = this.target.catalogs.lookup(this.target.chain, "locmsg", key);
    const compiled = found ? this.compileEntry(found.entry) : null;
    if (compiled !== null || this.misses++ < MAX_REMEMBERED_MISSES) {
      this.keys.set(key, compiled);
    }
    return compiled;
  }

  /** Returns the compiled form of a catalog entry, compiling it on first use. */
  compileEntry(entry: CatalogEntry): Compiled {
    let compiled = this.compiled.get(entry);
    if (compiled === undefined) {
      compiled = entry.mf2
        ? (compileMf2Fast(entry, this.target) ?? BAIL_OUT)
        : this.compileParts(entry);
      this.compiled.set(entry, compiled);
    }
    return compiled;
  }

  private compileParts(entry: CatalogEntry): Compiled {
    const pieces = entry.parts.map((part) =>
      typeof part === "string" ? part : toPlaceholderOp(this, part),
    );
    const general = concatParts(pieces, resolvePlaceholder);
    const ops = pieces.filter((piece) => typeof piece !== "string");
    return ops.length === 1 && typeof general !== "string"
      ? (compileSinglePlaceholder(pieces, ops[0]!, general) ?? general)
      : general;
  }

  /**
   * Returns the label table of `{name.@catalog.prefix}`, or null when no
   * locale has the catalog.
   */
  labelTable(catalog: string, prefix: string): LabelTable | null {
    const id = `${catalog}\u0000${prefix}`;
    let table = this.labelTables.get(id);
    if (table === undefined) {
      const { catalogs, chain } = this.target;
      table = catalogs.hasCatalog(catalog)
        ? buildLabelTable(catalogs, chain, catalog, prefix)
        : null;
      this.labelTables.set(id, table);
    }
    return table;
  }
}
