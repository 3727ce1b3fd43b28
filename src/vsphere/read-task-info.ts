import { TASK_STATES, type TaskInfo } from "./types.js";
import { decodeViJson, isRecord } from "./vi-json.js";
import { describeValue, preview } from "../render/describe-value.js";

const OPTIONAL_STRINGS = [
  "name",
  "entityName",
  "changeTag",
  "parentTaskKey",
  "rootTaskKey",
  "activationId",
] as const;

/** Writes a value for an error message: strings quoted, anything else bounded. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(preview(value));
  return describeValue(value, 100);
}

const TIME_FIELDS = ["queueTime", "startTime", "completeTime"] as const;

/**
 * Reads a TaskInfo (plain or VI/JSON) and checks the fields rendering relies
 * on. Returns a message naming the field and the fix when the value is not a
 * usable TaskInfo.
 */
export function readTaskInfo(
  input: unknown,
  where = "task",
): TaskInfo | string {
  const value = decodeViJson(input);
  if (!isRecord(value)) return `${where}: expected a TaskInfo object`;

  if (typeof value["key"] !== "string" || value["key"] === "") {
    return `${where}: 'key' must be a non-empty string such as "task-42"`;
  }
  const key = value["key"];
  if (typeof value["descriptionId"] !== "string") {
    return `${where} '${key}': 'descriptionId' must be a string such as "VirtualMachine.powerOn"`;
  }
  const state = value["state"];
  if (
    typeof state !== "string" ||
    !(TASK_STATES as readonly string[]).includes(state)
  ) {
    return `${where} '${key}': 'state' is ${show(state)}; use one of ${TASK_STATES.join(", ")}`;
  }

  for (const field of OPTIONAL_STRINGS) {
    if (value[field] !== undefined && typeof value[field] !== "string") {
      return `${where} '${key}': '${field}' must be a string`;
    }
  }
  for (const field of TIME_FIELDS) {
    const time = value[field];
    if (time === undefined || time instanceof Date) continue;
    if (typeof time !== "string" || Number.isNaN(new Date(time).getTime())) {
      return `${where} '${key}': '${field}' is ${show(time)}; use an ISO 8601 dateTime such as "2024-03-05T10:00:00Z"`;
    }
  }
  const progress = value["progress"];
  if (
    progress !== undefined &&
    (typeof progress !== "number" || !(progress >= 0 && progress <= 100))
  ) {
    const shown =
      typeof progress === "number"
        ? String(progress)
        : JSON.stringify(progress);
    return `${where} '${key}': 'progress' is ${shown}; use a number from 0 to 100`;
  }
  const reason = value["reason"];
  if (
    reason !== undefined &&
    (!isRecord(reason) || typeof reason["_typeName"] !== "string")
  ) {
    return `${where} '${key}': 'reason' needs a '_typeName' such as "TaskReasonUser"`;
  }
  const error = value["error"];
  if (error !== undefined && (!isRecord(error) || !isRecord(error["fault"]))) {
    return `${where} '${key}': 'error' must be a LocalizedMethodFault with a 'fault' object`;
  }

  return value as unknown as TaskInfo;
}
