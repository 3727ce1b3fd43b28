/**
 * The state one render call works in. Rendering is synchronous, so each
 * public method installs its instance's state here (`useState`) before it
 * renders. The render functions read module variables instead of a context
 * object because minifiers shorten variable names but never property
 * names, and the runtime has a size budget.
 */
import type { CompiledMessage } from "./bundle-format.js";

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
    | "mf2-format";
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

export type DiagnosticHandler = (diagnostic: BrowserDiagnostic) => void;

/** Messages keyed `locale \n catalog \n key`. */
export let messages: Map<string, CompiledMessage>;
/** Names of the catalogs that some locale has. */
export let catalogs: Set<string>;
/** The engine's own messages, for catalogs that lack them. */
export let builtIn: Record<string, CompiledMessage>;
/** Message locales to search, in order. */
export let chain: readonly string[];
/** The BCP 47 formatting locale and IANA time zone. */
export let locale: string;
export let timeZone: string | undefined;
export let maxDepth: number;
let onDiagnostic: DiagnosticHandler | undefined;

/** The values a renderer instance installs, in the order of the variables above. */
export type RenderState = [
  typeof messages,
  typeof catalogs,
  typeof builtIn,
  typeof chain,
  typeof locale,
  typeof timeZone,
  typeof maxDepth,
  typeof onDiagnostic,
];

export function useState(state: RenderState): void {
  [
    messages,
    catalogs,
    builtIn,
    chain,
    locale,
    timeZone,
    maxDepth,
    onDiagnostic,
  ] = state;
}

// Constructing an Intl formatter costs far more than formatting with it.
const formatters = new Map<string, any>();

/** Returns the `Intl` formatter for the formatting locale and `options`, created once. */
export function intl<T>(
  Format: new (locale: string, options: object) => T,
  options: object,
): T {
  const id = JSON.stringify([Format.name, locale, options]);
  if (!formatters.has(id)) formatters.set(id, new Format(locale, options));
  return formatters.get(id);
}

/** `Intl.DateTimeFormat` in the session's time zone unless `options` sets one. */
export function dateFormat(
  options: Intl.DateTimeFormatOptions = {
    dateStyle: "medium",
    timeStyle: "medium",
  },
): Intl.DateTimeFormat {
  return intl(Intl.DateTimeFormat, { timeZone, ...options });
}

/** Finds a message in the locale chain; returns it with the locale that had it. */
export function find(
  catalog: string,
  key: string,
): [CompiledMessage, string] | undefined {
  for (const name of chain) {
    const message = messages.get(`${name}\n${catalog}\n${key}`);
    if (message !== undefined) return [message, name];
  }
  return undefined;
}

export function report(
  code: BrowserDiagnostic["code"],
  origin: Origin | undefined,
  message: string,
  severity: BrowserDiagnostic["severity"] = /^(missing-m|missing-l|invalid-a)/.test(
    code,
  )
    ? "warning"
    : "error",
): void {
  onDiagnostic?.({
    code,
    severity,
    message,
    ...origin,
  });
}
