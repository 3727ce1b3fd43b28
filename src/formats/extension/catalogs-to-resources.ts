import type { CatalogSet } from "../../catalogs/catalog.js";
import type { DiagnosticHandler } from "../../diagnostics/diagnostic.js";
import type { ExtensionResourceInfo } from "./resource-info.js";

export interface ResourceExportOptions {
  /**
   * Modules to export, matched against each catalog's module and name;
   * every catalog when left out.
   */
  modules?: readonly string[];
  /** Receives a warning for each message that has no vSphere form. */
  onDiagnostic?: DiagnosticHandler;
}

/**
 * Returns the module a catalog is registered under: its own module when it
 * came from an extension, else its name (catalog `task` is module `task`).
 */
export function moduleOf(catalog: { name: string; module: string }): string {
  return catalog.module !== "" ? catalog.module : catalog.name;
}

/**
 * Converts catalogs to an Extension's `resourceList`: one entry per locale
 * and catalog, in locale then name order, messages in catalog order.
 * Catalogs without messages are left out. MessageFormat 2 messages are
 * left out with a warning, because vSphere reads resource values as its
 * own template syntax.
 */
export function catalogsToResources(
  catalogs: CatalogSet,
  options: ResourceExportOptions = {},
): ExtensionResourceInfo[] {
  const wanted = options.modules ? new Set(options.modules) : undefined;
  const resources: ExtensionResourceInfo[] = [];
  for (const catalog of catalogs.all()) {
    const module = moduleOf(catalog);
    if (wanted && !wanted.has(module) && !wanted.has(catalog.name)) continue;
    const data: ExtensionResourceInfo["data"] = [];
    for (const entry of catalog.entries.values()) {
      if (entry.mf2) {
        options.onDiagnostic?.({
          code: "resource-unrepresentable",
          severity: "warning",
          message: `'${entry.key}' is a MessageFormat 2 message, which vSphere cannot read; it is left out of the resource list, so write it in vSphere template syntax to export it`,
          key: entry.key,
          locale: catalog.locale,
          catalog: catalog.name,
          ...(entry.file !== undefined ? { file: entry.file } : {}),
          ...(entry.line !== undefined ? { line: entry.line } : {}),
          ...(entry.column !== undefined ? { column: entry.column } : {}),
        });
        continue;
      }
      data.push({ key: entry.key, value: entry.text });
    }
    if (data.length > 0)
      resources.push({ locale: catalog.locale, module, data });
  }
  return resources;
}

/** A resource list in VI/JSON form, with `_typeName` on every data object. */
export interface ViJsonResourceInfo {
  _typeName: "ExtensionResourceInfo";
  locale: string;
  module: string;
  data: { _typeName: "KeyValue"; key: string; value: string }[];
}

/** Encodes a resource list in VI/JSON form, as `RegisterExtension` receives it. */
export function encodeResourcesViJson(
  resources: readonly ExtensionResourceInfo[],
): ViJsonResourceInfo[] {
  return resources.map((resource) => ({
    _typeName: "ExtensionResourceInfo",
    locale: resource.locale,
    module: resource.module,
    data: resource.data.map((pair) => ({
      _typeName: "KeyValue",
      key: pair.key,
      value: pair.value,
    })),
  }));
}
