import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { findLintRule } from "./lint-rules.js";

/**
 * One `--ignore RULE[:GLOB]` option. Without a glob it ignores the rule
 * everywhere. A glob without `/` is matched against the key; a glob with
 * `/` is matched against `LOCALE/CATALOG/KEY`, such as `de/task/*`.
 * Diagnostics without a key, locale or catalog match with that part empty.
 */
export interface IgnoreSpec {
  rule: string;
  pattern?: RegExp;
  /** True when the glob is matched against `LOCALE/CATALOG/KEY`. */
  qualified: boolean;
}

/** Parses `RULE[:GLOB]`; returns an error message naming the problem instead when it is invalid. */
export function parseIgnoreSpec(text: string): IgnoreSpec | string {
  const colon = text.indexOf(":");
  const rule = colon === -1 ? text : text.slice(0, colon);
  if (!findLintRule(rule)) {
    return `invalid --ignore '${text}': '${rule}' is not a lint rule; write RULE or RULE:KEY-GLOB with a rule code from 'locmsg lint --help'`;
  }
  if (colon === -1) return { rule, qualified: false };
  const glob = text.slice(colon + 1);
  if (glob === "") {
    return `invalid --ignore '${text}': the glob after ':' is empty; write RULE to ignore the rule everywhere, or RULE:KEY-GLOB such as '${rule}:com.example.*'`;
  }
  return { rule, pattern: globToRegExp(glob), qualified: glob.includes("/") };
}

/** Converts a glob where `*` matches any run of characters and `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const source = [...glob]
    .map((char) => {
      if (char === "*") return "[^]*";
      if (char === "?") return "[^]";
      return char.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`, "u");
}

export function matchesIgnoreSpec(
  spec: IgnoreSpec,
  diagnostic: Diagnostic,
): boolean {
  if (spec.rule !== diagnostic.code) return false;
  if (!spec.pattern) return true;
  const key = diagnostic.key ?? "";
  const subject = spec.qualified
    ? `${diagnostic.locale ?? ""}/${diagnostic.catalog ?? ""}/${key}`
    : key;
  return spec.pattern.test(subject);
}
