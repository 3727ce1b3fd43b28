import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LintCatalog } from "./catalog-tree.js";
import type { LintReporter } from "./lint-reporter.js";

/**
 * `\n`, `\t` or `\r` typed as a backslash and a letter. Such text usually
 * comes from an escape written twice (`\\n` in a `.vmsg` file), and renders
 * as the two characters. A backslash before the backslash makes the pair
 * something else, such as a Windows path, so it is not matched.
 */
const LITERAL_ESCAPE = /(?<!\\)\\[ntr]/g;

/** Reports text that renders differently from what the author most likely meant. */
export function checkMessageText(
  catalog: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  // MF2 has its own escapes, and a stray brace is an MF2 syntax error.
  if (entry.mf2) return;
  checkLiteralEscapes(catalog, entry, reporter);
  checkLoneBraces(catalog, entry, reporter);
}

function checkLiteralEscapes(
  catalog: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  if (!entry.text.includes("\\")) return;
  const matches = [...entry.text.matchAll(LITERAL_ESCAPE)];
  const first = matches[0];
  if (!first) return;
  const sequences = [...new Set(matches.map((match) => `'${match[0]}'`))];
  const times = matches.length === 1 ? "" : ` (${matches.length} times)`;
  reporter.atEntry(
    "literal-escape",
    catalog,
    entry,
    `message for key '${entry.key}' contains ${sequences.join(", ")} as a backslash and a letter${times}, which renders as those two characters; write the character itself (in a double-quoted YAML string, "\\n" is a line break), or remove it`,
    first.index,
  );
}

/**
 * Finds `}` that is neither part of `}}` nor closes a placeholder. The
 * message parser keeps such a brace as text, which is seldom intended.
 */
function checkLoneBraces(
  catalog: LintCatalog,
  entry: CatalogEntry,
  reporter: LintReporter,
): void {
  const text = entry.text;
  if (!text.includes("}")) return;
  const lone: number[] = [];
  // The same scan as the grammar: `{{` and `}}` are escapes, and a
  // placeholder runs from `{` to the next `}` (a valid message has no brace inside one).
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "{") {
      if (text[index + 1] === "{") index++;
      else index = Math.max(text.indexOf("}", index), index);
    } else if (char === "}") {
      if (text[index + 1] === "}") index++;
      else lone.push(index);
    }
  }
  const first = lone[0];
  if (first === undefined) return;
  const times = lone.length === 1 ? "" : ` (${lone.length} times)`;
  reporter.atEntry(
    "unbalanced-brace",
    catalog,
    entry,
    `message for key '${entry.key}' has a '}' without a matching '{'${times}, which renders as text; write '}}' for a literal brace, or add the '{' that opens the placeholder`,
    first,
  );
}
