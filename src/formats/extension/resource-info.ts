/**
 * The `resourceList` of a vSphere `Extension`: one `ExtensionResourceInfo`
 * per locale and module, each carrying the module's messages as `KeyValue`
 * pairs.
 */
import { decodeViJson, isRecord } from "../../vsphere/vi-json.js";

/** `vim.KeyValue`: one message of a resource. */
export interface KeyValue {
  key: string;
  value: string;
}

/** `vim.ExtensionResourceInfo`. */
export interface ExtensionResourceInfo {
  /** Locale in vSphere form, such as `de` or `zh_CN`. */
  locale: string;
  /** Module, such as `task` or `event`; locmsg loads it as the catalog of that name. */
  module: string;
  data: KeyValue[];
}

/**
 * Finds the resource list in a JSON document: either the list itself or a
 * whole `Extension` object with a `resourceList` property, in plain or
 * VI/JSON form. Returns a message naming the problem when it is neither.
 */
export function readResourceDocument(document: unknown): unknown[] | string {
  const decoded = decodeViJson(document);
  if (Array.isArray(decoded)) return decoded;
  if (!isRecord(decoded)) {
    return "expected a JSON array of ExtensionResourceInfo objects, or an Extension object with a 'resourceList' array";
  }
  const list = decoded["resourceList"];
  if (list === undefined) {
    return "the object has no 'resourceList'; pass an Extension object with a 'resourceList' array, or the array itself";
  }
  if (!Array.isArray(list)) {
    return "'resourceList' must be an array of ExtensionResourceInfo objects";
  }
  return list;
}
