/**
 * The compiled catalog format that `locmsg build` writes and the browser
 * runtime reads. docs/bundles.md describes it with examples. Everything is
 * JSON, so a bundle needs no parser at run time.
 */

/**
 * A placeholder of a vSphere-syntax message: the placeholder as written
 * (it renders when the argument is missing), the argument (a 1-based
 * position or a dotted name), then the label catalog and prefix of
 * `{name.@CATALOG.prefix}`. `["{address}", "address"]` is `{address}`,
 * `["{1}", 1]` is `{1}` and `["{field.@enum.TaskInfo.State}", "field",
 * "enum", "TaskInfo.State"]` is the label lookup.
 */
export type PlaceholderOp = [
  source: string,
  argument: number | string,
  catalog?: string,
  prefix?: string,
];

/**
 * An MF2 operand: an argument (`{"a": "count"}` for `$count` read from the
 * message's arguments), a declared variable (`{"$": "count"}` for a name
 * that `.input` or `.local` declares) or a literal (`{"|": "text"}`).
 */
export type Mf2Operand = { a: string } | { $: string } | { "|": string };

/** The functions of the compiled MF2 subset. */
export type Mf2Function =
  "number" | "integer" | "datetime" | "string" | "label" | "msg";

/**
 * An MF2 expression such as `{$count :number maximumFractionDigits=2}`:
 * the operand, the function and its options, resolved at build time
 * (`Intl` options for `:number`, `:integer` and `:datetime`, `catalog` and
 * `prefix` for `:label`). `src` is MF2's fallback text, such as `{$count}`,
 * which renders when the expression fails.
 */
export interface Mf2Expression {
  x: Mf2Operand;
  f?: Mf2Function;
  o?: Record<string, string | number | boolean>;
  src: string;
}

/** One part of an MF2 pattern. */
export type Mf2Pattern = (string | Mf2Expression)[];

/**
 * A compiled MF2 message: declarations by name, resolved on first use and
 * then reused, the `.match` variable when there is one, and the variants
 * with their key (a literal, or 0 for `*`) in source order. A message
 * without `.match` has one variant.
 */
export interface Mf2Message {
  d: Record<string, Mf2Expression>;
  s?: string;
  v: [key: string | 0, pattern: Mf2Pattern][];
}

/** One part of a compiled message: literal text, a placeholder or MF2. */
export type Part = string | PlaceholderOp | Mf2Message;

/** A compiled message: plain text, or parts to concatenate. */
export type CompiledMessage = string | Part[];

/** One catalog in one locale: `OUT/<locale>/<catalog>.<hash>.json`. */
export interface Bundle {
  format: 1;
  locale: string;
  catalog: string;
  module: string;
  messages: Record<string, CompiledMessage>;
}

/** A `LocalizationManagerMessageCatalog` entry, as vSphere lists them. */
export interface ManifestEntry {
  /** `ExtensionResourceInfo.module`; empty for core catalogs. */
  moduleName: string;
  locale: string;
  catalogName: string;
  /** Relative to the manifest. */
  catalogUri: string;
  /** MD5 of the bundle file, hex. */
  md5sum: string;
  /** The content hash in the file name. */
  version: string;
  /** ISO 8601; see docs/bundles.md for why it is derived from content. */
  lastModified: string;
}

/**
 * Field names of a TaskInfo line, in the order the server's
 * src/render/render-task-info.ts uses them. A `name` is the engine message
 * `locmsg.taskInfo.<name>`.
 */
export interface TaskInfoData {
  /** The time fields in line order; each renders with the engine message of its own name. */
  times: string[];
  /**
   * The `TaskReason` fields that name who or what started a task, in the
   * order they are tried, each with the engine message that shows it.
   */
  reasons: [name: string, field: string][];
}

/**
 * `OUT/manifest.json`. Format 2 added `taskInfo`, which locmsg/browser
 * reads, so the runtime needs a manifest of format 2.
 */
export interface Manifest {
  format: 2;
  defaultLocale: string;
  /** Locales with catalogs, vSphere form, sorted. */
  locales: string[];
  /**
   * Catalog locales that the server's CLDR language matching picks, keyed
   * by maximized `language-Script` or `language-Script-Region`
   * (`gsw-Latn` -> `de`). The default locale is left out.
   */
  languageMatches: Record<string, string>;
  /** The engine's own messages, used when the `locmsg` catalogs lack them. */
  builtIn: Record<string, CompiledMessage>;
  taskInfo: TaskInfoData;
  catalogs: ManifestEntry[];
}
