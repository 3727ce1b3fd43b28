/**
 * `TaskManager.description` for a session: the label and summary of every
 * task type (the `task` catalog's `<id>.label` and `.summary`, plus the
 * task types of registered extensions), task states and task reasons, in
 * the session's message locale. A missing text shows the key's last
 * segment, as vCenter does.
 */
import type { CatalogSet } from "../catalogs/catalog.js";
import type { Session } from "../engine/session.js";
import { lastSegment } from "../render/render-task-info.js";
import { TASK_STATES } from "../vsphere/types.js";
import { elementDescription, type WireElementDescription } from "./wire.js";

const TASK_REASONS = [
  "TaskReasonUser",
  "TaskReasonSystem",
  "TaskReasonAlarm",
  "TaskReasonSchedule",
];

export interface WireTaskDescription {
  _typeName: "TaskDescription";
  methodInfo: WireElementDescription[];
  state: WireElementDescription[];
  reason: WireElementDescription[];
}

/** Builds the description; callers cache it per catalog generation and locale chain. */
export function describeTasks(
  session: Session,
  catalogs: CatalogSet,
  extensionTaskTypes: readonly string[],
): WireTaskDescription {
  const chain = session.localeChain;
  const ids = new Set(extensionTaskTypes);
  for (const locale of chain) {
    const catalog = catalogs.get(locale, "task");
    if (!catalog) continue;
    for (const key of catalog.entries.keys()) {
      const match = /^(.+)\.(label|summary)$/.exec(key);
      if (match) ids.add(match[1]!);
    }
  }
  const describe = (catalog: string, prefix: string, id: string) => {
    const read = (field: "label" | "summary") =>
      elementText(session, catalogs, catalog, `${prefix}${id}.${field}`) ??
      lastSegment(id);
    return elementDescription(id, read("label"), read("summary"));
  };

  return {
    _typeName: "TaskDescription",
    methodInfo: [...ids].sort().map((id) => describe("task", "", id)),
    state: TASK_STATES.map((state) =>
      describe("enum", "TaskInfo.State.", state),
    ),
    reason: TASK_REASONS.map((reason) =>
      describe("enum", "TaskReason.", reason),
    ),
  };
}

/** Renders one catalog text with no arguments, or returns undefined when no locale has it. */
function elementText(
  session: Session,
  catalogs: CatalogSet,
  catalog: string,
  key: string,
): string | undefined {
  const found = catalogs.lookup(session.localeChain, catalog, key);
  if (!found) return undefined;
  // NOTE: MessageFormat 2 texts are returned as written; labels and
  // summaries have no arguments to format.
  if (found.entry.mf2) return found.entry.text;
  return session.formatTemplate(found.entry.text, []);
}
