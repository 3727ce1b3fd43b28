// Helpers that read the shipped catalogs and the fixture data for the tests
// in this folder.
import { readFileSync } from "node:fs";
import { parseDocument, isMap, isScalar } from "yaml";

const repositoryRoot = new URL("../../", import.meta.url);

/** Reads a file by its path relative to the repository root. */
export function readRepositoryFile(relativePath: string): string {
  return readFileSync(new URL(relativePath, repositoryRoot), "utf8");
}

/** A catalog file as its entries, in file order. */
export interface CatalogFile {
  path: string;
  text: string;
  /** Every entry, including `!mf2` ones, with the value's source text. */
  entries: Map<string, string>;
  /** Keys whose value is tagged `!mf2` (MessageFormat 2, not vSphere syntax). */
  mf2Keys: Set<string>;
}

/**
 * Parses `catalogs/<locale>/<name>.yaml` with the failsafe schema, where
 * every scalar is a string. Throws when the file has YAML errors or is not
 * one flat mapping of scalar keys to scalar values.
 */
export function loadCatalogFile(locale: string, name: string): CatalogFile {
  const path = `catalogs/${locale}/${name}.yaml`;
  const text = readRepositoryFile(path);
  const document = parseDocument(text, { schema: "failsafe" });
  if (document.errors.length > 0) {
    const messages = document.errors.map((error) => error.message);
    throw new Error(`${path} has YAML errors:\n${messages.join("\n")}`);
  }
  if (!isMap(document.contents)) {
    throw new Error(`${path} is not a YAML mapping`);
  }
  const entries = new Map<string, string>();
  const mf2Keys = new Set<string>();
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) {
      throw new Error(
        `${path} has an entry that is not a scalar key and value`,
      );
    }
    const key = String(pair.key.value);
    entries.set(key, String(pair.value.value));
    if (pair.value.tag === "!mf2") mf2Keys.add(key);
  }
  return { path, text, entries, mf2Keys };
}

/** Returns the entries in vSphere message syntax, leaving out `!mf2` ones. */
export function vsphereEntries(catalog: CatalogFile): Map<string, string> {
  return new Map(
    [...catalog.entries].filter(([key]) => !catalog.mf2Keys.has(key)),
  );
}

/**
 * Returns the placeholders of a message, such as `{vm.name}` and `{1}`, in
 * order and without their braces. Doubled braces are literal text and are
 * skipped.
 */
export function placeholdersOf(message: string): string[] {
  const placeholders: string[] = [];
  for (const match of message.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
    const inner = match[1];
    if (inner !== undefined) placeholders.push(inner);
  }
  return placeholders;
}

/** The catalogs that exist in both `en` and `de` with identical key sets. */
export const PAIRED_CATALOGS = ["enum", "fault", "locmsg"] as const;

/** Every catalog that each shipped locale has. */
export const CATALOG_NAMES = ["enum", "fault", "locmsg", "task"] as const;

/** The locale folders under `catalogs/`, in vSphere form and sorted. */
export const SHIPPED_LOCALES = [
  "de",
  "en",
  "es",
  "fr",
  "it",
  "ja",
  "ko",
  "zh_CN",
  "zh_TW",
] as const;

/** The shipped locales other than English. */
export const TRANSLATED_LOCALES = SHIPPED_LOCALES.filter(
  (locale) => locale !== "en",
);

/** Type prefixes of the methods that catalogs/de/task.yaml translates. */
export const TRANSLATED_METHOD_PREFIXES = [
  "ClusterComputeResource.",
  "Datastore.",
  "Folder.",
  "HostSystem.",
  "VirtualMachine.",
] as const;

/** Fixture copy of the vCenter 6.5 TaskDescription, as a repository path. */
export const TASK_DESCRIPTION_FIXTURE =
  "test/fixtures/vsphere/govmomi-vpx-TaskDescription.json";
