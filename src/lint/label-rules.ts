import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LabelLookup, Placeholder } from "../parse/message-ast.js";
import type { CatalogTree, LintCatalog } from "./catalog-tree.js";
import type { LintReporter } from "./lint-reporter.js";

/** The rule a label lookup breaks. */
type LabelProblem = "label-catalog-missing" | "label-prefix-missing";

/**
 * Checks every label lookup `{arg.@CATALOG.prefix}` in every locale: the
 * catalog must exist in some locale, and some key of it, in some locale,
 * must start with `prefix.`, because lookups fall back across locales.
 * Each distinct lookup is resolved once, and each catalog's keys are
 * scanned once for all the prefixes asked of it.
 */
export function checkLabelLookups(
  tree: CatalogTree,
  reporter: LintReporter,
): void {
  const lookups = collectLookups(tree);
  if (lookups.size === 0) return;

  const catalogNames = new Set<string>();
  for (const byName of tree.catalogs.values()) {
    for (const name of byName.keys()) catalogNames.add(name);
  }
  const wanted = new Map<string, Set<string>>();
  for (const { catalog, prefix } of lookups.values()) {
    if (!catalogNames.has(catalog) || prefix === "") continue;
    let prefixes = wanted.get(catalog);
    if (!prefixes) wanted.set(catalog, (prefixes = new Set()));
    prefixes.add(prefix);
  }
  const found = findPrefixes(tree, wanted);

  const problems = new Map<string, LabelProblem>();
  for (const [spec, { catalog, prefix }] of lookups) {
    if (!catalogNames.has(catalog)) {
      problems.set(spec, "label-catalog-missing");
    } else if (prefix !== "" && !found.get(catalog)?.has(prefix)) {
      problems.set(spec, "label-prefix-missing");
    }
  }
  if (problems.size === 0) return;
  const known = [...catalogNames].sort().join(", ");

  forEachLookup(tree, (catalog, entry, placeholder, label) => {
    const problem = problems.get(specOf(label));
    if (!problem) return;
    const message =
      problem === "label-catalog-missing"
        ? `placeholder '${placeholder.source}' in key '${entry.key}' reads labels from catalog '${label.catalog}', which no locale has, so it renders the raw value; use a catalog that exists (${known}), or add '${label.catalog}.yaml' to the default locale`
        : `placeholder '${placeholder.source}' in key '${entry.key}' reads labels '${label.prefix}.<value>.label', but no key of catalog '${label.catalog}' starts with '${label.prefix}.' in any locale, so it renders the raw value; fix the prefix or add the labels`;
    reporter.atEntry(problem, catalog, entry, message, placeholder.start);
  });
}

function specOf(label: LabelLookup): string {
  return `${label.catalog}\0${label.prefix}`;
}

/** Distinct label lookups of the tree, by `specOf`. */
function collectLookups(tree: CatalogTree): Map<string, LabelLookup> {
  const lookups = new Map<string, LabelLookup>();
  forEachLookup(tree, (_catalog, _entry, _placeholder, label) => {
    lookups.set(specOf(label), label);
  });
  return lookups;
}

function forEachLookup(
  tree: CatalogTree,
  visit: (
    catalog: LintCatalog,
    entry: CatalogEntry,
    placeholder: Placeholder,
    label: LabelLookup,
  ) => void,
): void {
  for (const byName of tree.catalogs.values()) {
    for (const catalog of byName.values()) {
      for (const file of catalog.files) {
        for (const entry of file.entries.values()) {
          // Only templates have label lookups; most messages have none.
          if (entry.mf2 || !entry.text.includes(".@")) continue;
          for (const part of entry.parts) {
            if (typeof part !== "string" && part.label) {
              visit(catalog, entry, part, part.label);
            }
          }
        }
      }
    }
  }
}

/** Returns, per catalog, the wanted prefixes that some key starts with, followed by a dot. */
function findPrefixes(
  tree: CatalogTree,
  wanted: Map<string, Set<string>>,
): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [name, prefixes] of wanted) {
    const hits = new Set<string>();
    found.set(name, hits);
    for (const byName of tree.catalogs.values()) {
      const catalog = byName.get(name);
      if (!catalog || hits.size === prefixes.size) continue;
      for (const key of catalog.entries.keys()) {
        for (let dot = key.indexOf("."); dot !== -1;) {
          const prefix = key.slice(0, dot);
          if (prefixes.has(prefix)) hits.add(prefix);
          dot = key.indexOf(".", dot + 1);
        }
        if (hits.size === prefixes.size) break;
      }
    }
  }
  return found;
}
