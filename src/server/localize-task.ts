/**
 * TaskInfo as one session reads it: `description.message`, `entityName` and
 * `error.localizedMessage` rendered in the session's message locale, every
 * other field as stored. Encoded in VI/JSON.
 */
import type { CatalogSet } from "../catalogs/catalog.js";
import type { Session } from "../engine/session.js";
import { humanizeTypeName } from "../render/render-task-info.js";
import type { InventoryName } from "./config.js";
import type { StoredFault, StoredTask } from "./task-store.js";
import {
  dateTime,
  localizableMessage,
  moRef,
  withOptional,
  wrapAny,
} from "./wire.js";

/** Display names of inventory objects, from the configuration. */
export class Inventory {
  private readonly names = new Map<string, InventoryName>();

  constructor(entries: readonly InventoryName[]) {
    for (const entry of entries) {
      this.names.set(`${entry.type}:${entry.value}`, entry);
    }
  }

  /**
   * Returns the object's name in the session's locale: the `nameKey`
   * message when the catalogs have it, else the configured name. Without
   * an inventory entry there is no other name to give, so it is the MoRef
   * value, as vcsim does.
   */
  entityName(
    entity: { type: string; value: string },
    session: Session,
  ): string {
    const entry = this.names.get(`${entity.type}:${entity.value}`);
    if (!entry) return entity.value;
    if (entry.nameKey === undefined) return entry.name;
    return session.format({ key: entry.nameKey, message: entry.name });
  }
}

export function encodeTaskInfo(
  task: StoredTask,
  session: Session,
  catalogs: CatalogSet,
  inventory: Inventory,
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    _typeName: "TaskInfo",
    key: task.key,
    task: moRef("Task", task.key),
  };
  if (task.description) {
    wire["description"] = localizableMessage({
      ...task.description,
      message: session.format(task.description),
    });
  }
  return withOptional(wire, {
    descriptionId: task.descriptionId,
    entity: moRef(task.entity.type, task.entity.value),
    entityName: inventory.entityName(task.entity, session),
    state: task.state,
    cancelled: task.cancelled,
    cancelable: task.cancelable,
    error: task.error ? encodeFault(task.error, session, catalogs) : undefined,
    result: task.result === undefined ? undefined : wrapAny(task.result),
    progress: task.state === "running" ? task.progress : undefined,
    reason: { _typeName: "TaskReasonUser", userName: task.reasonUserName },
    queueTime: dateTime(task.queueTime),
    startTime: task.startTime ? dateTime(task.startTime) : undefined,
    completeTime: task.completeTime ? dateTime(task.completeTime) : undefined,
    eventChainId: task.eventChainId,
    parentTaskKey: task.parentTaskKey,
    rootTaskKey: task.rootTaskKey,
    activationId: task.activationId,
  });
}

/**
 * Chooses the fault text for a session, most specific first:
 * 1. the fault's own `faultMessage`, rendered in the session's locale;
 * 2. the stored `localizedMessage`, when the session reads the locale it was written in;
 * 3. the `fault` catalog's `<FaultType>.summary`;
 * 4. the stored text, in its other locale;
 * 5. the fault type in words.
 */
export function localizeFaultMessage(
  stored: StoredFault,
  session: Session,
  catalogs: CatalogSet,
): string {
  const faultMessages = stored.fault["faultMessage"];
  if (Array.isArray(faultMessages) && faultMessages.length > 0) {
    return faultMessages.map((message) => session.format(message)).join(" ");
  }
  const stated = stored.localizedMessage?.trim()
    ? stored.localizedMessage
    : undefined;
  if (stated !== undefined && stored.locale === session.messageLocale)
    return stated;

  const typeName =
    typeof stored.fault["_typeName"] === "string"
      ? stored.fault["_typeName"]
      : "MethodFault";
  const found = catalogs.lookup(
    session.localeChain,
    "fault",
    `${typeName}.summary`,
  );
  if (found) {
    return found.entry.mf2
      ? found.entry.text
      : session.formatTemplate(found.entry.text, []);
  }
  return stated ?? humanizeTypeName(typeName);
}

function encodeFault(
  stored: StoredFault,
  session: Session,
  catalogs: CatalogSet,
): Record<string, unknown> {
  return {
    _typeName: "LocalizedMethodFault",
    fault: stored.fault,
    localizedMessage: localizeFaultMessage(stored, session, catalogs),
  };
}
