/**
 * Locale tags in both spellings vSphere meets: its own `zh_CN` form and BCP 47
 * (`zh-CN`, `zh-Hant-TW`), in any letter case.
 */

/**
 * Normalises a vSphere or BCP 47 locale to a canonical BCP 47 tag
 * (`zh_cn` -> `zh-CN`), or returns undefined when it is not a valid tag.
 */
export function toBcp47(input: string): string | undefined {
  if (typeof input !== "string") return undefined;
  const candidate = input.replaceAll("_", "-");
  // Intl accepts private-use and `und` tags that name no language.
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(candidate)) return undefined;
  let canonical: string;
  try {
    [canonical = ""] = Intl.getCanonicalLocales(candidate);
  } catch {
    return undefined;
  }
  if (canonical === "" || canonical.startsWith("und")) return undefined;
  return canonical;
}

/**
 * Writes a BCP 47 tag in vSphere form: language, then `_` and the region.
 * A Chinese script subtag without a region picks the region vSphere uses
 * for it (`zh-Hans` -> `zh_CN`, `zh-Hant` -> `zh_TW`); other scripts are
 * dropped.
 */
export function toVsphereLocale(tag: string): string {
  const locale = new Intl.Locale(tag);
  let region = locale.region;
  if (!region && locale.language === "zh" && locale.script) {
    region = locale.script === "Hant" ? "TW" : "CN";
  }
  return region ? `${locale.language}_${region}` : locale.language;
}

/** Normalises any accepted spelling to vSphere form, or undefined when invalid. */
export function normalizeVsphereLocale(input: string): string | undefined {
  const tag = toBcp47(input);
  return tag === undefined ? undefined : toVsphereLocale(tag);
}
