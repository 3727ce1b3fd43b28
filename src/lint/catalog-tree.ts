import type { CatalogEntry } from "../catalogs/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceLines } from "./source-lines.js";

/** One catalog file as lint read it, with its entries and lazily decoded text. */
export class LintFile {
  private lines: SourceLines | undefined;

  constructor(
    readonly path: string,
    readonly locale: string,
    readonly catalog: string,
    private readonly bytes: Uint8Array,
    readonly entries: Map<string, CatalogEntry>,
  ) {}

  /** The decoded text with line lookups; decoded on first use, because most files need no positions. */
  get source(): SourceLines {
    this.lines ??= new SourceLines(decodeText(this.bytes));
    return this.lines;
  }

  /** Checks for `needle` in the raw bytes without decoding the file. */
  contains(needle: string): boolean {
    return Buffer.from(
      this.bytes.buffer,
      this.bytes.byteOffset,
      this.bytes.byteLength,
    ).includes(needle);
  }
}

/**
 * One catalog in one locale. `entries` merges its files in name order, and
 * the first definition of a key wins, as in the loader, which loads only the
 * first file of a catalog.
 */
export interface LintCatalog {
  name: string;
  locale: string;
  files: LintFile[];
  entries: Map<string, CatalogEntry>;
  /** True when a file of the catalog could not be read or parsed at all, so its keys are unknown. */
  incomplete: boolean;
  /** Keys the loader reported a problem for; they are left out of `entries`. */
  failedKeys: Set<string>;
}

/** Everything lint read from one catalog directory. */
export interface CatalogTree {
  dir: string;
  /** Locale directories by locale, in vSphere form. */
  localeDirs: Map<string, string>;
  /** Catalogs by locale, then by catalog name. */
  catalogs: Map<string, Map<string, LintCatalog>>;
  /** Files by path, to find the text behind an entry's position. */
  files: Map<string, LintFile>;
  /** Problems found while reading: the loader's diagnostics. */
  diagnostics: Diagnostic[];
}

/** Finds the file an entry came from. */
export function fileOf(
  tree: CatalogTree,
  entry: CatalogEntry,
): LintFile | undefined {
  return entry.file === undefined ? undefined : tree.files.get(entry.file);
}

/**
 * Decodes UTF-8. TextDecoder drops a leading byte order mark, as
 * parseCatalogYaml does before it counts columns.
 */
function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
