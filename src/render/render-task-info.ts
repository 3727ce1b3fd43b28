import type { TaskInfo } from "../vsphere/types.js";
import type { MessageArgument } from "../vsphere/localizable-message.js";
import { readMessageInput } from "../vsphere/localizable-message.js";
import { BUILT_IN_MESSAGES } from "./built-in-messages.js";
import { renderDiagnostic, type RenderContext } from "./render-context.js";
import { renderMessage } from "./render-message.js";
import { renderEntry } from "./render-entry.js";
import { renderParts } from "./render-parts.js";

/** The fields of a TaskInfo as a session's user reads them. */
export interface LocalizedTaskInfo {
  key: string;
  /** Label of `descriptionId` from the `task` catalog. */
  name: string;
  summary: string;
  /** `description` rendered in the message locale. */
  description?: string;
  entityName?: string;
  /** Label of `state` from the `enum` catalog. */
  state: string;
  stateSummary: string;
  reason?: string;
  /** Formatted percentage, only while running. */
  progress?: string;
  queueTime?: string;
  startTime?: string;
  completeTime?: string;
  cancelled: boolean;
  /** The error's `localizedMessage`, or the fault type's summary when that is empty. */
  error?: string;
  /** All of the above on one line, fields separated by ` | `. */
  line: string;
}

/** Returns the last dotted segment of a key, which vSphere shows for a missing label. */
export function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf(".") + 1) || key;
}

/** Turns a fault type name into words: `InvalidArgument` -> `Invalid argument`. */
export function humanizeTypeName(typeName: string): string {
  const words = typeName
    .replace(/^(vim\.fault\.|vmodl\.fault\.)/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]{2,})([A-Z][a-z])/g, "$1 $2")
    .split(" ");
  return words
    .map((word, index) =>
      index > 0 && !/^[A-Z0-9]+$/.test(word) ? word.toLowerCase() : word,
    )
    .join(" ");
}

/** Renders a `locmsg` message the engine itself uses, with named arguments. */
function renderEngineMessage(
  key: string,
  values: Record<string, string>,
  context: RenderContext,
): string {
  const args: MessageArgument[] = Object.entries(values).map(
    ([name, value]) => ({
      key: name,
      value,
    }),
  );
  const found = context.catalogs.lookup(context.chain, "locmsg", key);
  if (found) {
    const origin = {
      key,
      catalog: "locmsg",
      locale: found.locale,
      entry: found.entry,
    };
    return renderEntry(found.entry, { args, stack: [key], origin }, context);
  }
  const parts = BUILT_IN_MESSAGES.get(key) ?? [key];
  const origin = { key, catalog: "locmsg" };
  return renderParts(parts, { args, stack: [key], origin }, context);
}

/** Reads `<key>.label` or `.summary`; a missing one is the key's last segment. */
function describedElement(
  catalog: string,
  id: string,
  field: "label" | "summary",
  context: RenderContext,
): string {
  const key = `${id}.${field}`;
  const found = context.catalogs.lookup(context.chain, catalog, key);
  if (found) {
    const origin = { key, catalog, locale: found.locale, entry: found.entry };
    return renderEntry(
      found.entry,
      { args: [], stack: [key], origin },
      context,
    );
  }
  context.report(
    renderDiagnostic(
      "missing-label",
      "warning",
      `no '${key}' in catalog '${catalog}' (locales ${context.chain.join(", ")}); showing '${lastSegment(id)}'. Add the ${field} to the catalog`,
      { key, catalog },
    ),
  );
  return lastSegment(id);
}

function formatTime(value: Date | string | undefined, context: RenderContext) {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return context.formatters.dateTime.format(date);
}

