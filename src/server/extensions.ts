/**
 * Registered extensions: their task types, for `CreateTask`, and their
 * resources, which `CatalogState` merges over the base catalogs.
 */
import type { Catalog } from "../catalogs/catalog.js";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { resourcesToCatalogs } from "../formats/extension/resources-to-catalogs.js";
import type { ExtensionCatalogs } from "./catalog-layers.js";
import { invalidArgument } from "./faults.js";
import { dateTime } from "./wire.js";

/** The `Extension` data object as the request schema admits it. */
export interface ExtensionInput {
  key: string;
  description: { label: string; summary: string };
  taskList?: { taskID: string }[];
  resourceList?: {
    locale: string;
    module: string;
    data: { key: string; value: string }[];
  }[];
  lastHeartbeatTime?: string;
  [property: string]: unknown;
}

export interface RegisteredExtension {
  key: string;
  /** The Extension in VI/JSON form, as `FindExtension` returns it. */
  wire: Record<string, unknown>;
  taskTypes: string[];
  catalogs: Catalog[];
}

export class ExtensionRegistry {
  private readonly extensions = new Map<string, RegisteredExtension>();

  get(key: string): RegisteredExtension | undefined {
    return this.extensions.get(key);
  }

  /** Extensions in registration order; an update keeps an extension's place. */
  list(): RegisteredExtension[] {
    return [...this.extensions.values()];
  }

  hasTaskType(taskTypeId: string): boolean {
    return this.list().some((extension) =>
      extension.taskTypes.includes(taskTypeId),
    );
  }

  taskTypes(): string[] {
    return this.list().flatMap((extension) => extension.taskTypes);
  }

  /** Adds or replaces an extension that `prepare` checked. */
  put(extension: RegisteredExtension): void {
    this.extensions.set(extension.key, extension);
  }

  remove(key: string): boolean {
    return this.extensions.delete(key);
  }

  layers(): ExtensionCatalogs[] {
    return this.list().map((extension) => ({
      extensionKey: extension.key,
      catalogs: extension.catalogs,
    }));
  }

  /**
   * Checks an extension and converts its resources without changing the
   * registry, so a rejected call leaves no trace. Raises `InvalidArgument`
   * naming the property at fault.
   */
  prepare(input: ExtensionInput, now: Date): RegisteredExtension {
    const taskTypes = (input.taskList ?? []).map((task) => task.taskID);
    this.checkTaskTypes(input.key, taskTypes);

    const conversion = resourcesToCatalogs(input.resourceList ?? []);
    const [first] = conversion.diagnostics;
    if (first) {
      const more = conversion.diagnostics.length - 1;
      throw invalidArgument(
        "extension.resourceList",
        `The extension's resourceList is invalid: ${formatDiagnostic(first)}${more > 0 ? ` (and ${more} more)` : ""}`,
      );
    }

    return {
      key: input.key,
      wire: encodeExtension(input, now),
      taskTypes,
      catalogs: conversion.catalogs,
    };
  }

  private checkTaskTypes(key: string, taskTypes: readonly string[]): void {
    const seen = new Set<string>();
    for (const taskType of taskTypes) {
      if (taskType === "") {
        throw invalidArgument(
          "extension.taskList",
          "A taskID in taskList is empty; give each task type a key such as com.example.backup.run",
        );
      }
      if (seen.has(taskType)) {
        throw invalidArgument(
          "extension.taskList",
          `Task type '${taskType}' is listed twice in taskList; list it once`,
        );
      }
      seen.add(taskType);
      const owner = this.list().find(
        (extension) =>
          extension.key !== key && extension.taskTypes.includes(taskType),
      );
      if (owner) {
        throw invalidArgument(
          "extension.taskList",
          `Task type '${taskType}' is already declared by extension '${owner.key}'; choose a task type id under your own extension key`,
        );
      }
    }
  }
}

/** Encodes the Extension with `_typeName` on the objects this server reads. */
function encodeExtension(
  input: ExtensionInput,
  now: Date,
): Record<string, unknown> {
  const wire: Record<string, unknown> = { _typeName: "Extension", ...input };
  wire["description"] = {
    _typeName: "Description",
    label: input.description.label,
    summary: input.description.summary,
  };
  if (input.taskList) {
    wire["taskList"] = input.taskList.map((task) => ({
      _typeName: "ExtensionTaskTypeInfo",
      taskID: task.taskID,
    }));
  }
  if (input.resourceList) {
    wire["resourceList"] = input.resourceList.map((resource) => ({
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
  wire["lastHeartbeatTime"] = input.lastHeartbeatTime ?? dateTime(now);
  return wire;
}
