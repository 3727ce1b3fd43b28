/**
 * The manifest's `languageMatches` table: the server's CLDR language
 * matching (src/locales/negotiate.ts) run ahead of time, so the browser
 * runtime gets the same message locale with one `Intl.Locale#maximize()`
 * and two lookups.
 *
 * Keys are maximized tags. `language-Script` keys cover every language
 * that ICU names (2- and 3-letter codes) written in its default script or
 * in a script of one of the catalog locales. `language-Script-Region` keys
 * cover each catalog locale with a region and, for a language whose
 * catalogs have several regions in one script, every region ICU names,
 * because CLDR prefers some regions over others (`en-AU` picks `en_GB`
 * over `en`). Only results other than the default locale are stored.
 */
import { toBcp47 } from "../locales/locale-tag.js";
import { compareCodeUnits } from "./compare-code-units.js";
import { negotiateMessageLocale } from "../locales/negotiate.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

let languages: string[] | undefined;
let regions: string[] | undefined;

/** Codes that `Intl.DisplayNames` names, from every code of `lengths` letters. */
function namedCodes(type: "language" | "region", lengths: number[]): string[] {
  const names = new Intl.DisplayNames(["en"], { type, fallback: "none" });
  const codes: string[] = [];
  const visit = (prefix: string) => {
    if (lengths.includes(prefix.length)) {
      // Region codes are upper case; DisplayNames finds no name otherwise.
      const code = type === "region" ? prefix.toUpperCase() : prefix;
      try {
        if (names.of(code) !== undefined) codes.push(code);
      } catch {
        // Not a well-formed code for this type.
      }
    }
    if (prefix.length < Math.max(...lengths)) {
      for (const letter of LETTERS) visit(prefix + letter);
    }
  };
  visit("");
  return codes;
}

function maximize(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Record<string, string>>();

/** Builds the table for catalog locales (vSphere form) and the default locale. */
export function computeLanguageMatches(
  locales: readonly string[],
  defaultLocale: string,
): Record<string, string> {
  const cacheKey = JSON.stringify([locales, defaultLocale]);
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  languages ??= namedCodes("language", [2, 3]);
  regions ??= namedCodes("region", [2]);
  const table: Record<string, string> = {};
  const negotiate = (tag: string) =>
    negotiateMessageLocale(tag, locales, defaultLocale);

  const catalogTags = locales.flatMap((locale) => {
    const tag = toBcp47(locale);
    const maximized = tag === undefined ? undefined : maximize(tag);
    return maximized ? [{ locale, tag, maximized }] : [];
  });
  const scripts = new Set(catalogTags.map(({ maximized }) => maximized.script));

  for (const language of languages) {
    for (const script of [undefined, ...scripts]) {
      const tag = script ? `${language}-${script}` : language;
      const maximized = maximize(tag);
      if (!maximized?.script) continue;
      const key = `${maximized.language}-${maximized.script}`;
      if (key in table) continue;
      const result = negotiate(tag);
      if (result !== defaultLocale) table[key] = result;
    }
  }

  const byLanguageScript = new Map<string, number>();
  for (const { maximized } of catalogTags) {
    const key = `${maximized.language}-${maximized.script}`;
    byLanguageScript.set(key, (byLanguageScript.get(key) ?? 0) + 1);
  }
  for (const { maximized } of catalogTags) {
    const key = `${maximized.language}-${maximized.script}`;
    const candidates =
      (byLanguageScript.get(key) ?? 0) > 1 ? regions : [maximized.region];
    for (const region of candidates) {
      if (!region) continue;
      const result = negotiate(`${key}-${region}`);
      if (result !== (table[key] ?? defaultLocale)) {
        table[`${key}-${region}`] = result;
      }
    }
  }

  const sorted = Object.fromEntries(
    Object.entries(table).sort(([a], [b]) => compareCodeUnits(a, b)),
  );
  cache.set(cacheKey, sorted);
  return sorted;
}
