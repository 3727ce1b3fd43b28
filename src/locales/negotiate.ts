import { match } from "@formatjs/intl-localematcher";
import { toBcp47, toVsphereLocale } from "./locale-tag.js";

/**
 * Picks the message locale for a requested locale from the locales that have
 * catalogs, using CLDR language matching (`de-AT` -> `de`, `zh-HK` ->
 * `zh_TW`, `pt-BR` -> `pt`). Returns `defaultLocale` when nothing is close.
 * All locales are in vSphere form.
 */
export function negotiateMessageLocale(
  requested: string,
  messageLocales: readonly string[],
  defaultLocale: string,
): string {
  const requestedTag = toBcp47(requested);
  if (requestedTag === undefined) return defaultLocale;

  const byTag = new Map<string, string>();
  for (const locale of messageLocales) {
    const tag = toBcp47(locale);
    if (tag !== undefined) byTag.set(tag, locale);
  }
  if (byTag.size === 0) return defaultLocale;

  const fallbackTag = toBcp47(defaultLocale) ?? "en";
  const matched = match([requestedTag], [...byTag.keys()], fallbackTag, {
    algorithm: "best fit",
  });
  return byTag.get(matched) ?? defaultLocale;
}

/**
 * The locales to search, in order, for a message in `messageLocale`: the
 * locale itself, its language alone (`fr_CA` -> `fr`) when catalogs have
 * it, then the default locale.
 */
export function messageLocaleChain(
  messageLocale: string,
  messageLocales: readonly string[],
  defaultLocale: string,
): string[] {
  const chain = [messageLocale];
  const language = messageLocale.split("_")[0]!;
  if (language !== messageLocale && messageLocales.includes(language)) {
    chain.push(language);
  }
  if (!chain.includes(defaultLocale)) chain.push(defaultLocale);
  return chain;
}

export { toVsphereLocale };
