/**
 * locmsg/browser: renders LocalizableMessages, event templates and TaskInfo
 * lines in the browser from the bundles that `locmsg build` writes, with the
 * server renderer's text, fallbacks and diagnostic codes. No dependencies
 * and no parser. Every result is a plain string, so insert it with
 * `textContent`, never `innerHTML`. MessageFormat 2 messages render when
 * the `mf2` option is the add-on from `./mf2.ts`.
 *
 * ```js
 * import { loadLocmsg } from "locmsg/browser";
 * const locmsg = await loadLocmsg("/bundles/manifest.json", { locale: "de-AT" });
 * locmsg.format({ key: "com.vmware.locmsg.taskState", arg: [{ key: "field", value: "queued" }] });
 * // "Status: In Warteschlange"
 * ```
 */
import type { Bundle, CompiledMessage, Manifest } from "./bundle-format.js";
import {
  isRecord,
  readMessage,
  renderMessage,
  unwrap,
} from "./format-value.js";
import {
  matchMessageLocale,
  messageLocaleChain,
  toBcp47,
} from "./negotiate.js";
import { renderEntry, toArguments } from "./render-parts.js";
import { useState, type RenderOptions } from "./render-state.js";
import { describe, renderTask, type BrowserTaskInfo } from "./task-info.js";

export type { Bundle, Manifest, ManifestEntry } from "./bundle-format.js";
export type {
  BrowserDiagnostic,
  DiagnosticHandler,
  Mf2Renderer,
} from "./render-state.js";
export type { BrowserTaskInfo } from "./task-info.js";
export { matchMessageLocale, messageLocaleChain } from "./negotiate.js";

export interface BrowserOptions extends RenderOptions {
  /** Session locale, vSphere (`de_AT`) or BCP 47 (`de-AT`); the manifest's default locale when left out. */
  locale?: string | undefined;
  /** IANA time zone for dates; the browser's when left out. */
  timeZone?: string | undefined;
  /** Message locales to search, such as a server session's; negotiated from `locale` when left out. */
  chain?: string[] | undefined;
  /** Maximum nesting of `{1}` lookups and nested messages (default 16, as on the server). */
  maxDepth?: number | undefined;
}

export interface BrowserLocmsg {
  /** The BCP 47 tag numbers and dates are formatted with. */
  locale: string;
  /** Message locales searched for each key, in order; the first is the message locale. */
  chain: string[];
  /** Renders a LocalizableMessage (plain or VI/JSON). */
  format(message: unknown): string;
  /** Renders an event from the `event` catalog's `<eventTypeId>.<format>` template. */
  formatEvent(event: unknown, format?: string): string;
  /** Renders the fields of a TaskInfo that the server sent, and its one-line summary. */
  renderTaskInfo(task: Record<string, unknown>): BrowserTaskInfo;
  /** `<id>.label` (or another field) from a catalog; the id's last segment when missing. */
  label(catalog: string, id: string, field?: string): string;
}

/** Throws an error with the code the server's Session uses for unusable input. */
function invalidInput(subject: string): never {
  throw Object.assign(new TypeError(`invalid ${subject}`), {
    code: "invalid-input",
  });
}

/** Resolves the BCP 47 formatting locale and the message locale chain. */
function resolve(manifest: Manifest, options: BrowserOptions) {
  const locale = toBcp47(options.locale || manifest.defaultLocale);
  return [
    locale,
    options.chain ??
      messageLocaleChain(matchMessageLocale(locale, manifest), manifest),
  ] as const;
}

/**
 * Creates a renderer from a manifest and bundles, one per locale and catalog
 * (those of the chain suffice).
 */
export function createLocmsg(
  manifest: Manifest,
  bundles: Bundle[],
  options: BrowserOptions = {},
): BrowserLocmsg {
  const [locale, chain] = resolve(manifest, options);
  // Keys contain a newline, so none is an Object.prototype property.
  const messagesByBundle: Record<string, Record<string, CompiledMessage>> = {};
  for (const bundle of bundles) {
    messagesByBundle[`${bundle.locale}\n${bundle.catalog}`] = bundle.messages;
  }
  const run =
    <A extends unknown[], T>(render: (...args: A) => T) =>
    (...args: A): T => {
      useState([messagesByBundle, chain, manifest, locale, options]);
      return render(...args);
    };

  return {
    locale,
    chain,
    format: run((message: unknown) =>
      renderMessage(readMessage(message) ?? invalidInput("message")),
    ),
    formatEvent: run((event: unknown, format = "fullFormat") => {
      const value = unwrap(event);
      const type =
        isRecord(value) && (value["eventTypeId"] ?? value["_typeName"]);
      if (typeof type !== "string") invalidInput("event");
      const args = toArguments(value);
      // When `format` is fullFormat, the second lookup finds nothing either.
      for (const field of [format, "fullFormat"]) {
        const key = `${type}.${field}`;
        const text = renderEntry("event", key, args, [key]);
        if (text !== undefined) return text;
      }
      const text = value["fullFormattedMessage"];
      return typeof text === "string" && text
        ? text
        : renderMessage([`${type}.${format}`, args]);
    }),
    renderTaskInfo: run(renderTask),
    label: run(describe),
  };
}

async function fetchJson(url: URL): Promise<any> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${url}`);
  return response.json();
}

/**
 * Fetches the manifest, then only the bundles of the locale chain, and
 * creates a renderer. A relative `manifestUrl` resolves against the page.
 * Bundle names carry a content hash, so HTTP caches may keep them forever.
 */
export async function loadLocmsg(
  manifestUrl: string | URL,
  options: BrowserOptions = {},
): Promise<BrowserLocmsg> {
  const page = (globalThis as { location?: { href: string } }).location;
  const base = new URL(manifestUrl, page?.href);
  const manifest: Manifest = await fetchJson(base);
  const [, chain] = resolve(manifest, options);
  const bundles = await Promise.all(
    manifest.catalogs
      .filter((entry) => chain.includes(entry.locale))
      .map((entry) => fetchJson(new URL(entry.catalogUri, base))),
  );
  return createLocmsg(manifest, bundles, { ...options, chain });
}
