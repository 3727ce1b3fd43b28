import type { DiagnosticCode, Severity } from "../diagnostics/diagnostic.js";

/** One rule of `locmsg lint`: its stable code, its severity and a summary for `--help`. */
export interface LintRule {
  code: DiagnosticCode;
  severity: Severity;
  summary: string;
}

/**
 * Every code `locmsg lint` reports. The first group comes from loading the
 * files (`parseCatalogYaml` and the directory layout); the rest are the
 * linter's own checks. docs/lint.md describes each one with its fix.
 */
export const LINT_RULES: readonly LintRule[] = [
  // Files and YAML, as the loader reports them.
  rule("file-read", "error", "a directory or file cannot be read"),
  rule("invalid-utf8", "error", "a catalog file is not valid UTF-8"),
  rule(
    "invalid-catalog-path",
    "error",
    "a directory or file name is no locale or catalog, or names one twice",
  ),
  rule("yaml-syntax", "error", "the file is not valid YAML"),
  rule("yaml-tab-indent", "error", "a tab is used for indentation"),
  rule("yaml-anchor", "error", "an anchor (&name) is used"),
  rule("yaml-alias", "error", "an alias (*name) is used"),
  rule(
    "yaml-tag",
    "error",
    "a tag other than !!str, or !mf2 on a message, is used",
  ),
  rule(
    "yaml-not-mapping",
    "error",
    "the top level of the file is not a mapping",
  ),
  rule(
    "yaml-multiple-documents",
    "error",
    "the file contains more than one YAML document",
  ),
  rule(
    "non-string-value",
    "error",
    "a value is empty, a sequence or otherwise not a string",
  ),
  rule(
    "invalid-key",
    "error",
    "a key is empty, contains whitespace or an empty segment",
  ),
  rule(
    "key-collision",
    "error",
    "flat and nested keys produce the same dotted key",
  ),
  rule(
    "limit-exceeded",
    "error",
    "a file, message or catalog is larger than the loader's limits",
  ),
  rule("template-syntax", "error", "a message placeholder is malformed"),
  // Keys of one catalog.
  rule(
    "duplicate-key",
    "error",
    "a key is defined twice in one catalog, also across its .yaml and .yml files",
  ),
  rule(
    "nfc-duplicate-key",
    "error",
    "two keys of one catalog are equal after Unicode NFC normalization",
  ),
  // Label lookups.
  rule(
    "label-catalog-missing",
    "error",
    "a label lookup names a catalog that no locale has",
  ),
  rule(
    "label-prefix-missing",
    "error",
    "a label lookup names a prefix that no key of its catalog starts with",
  ),
  // MessageFormat 2.
  rule("mf2-syntax", "error", "a MessageFormat 2 message is invalid"),
  rule(
    "plural-category-unused",
    "error",
    "a plural variant key is a category the locale never selects",
  ),
  // Translations compared with the default locale.
  rule(
    "default-locale-missing",
    "error",
    "the catalog directory has no catalogs for the default locale",
  ),
  rule(
    "unknown-placeholder",
    "error",
    "a translation uses a placeholder the default locale's message does not have",
  ),
  rule(
    "label-lookup-changed",
    "error",
    "a translation reads an argument's label from another catalog or prefix",
  ),
  rule(
    "dropped-placeholder",
    "warning",
    "a translation leaves out a placeholder of the default locale's message",
  ),
  rule(
    "missing-key",
    "warning",
    "a key of the default locale is missing in a translation",
  ),
  rule(
    "missing-catalog-file",
    "warning",
    "a catalog of the default locale has no file in a translation",
  ),
  rule(
    "extra-key",
    "warning",
    "a translation has a key the default locale does not have",
  ),
  rule(
    "extra-catalog-file",
    "warning",
    "a translation has a catalog the default locale does not have",
  ),
  rule(
    "whitespace-mismatch",
    "warning",
    "leading or trailing whitespace differs from the default locale's message",
  ),
  // Suspicious text.
  rule(
    "literal-escape",
    "warning",
    "a message contains \\n, \\t or \\r typed as two characters",
  ),
  rule("unbalanced-brace", "warning", "a message contains a lone '}'"),
  // Ignore comments.
  rule(
    "invalid-ignore-comment",
    "warning",
    "a locmsg-lint-ignore comment names no rule or an unknown one",
  ),
];

const RULES_BY_CODE = new Map<string, LintRule>(
  LINT_RULES.map((entry) => [entry.code, entry]),
);

/** Returns the rule with this code, or undefined when lint has no such rule. */
export function findLintRule(code: string): LintRule | undefined {
  return RULES_BY_CODE.get(code);
}

function rule(
  code: DiagnosticCode,
  severity: Severity,
  summary: string,
): LintRule {
  return { code, severity, summary };
}