function renderReason(
  task: TaskInfo,
  context: RenderContext,
): string | undefined {
  const reason = task.reason;
  if (!reason) return undefined;
  const label = describedElement(
    "enum",
    `TaskReason.${reason._typeName}`,
    "label",
    context,
  );
  const details = [
    ["locmsg.taskInfo.reasonUser", "userName", reason.userName],
    ["locmsg.taskInfo.reasonAlarm", "alarmName", reason.alarmName],
    [
      "locmsg.taskInfo.reasonSchedule",
      "scheduledTaskName",
      reason.scheduledTaskName,
    ],
  ] as const;
  for (const [key, argument, value] of details) {
    if (value === undefined) continue;
    return renderEngineMessage(
      key,
      { reason: label, [argument]: value },
      context,
    );
  }
  return label;
}

function renderError(
  task: TaskInfo,
  context: RenderContext,
): string | undefined {
  const error = task.error;
  if (!error) return undefined;
  if (
    typeof error.localizedMessage === "string" &&
    error.localizedMessage.trim() !== ""
  ) {
    return error.localizedMessage;
  }
  const typeName =
    typeof error.fault._typeName === "string"
      ? error.fault._typeName
      : "MethodFault";
  const found = context.catalogs.lookup(
    context.chain,
    "fault",
    `${typeName}.summary`,
  );
  if (found) {
    const origin = {
      key: `${typeName}.summary`,
      catalog: "fault",
      locale: found.locale,
      entry: found.entry,
    };
    return renderEntry(found.entry, { args: [], stack: [], origin }, context);
  }
  return humanizeTypeName(typeName);
}

function renderDescription(
  task: TaskInfo,
  context: RenderContext,
): string | undefined {
  if (!task.description) return undefined;
  const input = readMessageInput(task.description);
  if (typeof input === "string") {
    context.report(
      renderDiagnostic(
        "invalid-input",
        "error",
        `task '${task.key}' description: ${input}`,
        undefined,
      ),
    );
    return undefined;
  }
  return renderMessage(input, context);
}

/** Renders every user-facing field of a TaskInfo in the context's locales. */
export function renderTaskInfo(
  task: TaskInfo,
  context: RenderContext,
): LocalizedTaskInfo {
  const stateId = `TaskInfo.State.${task.state}`;
  const localized: LocalizedTaskInfo = {
    key: task.key,
    name: describedElement("task", task.descriptionId, "label", context),
    summary: describedElement("task", task.descriptionId, "summary", context),
    state: describedElement("enum", stateId, "label", context),
    stateSummary: describedElement("enum", stateId, "summary", context),
    cancelled: task.cancelled === true,
    line: "",
  };

  const optional = {
    description: renderDescription(task, context),
    entityName: task.entityName,
    reason: renderReason(task, context),
    progress:
      task.state === "running" && task.progress !== undefined
        ? context.formatters.percent.format(task.progress / 100)
        : undefined,
    queueTime: formatTime(task.queueTime, context),
    startTime: formatTime(task.startTime, context),
    completeTime: formatTime(task.completeTime, context),
    error: renderError(task, context),
  };
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined)
      (localized as unknown as Record<string, unknown>)[field] = value;
  }

  localized.line = composeLine(localized, context);
  return localized;
}

function composeLine(task: LocalizedTaskInfo, context: RenderContext): string {
  let state = task.state;
  if (task.progress !== undefined) {
    state = renderEngineMessage(
      "locmsg.taskInfo.progress",
      { state, percent: task.progress },
      context,
    );
  }
  const fields = [task.name, task.description, task.entityName, state];
  if (task.cancelled)
    fields.push(renderEngineMessage("locmsg.taskInfo.cancelled", {}, context));
  fields.push(task.reason);
  const times = [
    ["locmsg.taskInfo.queueTime", task.queueTime],
    ["locmsg.taskInfo.startTime", task.startTime],
    ["locmsg.taskInfo.completeTime", task.completeTime],
  ] as const;
  for (const [key, time] of times) {
    if (time !== undefined)
      fields.push(renderEngineMessage(key, { time }, context));
  }
  if (task.error !== undefined) {
    fields.push(
      renderEngineMessage(
        "locmsg.taskInfo.error",
        { error: task.error },
        context,
      ),
    );
  }
  return fields
    .filter((field) => field !== undefined && field !== "")
    .join(" | ");
}
