/**
 * Compiles loaded catalogs to the bundles the browser runtime reads: one
 * JSON file per locale and catalog, named by a hash of its content, and a
 * manifest of `LocalizationManagerMessageCatalog` entries. docs/bundles.md
 * describes the format.
 *
 * The output depends only on the catalogs and the options, so building
 * unchanged catalogs again gives byte-identical files. For that reason
 * `lastModified` is not a file time (which differs between clones): it is
 * the `lastModified` option, the Unix epoch by default.
 */
import { createHash } from "node:crypto";
import type {
  Bundle,
  CompiledMessage,
  Manifest,
  ManifestEntry,
  TaskInfoData,
} from "../browser/bundle-format.js";
import type { Catalog, CatalogSet } from "../catalogs/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BUILT_IN_MESSAGES } from "../render/built-in-messages.js";
import { compareCodeUnits } from "./compare-code-units.js";
import { compileParts } from "./compile-parts.js";
import { compileMf2Entry } from "./compile-mf2-entry.js";
import { computeLanguageMatches } from "./language-matches.js";

export interface BuildOptions {
  /** `SessionManager.defaultLocale`, vSphere form; `en` when left out. */
  defaultLocale?: string;
  /** The `lastModified` of every entry; the Unix epoch when left out. */
  lastModified?: Date;
}

export interface BuildResult {
  /** File contents (UTF-8 JSON) by path relative to the output folder, manifest last. */
  files: Map<string, string>;
  manifest: Manifest;
  /** Messages outside the compiled MF2 subset; the build has failed when any is an error. */
  diagnostics: Diagnostic[];
}

/** The manifest's path relative to the output folder. */
export const MANIFEST_PATH = "manifest.json";

/**
 * The manifest's `taskInfo`: the time fields and reason fields of a
 * TaskInfo line in the order src/render/render-task-info.ts uses them.
 */
const TASK_INFO: TaskInfoData = {
  times: ["queueTime", "startTime", "completeTime"],
  reasons: [
    ["reasonUser", "userName"],
    ["reasonAlarm", "alarmName"],
    ["reasonSchedule", "scheduledTaskName"],
  ],
};

function hashOf(text: string, algorithm: "md5" | "sha256"): string {
  return createHash(algorithm).update(text, "utf8").digest("hex");
}

function compileCatalog(catalog: Catalog, diagnostics: Diagnostic[]): Bundle {
  const messages: Record<string, CompiledMessage> = {};
  const keys = [...catalog.entries.keys()].sort(compareCodeUnits);
  for (const key of keys) {
    const entry = catalog.entries.get(key)!;
    const compiled = entry.mf2
      ? compileMf2Entry(entry, catalog, diagnostics)
      : compileParts(entry.parts);
    // `__proto__` and the like must stay ordinary keys of the JSON object.
    if (compiled !== undefined) {
      Object.defineProperty(messages, key, {
        value: compiled,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return {
    format: 1,
    locale: catalog.locale,
    catalog: catalog.name,
    module: catalog.module,
    messages,
  };
}

/** Compiles every catalog of `catalogs`; writes nothing (see `writeBundles`). */
export function buildBundles(
  catalogs: CatalogSet,
  options: BuildOptions = {},
): BuildResult {
  const defaultLocale = options.defaultLocale ?? "en";
  const lastModified = (options.lastModified ?? new Date(0)).toISOString();
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, string>();
  const entries: ManifestEntry[] = [];
  const locales = catalogs.locales();
  if (locales.length > 0 && !locales.includes(defaultLocale)) {
    diagnostics.push({
      code: "invalid-locale",
      severity: "error",
      message: `the default locale '${defaultLocale}' has no catalogs, so every fallback chain would end in nothing; choose one of ${locales.join(", ")}`,
      locale: defaultLocale,
    });
  }

  const sorted = catalogs
    .all()
    .sort(
      (a, b) =>
        compareCodeUnits(a.locale, b.locale) ||
        compareCodeUnits(a.name, b.name),
    );
  for (const catalog of sorted) {
    const text = `${JSON.stringify(compileCatalog(catalog, diagnostics))}\n`;
    const version = hashOf(text, "sha256").slice(0, 16);
    const catalogUri = `${catalog.locale}/${catalog.name}.${version}.json`;
    files.set(catalogUri, text);
    entries.push({
      moduleName: catalog.module,
      locale: catalog.locale,
      catalogName: catalog.name,
      catalogUri,
      md5sum: hashOf(text, "md5"),
      version,
      lastModified,
    });
  }

  const builtIn: Record<string, CompiledMessage> = {};
  for (const [key, parts] of BUILT_IN_MESSAGES) {
    builtIn[key] = compileParts(parts);
  }
  const manifest: Manifest = {
    format: 2,
    defaultLocale,
    locales,
    languageMatches: computeLanguageMatches(locales, defaultLocale),
    builtIn,
    taskInfo: TASK_INFO,
    catalogs: entries,
  };
  files.set(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, manifest, diagnostics };
}
