/**
 * locmsg: renders vSphere LocalizableMessages, TaskInfo and events from YAML
 * catalogs in each session's locale.
 *
 * ```ts
 * const engine = await Locmsg.fromDirectory("catalogs");
 * const session = engine.createSession({ locale: "de" });
 * session.format({ key: "com.vmware.locmsg.taskState", arg: [{ key: "field", value: "queued" }] });
 * // "Status: In Warteschlange"
 * ```
 */
export { Locmsg, type LocmsgOptions } from "./engine/locmsg.js";
export {
  Session,
  type MessageFunction,
  type RenderOptions,
  type SessionOptions,
} from "./engine/session.js";
export {
  LocmsgError,
  formatDiagnostic,
  formatLocation,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticHandler,
  type Severity,
  type SourceLocation,
} from "./diagnostics/diagnostic.js";
export {
  CatalogSet,
  createCatalog,
  type Catalog,
  type CatalogEntry,
} from "./catalogs/catalog.js";
export {
  loadCatalogDirectory,
  loadCatalogDirectorySync,
  type LoadOptions,
  type LoadResult,
} from "./catalogs/load-directory.js";
export { parseCatalogYaml } from "./catalogs/parse-catalog-yaml.js";
export {
  lintCatalogs,
  type LintOptions,
  type LintResult,
} from "./lint/lint-catalogs.js";
export { LINT_RULES, type LintRule } from "./lint/lint-rules.js";
export {
  parseVmsg,
  type ParsedVmsg,
  type VmsgLocation,
} from "./formats/vmsg/parse-vmsg.js";
export { writeVmsg, type WriteVmsgOptions } from "./formats/vmsg/write-vmsg.js";
export {
  catalogsToResources,
  encodeResourcesViJson,
  readResourceDocument,
  resourcesToCatalogs,
  type ExtensionResourceInfo,
  type KeyValue,
  type ResourceConversion,
  type ResourceExportOptions,
  type ViJsonResourceInfo,
} from "./formats/extension/index.js";
export {
  parseMessage,
  printMessage,
  type ParseResult,
} from "./parse/parse-message.js";
export type { MessagePart, Placeholder } from "./parse/message-ast.js";
export type { Mf2Entry } from "./catalogs/catalog.js";
export {
  compileMf2,
  type Mf2CompileResult,
  type Mf2SyntaxError,
} from "./mf2/compile-mf2.js";
export {
  mf2Functions,
  mf2Selectors,
  mf2Variables,
  mf2Variants,
  type Mf2Key,
  type Mf2Position,
  type Mf2Selector,
  type Mf2Variant,
} from "./mf2/mf2-summary.js";
export {
  InvalidLocaleError,
  resolveLocale,
  type LocaleSettings,
  type ResolvedLocale,
} from "./locales/locale-settings.js";
export {
  normalizeVsphereLocale,
  toBcp47,
  toVsphereLocale,
} from "./locales/locale-tag.js";
export { negotiateMessageLocale } from "./locales/negotiate.js";
export {
  buildBundles,
  MANIFEST_PATH,
  type BuildOptions,
  type BuildResult,
} from "./bundle/build-bundles.js";
export { writeBundles } from "./bundle/write-bundles.js";
export type {
  Bundle,
  CompiledMessage,
  Manifest,
  ManifestEntry,
} from "./browser/bundle-format.js";
export type { LocalizedTaskInfo } from "./render/render-task-info.js";
export { decodeViJson } from "./vsphere/vi-json.js";
export type {
  KeyAnyValue,
  LocalizableMessage,
  LocalizedMethodFault,
  ManagedObjectReference,
  TaskInfo,
  TaskInfoState,
  TaskReason,
} from "./vsphere/types.js";
export { DEFAULT_LIMITS, resolveLimits, type Limits } from "./limits.js";
