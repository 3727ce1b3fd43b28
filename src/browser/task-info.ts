/**
 * TaskInfo rendering, field by field as the server does it
 * (src/render/render-task-info.ts): labels from the `task` and `enum`
 * catalogs with the key's last segment when missing, times and progress
 * through `Intl`, and one line joined with ` | `.
 */
import { readMessage, renderMessage, unwrap } from "./format-value.js";
import { renderEntry, renderParts, toArguments } from "./render-parts.js";
import { dateFormat, intl, manifest, report } from "./render-state.js";

/**
 * The user-facing fields of a TaskInfo, as the server's `LocalizedTaskInfo`;
 * a field the task does not have is undefined.
 */
export interface BrowserTaskInfo {
  key: string;
  name: string;
  summary: string;
  description?: string | undefined;
  entityName?: string | undefined;
  state: string;
  stateSummary: string;
  reason?: string | undefined;
  /** Formatted percentage, only while running. */
  progress?: string | undefined;
  queueTime?: string | undefined;
  startTime?: string | undefined;
  completeTime?: string | undefined;
  cancelled: boolean;
  error?: string | undefined;
  line: string;
}

type Task = Record<string, any>;

/** `<id>.label` or `.summary` from a catalog; the id's last segment when missing. */
export function describe(catalog: string, id: string, field = "label"): string {
  const key = `${id}.${field}`;
  const text = renderEntry(catalog, key, [], [key]);
  if (text !== undefined) return text;
  report("missing-label", { key, catalog }, key, "warning");
  return id.split(".").pop() || id;
}

/**
 * Renders one of the engine's `locmsg.taskInfo.*` messages with named
 * arguments; the manifest's `builtIn` text when the catalogs lack it.
 */
function engineMessage(name: string, values: object = {}) {
  const key = `locmsg.taskInfo.${name}`;
  const args = toArguments(values);
  return (
    renderEntry("locmsg", key, args, [key]) ??
    renderParts(manifest.builtIn[key] ?? key, args, [key], {
      key,
      catalog: "locmsg",
    })
  );
}

/**
 * `InvalidArgument` -> `Invalid argument`, as the server's
 * `humanizeTypeName` words a fault type: a space goes after a lower-case
 * letter or digit followed by a capital, and after a run of capitals
 * followed by a capitalized word. Every word but the first is then
 * lower-cased unless it is all capitals and digits.
 */
export function humanize(type: string): string {
  return type
    .replace(/^(vim|vmodl)\.fault\./, "")
    .replace(/[a-z0-9](?=[A-Z])|[A-Z]{2,}(?=[A-Z][a-z])/g, "$& ")
    .replace(/ [^ ]*[^A-Z0-9 ][^ ]*/g, (word) => word.toLowerCase());
}

function renderReason(reason: Task | undefined) {
  if (!reason) return undefined;
  const label = describe("enum", `TaskReason.${reason["_typeName"]}`);
  for (const [name, argument] of manifest.taskInfo.reasons) {
    if (reason[argument] !== undefined) {
      return engineMessage(name, {
        reason: label,
        [argument]: reason[argument],
      });
    }
  }
  return label;
}

function renderError(error: Task | undefined) {
  if (!error) return undefined;
  const text = error["localizedMessage"];
  if (typeof text === "string" && text.trim()) return text;
  const type = error["fault"]["_typeName"];
  const name = typeof type === "string" ? type : "MethodFault";
  return renderEntry("fault", `${name}.summary`, [], []) ?? humanize(name);
}

function renderDescription(description: unknown) {
  if (!description) return undefined;
  const input = readMessage(description);
  if (input) return renderMessage(input);
  report("invalid-input", undefined, "description");
  return undefined;
}

/**
 * Renders a TaskInfo, plain or VI/JSON (its fields are unwrapped first). The
 * task is trusted to have the shape the server's `readTaskInfo` checks,
 * because it comes from the server.
 */
export function renderTask(wire: Task): BrowserTaskInfo {
  const task: Task = {};
  for (const name in wire) task[name] = unwrap(wire[name]);
  const stateId = `TaskInfo.State.${task["state"]}`;
  const times = manifest.taskInfo.times;
  const info: Task = {
    key: task["key"],
    name: describe("task", task["descriptionId"]),
    summary: describe("task", task["descriptionId"], "summary"),
    state: describe("enum", stateId),
    stateSummary: describe("enum", stateId, "summary"),
    cancelled: task["cancelled"] === true,
    description: renderDescription(task["description"]),
    entityName: task["entityName"],
    reason: renderReason(task["reason"]),
    progress:
      task["state"] === "running" && task["progress"] !== undefined
        ? intl(Intl.NumberFormat, { style: "percent" }).format(
            task["progress"] / 100,
          )
        : undefined,
  };
  for (const name of times) {
    if (task[name] !== undefined) {
      info[name] = dateFormat().format(new Date(task[name]));
    }
  }
  info["error"] = renderError(task["error"]);

  const fields = [
    info["name"],
    info["description"],
    info["entityName"],
    info["progress"] === undefined
      ? info["state"]
      : engineMessage("progress", {
          state: info["state"],
          percent: info["progress"],
        }),
    info["cancelled"] && engineMessage("cancelled"),
    info["reason"],
    ...times.map(
      (name) => info[name] && engineMessage(name, { time: info[name] }),
    ),
    info["error"] !== undefined &&
      engineMessage("error", { error: info["error"] }),
  ];
  info["line"] = fields.filter(Boolean).join(" | ");
  return info as BrowserTaskInfo;
}
