import { createCatalog, type Catalog } from "../../catalogs/catalog.js";
import { CATALOG_NAME_PATTERN } from "../../catalogs/catalog-paths.js";
import type {
  Diagnostic,
  DiagnosticCode,
} from "../../diagnostics/diagnostic.js";
import { normalizeVsphereLocale } from "../../locales/locale-tag.js";
import { parseMessage } from "../../parse/parse-message.js";
import { decodeViJson, isRecord } from "../../vsphere/vi-json.js";

export interface ResourceConversion {
  /** One catalog per locale and module, sorted by locale, then name. */
  catalogs: Catalog[];
  diagnostics: Diagnostic[];
}

/** Location of a problem: the entry, its locale and module. */
interface EntryContext {
  index: number;
  locale?: string;
  module?: string;
}

/**
 * Converts an Extension's `resourceList` (plain or VI/JSON) to catalogs:
 * module `task` becomes catalog `task` with `module` set to `task`, and the
 * locale is normalised to vSphere form (`de-DE` becomes `de_DE`).
 *
 * An entry with an invalid locale or module, or without a `data` array, is
 * reported and skipped. A pair with a non-string value, an invalid key, a
 * duplicate key or a template syntax error is reported and left out. A key
 * is a duplicate also across two entries for the same locale and module,
 * and its first definition is kept, as the YAML loader does. Every
 * diagnostic names the entry index, locale, module and key. `source`
 * (such as the JSON file's path) becomes the diagnostics' `file`.
 */
export function resourcesToCatalogs(
  resourceList: unknown,
  source?: string,
): ResourceConversion {
  const diagnostics: Diagnostic[] = [];
  const catalogs = new Map<string, Catalog>();
  const report = (
    code: DiagnosticCode,
    context: EntryContext,
    message: string,
    key?: string,
  ): void => {
    diagnostics.push(describe(code, context, message, key, source));
  };

  const list = decodeViJson(resourceList);
  if (!Array.isArray(list)) {
    diagnostics.push({
      code: "invalid-input",
      severity: "error",
      message:
        "resourceList must be an array of ExtensionResourceInfo objects ({locale, module, data})",
      ...(source !== undefined ? { file: source } : {}),
    });
    return { catalogs: [], diagnostics };
  }

  list.forEach((item: unknown, index) => {
    const catalog = readEntryHeader(item, index, catalogs, report);
    if (!catalog) return;
    const context = { index, locale: catalog.locale, module: catalog.module };
    const data = (item as Record<string, unknown>)["data"];
    if (!Array.isArray(data)) {
      report(
        "invalid-input",
        context,
        "'data' must be an array of KeyValue objects ({key, value})",
      );
      return;
    }
    data.forEach((pair: unknown, position) => {
      addPair(catalog, pair, position, context, report);
    });
  });

  const sorted = [...catalogs.values()].sort(
    (a, b) => compare(a.locale, b.locale) || compare(a.name, b.name),
  );
  return { catalogs: sorted, diagnostics };
}

type Reporter = (
  code: DiagnosticCode,
  context: EntryContext,
  message: string,
  key?: string,
) => void;

/** Checks an entry's locale and module and returns the catalog its data goes to. */
function readEntryHeader(
  item: unknown,
  index: number,
  catalogs: Map<string, Catalog>,
  report: Reporter,
): Catalog | undefined {
  if (!isRecord(item)) {
    report(
      "invalid-input",
      { index },
      "expected an ExtensionResourceInfo object ({locale, module, data})",
    );
    return undefined;
  }
  const rawLocale = item["locale"];
  const rawModule = item["module"];
  const context: EntryContext = { index };
  if (typeof rawModule === "string") context.module = rawModule;
  if (typeof rawLocale === "string") context.locale = rawLocale;

  if (typeof rawLocale !== "string") {
    report(
      "invalid-locale",
      context,
      '\'locale\' is missing or not a string; give a locale such as "de" or "zh_CN"',
    );
    return undefined;
  }
  const locale = normalizeVsphereLocale(rawLocale);
  if (locale === undefined) {
    report(
      "invalid-locale",
      context,
      `'${rawLocale}' is not a locale; give a language with an optional region, such as "de" or "zh_CN"`,
    );
    return undefined;
  }
  if (typeof rawModule !== "string" || !CATALOG_NAME_PATTERN.test(rawModule)) {
    const shown = typeof rawModule === "string" ? `'${rawModule}'` : "missing";
    report(
      "invalid-input",
      context,
      `module is ${shown}; a module names a catalog, so it starts with a letter and contains only letters, digits, '_' and '-' (such as "task")`,
    );
    return undefined;
  }

  const id = `${locale}\u0000${rawModule}`;
  let catalog = catalogs.get(id);
  if (!catalog) {
    catalog = createCatalog(rawModule, locale, rawModule);
    catalogs.set(id, catalog);
  }
  return catalog;
}

function addPair(
  catalog: Catalog,
  pair: unknown,
  position: number,
  context: EntryContext,
  report: Reporter,
): void {
  if (!isRecord(pair) || typeof pair["key"] !== "string") {
    report(
      "invalid-key",
      context,
      `data[${position}] must be a KeyValue object with a string 'key'`,
    );
    return;
  }
  const key = pair["key"];
  const keyProblem = describeInvalidKey(key);
  if (keyProblem) {
    report("invalid-key", context, `data[${position}]: ${keyProblem}`, key);
    return;
  }
  const value = pair["value"];
  if (typeof value !== "string") {
    report(
      "non-string-value",
      context,
      `data[${position}]: the value is ${describeValue(value)}; every message must be a string`,
      key,
    );
    return;
  }
  if (catalog.entries.has(key)) {
    report(
      "duplicate-key",
      context,
      `data[${position}]: key is defined twice for locale '${catalog.locale}' and module '${catalog.name}'; the first definition is kept, so remove one`,
      key,
    );
    return;
  }
  const parsed = parseMessage(value);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    report(
      "template-syntax",
      context,
      `data[${position}]: template syntax error at line ${line}, column ${column} of the value: ${message}`,
      key,
    );
    return;
  }
  catalog.entries.set(key, { key, text: value, parts: parsed.parts });
}

/** Keys must survive a trip through a YAML catalog, so the loader's rules apply. */
function describeInvalidKey(key: string): string | undefined {
  if (key === "") return "the key is empty";
  if (/\s/.test(key)) return "keys must not contain whitespace";
  if (key.split(".").includes("")) {
    return "a key is made of non-empty segments separated by single dots";
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a dateTime";
  return `a ${typeof value}`;
}

function describe(
  code: DiagnosticCode,
  context: EntryContext,
  message: string,
  key: string | undefined,
  source: string | undefined,
): Diagnostic {
  const parts = [`resourceList[${context.index}]`];
  if (context.locale !== undefined) parts.push(`locale '${context.locale}'`);
  if (context.module !== undefined) parts.push(`module '${context.module}'`);
  if (key !== undefined) parts.push(`key '${key}'`);
  const diagnostic: Diagnostic = {
    code,
    severity: "error",
    message: `${parts.join(", ")}: ${message}`,
  };
  if (source !== undefined) diagnostic.file = source;
  if (key !== undefined) diagnostic.key = key;
  if (context.locale !== undefined) diagnostic.locale = context.locale;
  if (context.module !== undefined) diagnostic.catalog = context.module;
  return diagnostic;
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
