import type { CatalogEntry } from "../catalogs/catalog.js";
import { toBcp47 } from "../locales/locale-tag.js";
import { mf2Selectors, mf2Variants } from "../mf2/mf2-summary.js";
import type { LintCatalog } from "./catalog-tree.js";
import type { LintReporter } from "./lint-reporter.js";

/** MF2 number literals, and the `=0` form that MessageFormat 1 used for exact matches. */
const NUMERIC_KEY = /^=?-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

const categoriesCache = new Map<string, ReadonlySet<string> | null>();

/**
 * Reports variant keys of a `:number` or `:integer` selector that the
 * locale's plural rules never select, such as `few` in German, where
 * `Intl.PluralRules` has only `one` and `other`. Numeric keys and `*` always
 * match something, and `select=exact` compares numbers only, so those pass.
 */
export function checkPluralKeys(
  catalog: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  if (!entry.mf2) return;
  const variants = mf2Variants(entry);
  mf2Selectors(entry).forEach((selector, index) => {
    if (selector.function !== "number" && selector.function !== "integer") {
      return;
    }
    const select = selector.options["select"] ?? "plural";
    if (select !== "plural" && select !== "ordinal") return;
    const type = select === "ordinal" ? "ordinal" : "cardinal";
    const categories = pluralCategories(catalog.locale, type);
    if (!categories) return;

    const reported = new Set<string>();
    for (const variant of variants) {
      const key = variant.keys[index];
      if (key?.kind !== "literal") continue;
      if (NUMERIC_KEY.test(key.value) || categories.has(key.value)) continue;
      if (reported.has(key.value)) continue;
      reported.add(key.value);
      const scope = {
        file: entry.file ?? catalog.files[0]!.path,
        locale: catalog.locale,
        catalog: catalog.name,
        key: entry.key,
        line: variant.position?.line ?? entry.line,
        column: variant.position?.column ?? entry.column,
      };
      reporter.at(
        "plural-category-unused",
        scope,
        `variant key '${key.value}' of selector '$${selector.variable}' in key '${entry.key}' is never selected, because the ${type} plural rules of '${catalog.locale}' have only the categories ${[...categories].join(", ")}; remove the variant, or use one of those categories or an exact number such as 0`,
      );
    }
  });
}

/** Plural categories of a locale, or null when Intl has no rules for it, so nothing can be checked. */
function pluralCategories(
  locale: string,
  type: Intl.PluralRuleType,
): ReadonlySet<string> | null {
  const cacheKey = `${locale} ${type}`;
  let categories = categoriesCache.get(cacheKey);
  if (categories === undefined) {
    const tag = toBcp47(locale);
    categories =
      tag !== undefined && Intl.PluralRules.supportedLocalesOf(tag).length > 0
        ? new Set(
            new Intl.PluralRules(tag, { type }).resolvedOptions()
              .pluralCategories,
          )
        : null;
    categoriesCache.set(cacheKey, categories);
  }
  return categories;
}
