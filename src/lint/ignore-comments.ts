import type { CatalogEntry } from "../catalogs/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CatalogTree, LintFile } from "./catalog-tree.js";
import type { LintReporter } from "./lint-reporter.js";
import { findLintRule } from "./lint-rules.js";

export const IGNORE_DIRECTIVE = "locmsg-lint-ignore";

/** `# locmsg-lint-ignore RULE[, RULE...] [-- reason]` on a line of its own. */
const COMMENT = /^(\s*#\s*locmsg-lint-ignore)(?=\s|$)(.*)$/;

/**
 * Rules switched off by `# locmsg-lint-ignore` comments. A comment covers
 * the next line that is neither blank nor a comment, and the message
 * defined there, in that file. A comment in the default locale's file
 * covers that key in every locale too, because a key that a translation
 * lacks has no line there to put the comment on.
 */
export class CommentIgnores {
  private readonly byLine = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byCatalogKey = new Map<string, Set<string>>();

  /** Reads the comments of every file that has one and reports invalid ones. */
  constructor(
    tree: CatalogTree,
    defaultLocale: string,
    reporter: LintReporter,
  ) {
    for (const file of tree.files.values()) {
      if (!file.contains(IGNORE_DIRECTIVE)) continue;
      this.readFile(file, file.locale === defaultLocale, reporter);
    }
  }

  covers(diagnostic: Diagnostic): boolean {
    const { code } = diagnostic;
    if (diagnostic.file !== undefined && diagnostic.line !== undefined) {
      const rules = this.byLine.get(`${diagnostic.file}\0${diagnostic.line}`);
      if (rules?.has(code)) return true;
    }
    if (diagnostic.key === undefined || diagnostic.catalog === undefined) {
      return false;
    }
    const catalogKey = `${diagnostic.catalog}\0${diagnostic.key}`;
    if (this.byCatalogKey.get(catalogKey)?.has(code)) return true;
    return (
      this.byKey.get(`${diagnostic.locale ?? ""}\0${catalogKey}`)?.has(code) ??
      false
    );
  }

  private readFile(
    file: LintFile,
    isDefaultLocale: boolean,
    reporter: LintReporter,
  ): void {
    const source = file.source;
    // NOTE: a line inside a block scalar that looks like this comment is
    // read as one too; the yaml token stream would tell them apart.
    const entries = [...file.entries.values()].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0),
    );
    for (let line = 1; line <= source.lineCount; line++) {
      const text = source.lineText(line) ?? "";
      const match = COMMENT.exec(text);
      if (!match) continue;
      const rules = this.readRules(file, line, match, reporter);
      if (rules.size === 0) continue;

      const target = nextContentLine(file, line);
      if (target === undefined) continue;
      add(this.byLine, `${file.path}\0${target}`, rules);
      const entry = entryAt(entries, target, source.lineText(target) ?? "");
      if (!entry) continue;
      add(this.byLine, `${file.path}\0${entry.line}`, rules);
      const catalogKey = `${file.catalog}\0${entry.key}`;
      if (isDefaultLocale) add(this.byCatalogKey, catalogKey, rules);
      else add(this.byKey, `${file.locale}\0${catalogKey}`, rules);
    }
  }

  /** Returns the valid rule codes of a comment and reports the invalid ones. */
  private readRules(
    file: LintFile,
    line: number,
    match: RegExpExecArray,
    reporter: LintReporter,
  ): Set<string> {
    const [, head = "", tail = ""] = match;
    const list = tail.split(" -- ")[0]!;
    const rules = new Set<string>();
    const scope = {
      file: file.path,
      locale: file.locale,
      catalog: file.catalog,
      line,
    };
    for (const word of list.matchAll(/[^\s,]+/g)) {
      if (findLintRule(word[0])) {
        rules.add(word[0]);
        continue;
      }
      reporter.at(
        "invalid-ignore-comment",
        { ...scope, column: head.length + word.index + 1 },
        `'${word[0]}' in this ${IGNORE_DIRECTIVE} comment is not a lint rule, so nothing is ignored for it; write rule codes such as 'missing-key', separated by spaces or commas (see 'locmsg lint --help')`,
      );
    }
    if (rules.size === 0 && list.trim() === "") {
      reporter.at(
        "invalid-ignore-comment",
        { ...scope, column: head.indexOf("#") + 1 },
        `this ${IGNORE_DIRECTIVE} comment names no rule, so it ignores nothing; name the rules, as in '# ${IGNORE_DIRECTIVE} missing-key'`,
      );
    }
    return rules;
  }
}

/** Finds the first line after `line` that is neither blank nor a comment. */
function nextContentLine(file: LintFile, line: number): number | undefined {
  const source = file.source;
  for (let next = line + 1; next <= source.lineCount; next++) {
    const text = (source.lineText(next) ?? "").trim();
    if (text !== "" && !text.startsWith("#")) return next;
  }
  return undefined;
}

/**
 * Finds the message defined at `line`: the entry whose value starts there,
 * else, when the line ends with `key:` (a value on the next lines or a
 * nested mapping), the first entry after it.
 */
function entryAt(
  entries: readonly CatalogEntry[],
  line: number,
  text: string,
): CatalogEntry | undefined {
  // Binary search for the first entry on or after `line`; entries are sorted by line.
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((entries[middle]!.line ?? 0) < line) low = middle + 1;
    else high = middle;
  }
  const entry = entries[low];
  if (entry?.line === line) return entry;
  return /:\s*(#.*)?$/.test(text) ? entry : undefined;
}

function add(map: Map<string, Set<string>>, key: string, rules: Set<string>) {
  const existing = map.get(key);
  if (existing) for (const rule of rules) existing.add(rule);
  else map.set(key, new Set(rules));
}
