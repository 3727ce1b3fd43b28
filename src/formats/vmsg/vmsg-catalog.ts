/**
 * Converting between `.vmsg` values and locmsg catalog messages.
 *
 * A `.vmsg` value is plain text: its printf placeholders (`%1$s`, `%s`)
 * are ordinary characters to locmsg and stay as written. A catalog message
 * is a vSphere template, where `{`/`}` delimit placeholders and `{{`/`}}`
 * stand for literal braces. So import doubles every brace, and export turns
 * a template back into text: escaped braces become single ones, and a
 * message with a real placeholder such as `{name}` has no `.vmsg` form. It
 * is reported as `vmsg-unrepresentable`, and no file is written for its
 * catalog.
 */
import type { Catalog } from "../../catalogs/catalog.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { parseMessage } from "../../parse/parse-message.js";
import type { ParsedVmsg } from "./parse-vmsg.js";
import { describeUnwritableVmsgEntry, writeVmsg } from "./write-vmsg.js";

/** Plain `.vmsg` text as a template: `{` becomes `{{` and `}` becomes `}}`. */
export function textToTemplate(text: string): string {
  return text.replaceAll("{", "{{").replaceAll("}", "}}");
}

export type TemplateText =
  { ok: true; text: string } | { ok: false; reason: string };

/** A template as plain text, or why it has none (a placeholder, bad syntax). */
export function templateToText(template: string): TemplateText {
  const parsed = parseMessage(template);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: `it is not a valid message: ${parsed.error.message}`,
    };
  }
  let text = "";
  for (const part of parsed.parts) {
    if (typeof part !== "string") {
      return {
        ok: false,
        reason: `it has the placeholder '${part.source}', and .vmsg values are plain text with no placeholders`,
      };
    }
    text += part;
  }
  return { ok: true, text };
}

/**
 * Says why a `.vmsg` name cannot be a catalog key (whitespace, an empty
 * dotted segment), by the rules the catalog loader applies to keys.
 */
export function describeInvalidCatalogKey(name: string): string | undefined {
  if (/\s/.test(name)) return "catalog keys have no whitespace";
  if (name.split(".").includes("")) {
    return "catalog keys are non-empty segments separated by single dots";
  }
  return undefined;
}

export interface ImportedEntries {
  /** Catalog keys and templates, in file order. */
  entries: [string, string][];
  diagnostics: Diagnostic[];
}

/** Turns the entries of a parsed `.vmsg` file into catalog templates. */
export function vmsgToCatalogEntries(
  parsed: ParsedVmsg,
  file: string,
): ImportedEntries {
  const entries: [string, string][] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, text] of parsed.entries) {
    const problem = describeInvalidCatalogKey(name);
    if (problem) {
      diagnostics.push({
        code: "invalid-key",
        severity: "error",
        message: `the name '${name}' cannot be a catalog key: ${problem}; rename the entry`,
        file,
        ...parsed.locations.get(name),
        key: name,
      });
      continue;
    }
    entries.push([name, textToTemplate(text)]);
  }
  return { entries, diagnostics };
}

export interface ExportedCatalog {
  /** The `.vmsg` text; undefined when a message has no `.vmsg` form. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** Writes a catalog as `.vmsg` text, or reports every message that has no `.vmsg` form. */
export function catalogToVmsg(
  catalog: Catalog,
  header?: string,
): ExportedCatalog {
  const values: [string, string][] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [key, entry] of catalog.entries) {
    const converted: TemplateText = entry.mf2
      ? { ok: false, reason: "it is a MessageFormat 2 message" }
      : templateToText(entry.text);
    const problem = converted.ok
      ? describeUnwritableVmsgEntry(key, converted.text)
      : converted.reason;
    if (problem === undefined && converted.ok) {
      values.push([key, converted.text]);
      continue;
    }
    diagnostics.push(unrepresentable(catalog, key, entry, problem!));
  }
  if (diagnostics.length > 0) return { diagnostics };
  return {
    text: writeVmsg(values, header === undefined ? {} : { header }),
    diagnostics,
  };
}

function unrepresentable(
  catalog: Catalog,
  key: string,
  entry: { file?: string; line?: number; column?: number },
  reason: string,
): Diagnostic {
  const diagnostic: Diagnostic = {
    code: "vmsg-unrepresentable",
    severity: "error",
    message: `'${key}' cannot be exported to .vmsg: ${reason}; no .vmsg file is written for catalog '${catalog.name}' of locale '${catalog.locale}'`,
    key,
    locale: catalog.locale,
    catalog: catalog.name,
  };
  if (entry.file !== undefined) diagnostic.file = entry.file;
  if (entry.line !== undefined) diagnostic.line = entry.line;
  if (entry.column !== undefined) diagnostic.column = entry.column;
  return diagnostic;
}
