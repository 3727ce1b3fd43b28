/** Conversion between YAML catalogs and a vSphere Extension's `resourceList`. */
export {
  readResourceDocument,
  type ExtensionResourceInfo,
  type KeyValue,
} from "./resource-info.js";
export {
  resourcesToCatalogs,
  type ResourceConversion,
} from "./resources-to-catalogs.js";
export {
  catalogsToResources,
  encodeResourcesViJson,
  moduleOf,
  type ResourceExportOptions,
  type ViJsonResourceInfo,
} from "./catalogs-to-resources.js";
