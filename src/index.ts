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
  parseMessage,
  printMessage,
  type ParseResult,
} from "./parse/parse-message.js";
export type { MessagePart, Placeholder } from "./parse/message-ast.js";
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
