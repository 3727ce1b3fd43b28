import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LintCatalog } from "./catalog-tree.js";
import { locationOf, type LintReporter } from "./lint-reporter.js";

/**
 * Reports a translation whose leading or trailing whitespace differs from
 * the default locale's message: callers join messages with the text around
 * them, so a lost or added space shows. MF2 messages are skipped, because
 * whitespace around `.match` and `{{...}}` is syntax.
 */
export function checkWhitespace(
  base: LintCatalog,
  original: CatalogEntry,
  translation: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  if (original.mf2 || entry.mf2) return;
  if (
    !mayHaveEdgeWhitespace(original.text) &&
    !mayHaveEdgeWhitespace(entry.text)
  ) {
    return;
  }
  // A literal "\n" already gets a literal-escape warning; compared as the
  // line break it was meant to be, it does not count twice.
  const expected = decodeLiteralEscapes(original.text);
  const actual = decodeLiteralEscapes(entry.text);
  const expectedLead = leadingWhitespace(expected);
  const actualLead = leadingWhitespace(actual);
  const expectedTrail = trailingWhitespace(expected, expectedLead.length);
  const actualTrail = trailingWhitespace(actual, actualLead.length);

  const differences: string[] = [];
  if (expectedLead !== actualLead) {
    differences.push(
      `starts with ${JSON.stringify(actualLead)} where the '${base.locale}' message starts with ${JSON.stringify(expectedLead)}`,
    );
  }
  if (expectedTrail !== actualTrail) {
    differences.push(
      `ends with ${JSON.stringify(actualTrail)} where the '${base.locale}' message ends with ${JSON.stringify(expectedTrail)}`,
    );
  }
  if (differences.length === 0) return;
  reporter.atEntry(
    "whitespace-mismatch",
    translation,
    entry,
    `message for key '${entry.key}' ${differences.join(" and ")}; use the same leading and trailing whitespace as the '${base.locale}' message`,
    undefined,
    locationOf(original),
  );
}

const ESCAPED_CHARACTERS: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
};

function decodeLiteralEscapes(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(
    /(?<!\\)\\([ntr])/g,
    (_match, letter: string) => ESCAPED_CHARACTERS[letter] ?? letter,
  );
}

const WHITESPACE = /\s/;

/** Checks cheaply whether whitespace at either end is possible, also once literal escapes are decoded. */
function mayHaveEdgeWhitespace(text: string): boolean {
  if (text === "") return false;
  return (
    WHITESPACE.test(text[0]!) ||
    WHITESPACE.test(text[text.length - 1]!) ||
    text.includes("\\")
  );
}

function leadingWhitespace(text: string): string {
  let end = 0;
  while (end < text.length && WHITESPACE.test(text[end]!)) end++;
  return text.slice(0, end);
}

/** Trailing whitespace that does not overlap the leading whitespace ending at `leadEnd`. */
function trailingWhitespace(text: string, leadEnd: number): string {
  let start = text.length;
  while (start > leadEnd && WHITESPACE.test(text[start - 1]!)) start--;
  return text.slice(start);
}
