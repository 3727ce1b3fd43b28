/**
 * The state one render call works in. Rendering is synchronous, so each
 * public method installs its instance's state here (`useState`) before it
 * renders. The render functions read module variables instead of a context
 * object because minifiers shorten variable names but never property
 * names, and the runtime has a size budget.
 */
import type { CompiledMessage, Manifest, Mf2Message } from "./bundle-format.js";

/** A render diagnostic; the codes are those of the server renderer. */
export interface BrowserDiagnostic {
  code:
    | "missing-message"
    | "missing-argument"
    | "missing-label"
    | "missing-catalog"
    | "invalid-argument"
    | "lookup-cycle"
    | "lookup-depth"
    | "invalid-input"
    | "mf2-format"
    | "limit-exceeded";
  severity: "error" | "warning";
  /** The placeholder, key or value involved; shorter than the server's text. */
  message: string;
  key?: string;
  catalog?: string;
  locale?: string;
}

/** The catalog message being rendered, which diagnostics point at. */
export interface Origin {
  key: string;
  catalog: string;
  locale?: string | undefined;
}

/** One argument: keyed (`KeyAnyValue`) or positional only. */
export interface Argument {
  key?: string | undefined;
  value: unknown;
}

export type DiagnosticHandler = (diagnostic: BrowserDiagnostic) => void;

/** A renderer of compiled MF2 messages, such as the add-on in src/browser/mf2.ts. */
export type Mf2Renderer = (
  message: Mf2Message,
  args: readonly Argument[],
  stack: readonly string[],
  origin: Origin | undefined,
) => string;

/** The options of a renderer instance that rendering reads. */
export interface RenderOptions {
  timeZone?: string | undefined;
  maxDepth?: number | undefined;
  onDiagnostic?: DiagnosticHandler | undefined;
  mf2?: Mf2Renderer | undefined;
}

/** The messages of each bundle, keyed `locale \n catalog`. */
export let bundles: Record<string, Record<string, CompiledMessage>>;
/** The message locales searched for each key, in order. */
export let chain: string[];
export let manifest: Manifest;
/** The BCP 47 formatting locale. */
export let locale: string;
export let options: RenderOptions;
export let maxDepth: number;

/** The values a renderer instance installs, in the order of the variables above. */
export type RenderState = [
  typeof bundles,
  typeof chain,
  typeof manifest,
  typeof locale,
  typeof options,
];

/** The server's default `maxArgumentLength`: characters of one string argument. */
export const MAX_ARGUMENT_LENGTH = 1_048_576;
/** The server's default `maxRenderSteps`: placeholders and list items of one render. */
const MAX_RENDER_STEPS = 100_000;
let steps: number;

/** Installs a renderer instance's state and starts a new render budget. */
export function useState(state: RenderState): void {
  [bundles, chain, manifest, locale, options] = state;
  maxDepth = options.maxDepth ?? 16;
  steps = 0;
}

/**
 * Counts one placeholder or list item against `maxRenderSteps` and
 * returns false once the budget is spent, reporting that once per render.
 */
export function takeStep(origin: Origin | undefined): boolean {
  if (++steps <= MAX_RENDER_STEPS) return true;
  if (steps === MAX_RENDER_STEPS + 1) {
    report("limit-exceeded", origin, "maxRenderSteps");
  }
  return false;
}

// Constructing an Intl formatter costs far more than formatting with it.
// Keys are JSON arrays, so none is an Object.prototype property.
const formatters: Record<string, any> = {};

/** Returns the `Intl` formatter for the formatting locale and `options`, created once. */
export function intl<T>(
  Format: new (locale: string, options: object) => T,
  options: object,
): T {
  return (formatters[JSON.stringify([Format.name, locale, options])] ??=
    new Format(locale, options));
}

/** `Intl.DateTimeFormat` in the session's time zone unless `options` sets one. */
export function dateFormat(
  dateOptions: object = { dateStyle: "medium", timeStyle: "medium" },
): Intl.DateTimeFormat {
  return intl(Intl.DateTimeFormat, {
    timeZone: options.timeZone,
    ...dateOptions,
  });
}

/**
 * Finds a message in the first chain locale whose bundle has the key, and
 * returns it with that locale. Searching the bundles on each lookup means
 * loading does no work per message.
 */
export function find(
  catalog: string,
  key: string,
): [CompiledMessage, string] | undefined {
  for (const name of chain) {
    // Keys contain a newline, so none is an Object.prototype property.
    const messages = bundles[`${name}\n${catalog}`];
    if (messages && Object.hasOwn(messages, key)) return [messages[key]!, name];
  }
  return undefined;
}

/** True when some locale has a catalog of this name. */
export function hasCatalog(catalog: string): boolean {
  return manifest.catalogs.some((entry) => entry.catalogName === catalog);
}

/**
 * Sends a diagnostic to `onDiagnostic`. The severity is the server's for
 * the code: callers pass "warning" for `missing-message`, `missing-label`
 * and `invalid-argument`, and the others are errors.
 */
export function report(
  code: BrowserDiagnostic["code"],
  origin: Origin | undefined,
  message: string,
  severity: BrowserDiagnostic["severity"] = "error",
): void {
  options.onDiagnostic?.({ code, severity, message, ...origin });
}
