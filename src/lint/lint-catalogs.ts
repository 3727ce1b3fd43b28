import { LocmsgError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";
import type { CatalogTree, LintCatalog } from "./catalog-tree.js";
import { CommentIgnores } from "./ignore-comments.js";
import {
  matchesIgnoreSpec,
  parseIgnoreSpec,
  type IgnoreSpec,
} from "./ignore-rules.js";
import { checkCatalogKeys } from "./key-rules.js";
import { checkLabelLookups } from "./label-rules.js";
import { LintReporter } from "./lint-reporter.js";
import { checkPluralKeys } from "./plural-rule.js";
import { readCatalogTree } from "./read-catalog-tree.js";
import { checkMessageText } from "./text-rules.js";
import { compareCatalog } from "./translation-rules.js";

export interface LintOptions {
  /** The locale translations are compared with, in either spelling. Default `en`. */
  defaultLocale?: string;
  /**
   * Rules to ignore, each `RULE` or `RULE:GLOB`: a glob (`*`, `?`) over the
   * key, or over `LOCALE/CATALOG/KEY` when it contains `/`.
   */
  ignore?: readonly string[];
}

export interface LintResult {
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

/**
 * Lints catalog directories laid out as `<dir>/<locale>/<catalog>.yaml`.
 * Each directory is checked on its own: its translations are compared with
 * its default locale, and label lookups must resolve inside it. Problems
 * are returned, and unreadable files are reported as `file-read`. Only an
 * invalid option throws: a `LocmsgError` with code `invalid-locale` or
 * `invalid-input`.
 */
export async function lintCatalogs(
  dirs: readonly string[],
  options: LintOptions = {},
): Promise<LintResult> {
  const requested = options.defaultLocale ?? "en";
  const defaultLocale = normalizeVsphereLocale(requested);
  if (defaultLocale === undefined) {
    throw new LocmsgError([
      {
        code: "invalid-locale",
        severity: "error",
        message: `invalid default locale '${requested}'; use a locale such as 'en' or 'zh_CN'`,
      },
    ]);
  }
  const specs = (options.ignore ?? []).map((text) => {
    const spec = parseIgnoreSpec(text);
    if (typeof spec === "string") {
      throw new LocmsgError([
        { code: "invalid-input", severity: "error", message: spec },
      ]);
    }
    return spec;
  });

  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    const tree = await readCatalogTree(dir);
    for (const diagnostic of lintTree(tree, defaultLocale, specs)) {
      diagnostics.push(diagnostic);
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics) };
}

function lintTree(
  tree: CatalogTree,
  defaultLocale: string,
  specs: readonly IgnoreSpec[],
): Diagnostic[] {
  const reporter = new LintReporter(tree);
  const comments = new CommentIgnores(tree, defaultLocale, reporter);

  for (const byName of tree.catalogs.values()) {
    for (const catalog of byName.values()) {
      checkCatalogKeys(catalog, reporter);
      for (const file of catalog.files) {
        for (const entry of file.entries.values()) {
          checkMessageText(catalog, entry, reporter);
          checkPluralKeys(catalog, entry, reporter);
        }
      }
    }
  }
  checkLabelLookups(tree, reporter);
  compareTranslations(tree, defaultLocale, reporter);

  return [...tree.diagnostics, ...reporter.diagnostics].filter(
    (diagnostic) =>
      !comments.covers(diagnostic) &&
      !specs.some((spec) => matchesIgnoreSpec(spec, diagnostic)),
  );
}

function compareTranslations(
  tree: CatalogTree,
  defaultLocale: string,
  reporter: LintReporter,
): void {
  const bases = tree.catalogs.get(defaultLocale);
  if (!tree.localeDirs.has(defaultLocale)) {
    reporter.at(
      "default-locale-missing",
      { file: tree.dir, locale: defaultLocale },
      `catalog directory '${tree.dir}' has no directory for the default locale '${defaultLocale}', so translations cannot be compared with it; add '${defaultLocale}/' with the catalogs, or name the default locale with --default-locale`,
    );
    return;
  }

  // Locale directories, not catalogs, so an empty locale directory still misses every catalog.
  for (const locale of tree.localeDirs.keys()) {
    if (locale === defaultLocale) continue;
    const byName = tree.catalogs.get(locale) ?? new Map<string, LintCatalog>();
    for (const [name, translation] of byName) {
      const base = bases?.get(name);
      if (base) compareCatalog(base, translation, reporter);
      else reportExtraCatalog(translation, defaultLocale, reporter);
    }
    for (const [name, base] of bases ?? []) {
      if (!byName.has(name)) {
        reportMissingCatalog(tree, base, locale, reporter);
      }
    }
  }
}

/**
 * Reports a whole catalog missing in a locale once, not once per key: it is
 * one decision (translate the file or not), and thousands of identical
 * warnings would bury the other findings. The message gives the count.
 */
function reportMissingCatalog(
  tree: CatalogTree,
  base: LintCatalog,
  locale: string,
  reporter: LintReporter,
): void {
  if (base.entries.size === 0) return;
  const count = base.entries.size;
  const messages = count === 1 ? "1 message" : `${count} messages`;
  reporter.at(
    "missing-catalog-file",
    {
      file: tree.localeDirs.get(locale) ?? tree.dir,
      locale,
      catalog: base.name,
    },
    `catalog '${base.name}' (${messages} in '${base.locale}') has no file in locale '${locale}', so all of it renders in '${base.locale}'; add '${locale}/${base.name}.yaml' with translations`,
    { file: base.files[0]!.path },
  );
}

function reportExtraCatalog(
  translation: LintCatalog,
  defaultLocale: string,
  reporter: LintReporter,
): void {
  const file = translation.files[0];
  if (!file) return;
  reporter.at(
    "extra-catalog-file",
    { file: file.path, locale: translation.locale, catalog: translation.name },
    `catalog '${translation.name}' of locale '${translation.locale}' has no file in the default locale '${defaultLocale}', so sessions in other locales find none of its messages; add '${defaultLocale}/${translation.name}.yaml', or rename the file if the catalog name is misspelled`,
  );
}

/** Sorts by file, then line and column; diagnostics for a whole file come first. */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const fileA = a.diagnostic.file ?? "";
      const fileB = b.diagnostic.file ?? "";
      if (fileA !== fileB) return fileA < fileB ? -1 : 1;
      return (
        (a.diagnostic.line ?? 0) - (b.diagnostic.line ?? 0) ||
        (a.diagnostic.column ?? 0) - (b.diagnostic.column ?? 0) ||
        a.index - b.index
      );
    })
    .map(({ diagnostic }) => diagnostic);
}
