/**
 * Locale negotiation with the server's result (CLDR language matching in
 * src/locales/negotiate.ts) for the locales a manifest lists. The bundle
 * builder runs the server's matcher ahead of time and stores its results in
 * the manifest's `languageMatches`, keyed by maximized tag, so the runtime
 * only maximizes the requested tag with `Intl.Locale#maximize()` and looks
 * up `language-Script-Region`, then `language-Script`. docs/bundles.md
 * lists what the table covers.
 */
import type { Manifest } from "./bundle-format.js";

/** `zh_cn` -> `zh-CN`; throws a RangeError for an invalid tag. */
export function toBcp47(locale: string): string {
  return `${new Intl.Locale(locale.replace(/_/g, "-"))}`;
}

/** Returns the catalog locale for a requested locale (vSphere or BCP 47 form). */
export function matchMessageLocale(
  requested: string,
  manifest: Pick<Manifest, "languageMatches" | "defaultLocale" | "locales">,
): string {
  const locale = new Intl.Locale(toBcp47(requested));
  // A catalog for exactly the requested language and region wins, as in the
  // server's matcher; this also finds languages CLDR cannot maximize (tlh).
  const exact = locale.region
    ? `${locale.language}_${locale.region}`
    : locale.language;
  if (!locale.script && manifest.locales.includes(exact)) return exact;
  const { language, script, region } = locale.maximize();
  const matches = manifest.languageMatches;
  // Keys contain '-', so no key is an Object.prototype property.
  return (
    matches[`${language}-${script}-${region}`] ??
    matches[`${language}-${script}`] ??
    manifest.defaultLocale
  );
}

/** Lists the locales searched for a key: the match, its language, the default. */
export function messageLocaleChain(
  messageLocale: string,
  manifest: Pick<Manifest, "locales" | "defaultLocale">,
): string[] {
  const language = messageLocale.split("_")[0];
  return [
    ...new Set([
      messageLocale,
      ...manifest.locales.filter((locale) => locale === language),
      manifest.defaultLocale,
    ]),
  ];
}
