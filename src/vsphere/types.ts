/** The vSphere data objects locmsg reads and writes, in plain (decoded) form. */

export interface KeyAnyValue {
  key: string;
  value: unknown;
}

/** `vim.LocalizableMessage`: a catalog key, its arguments and the server's text. */
export interface LocalizableMessage {
  key: string;
  arg?: KeyAnyValue[];
  message?: string;
}

export interface ManagedObjectReference {
  type: string;
  value: string;
}

export type TaskInfoState = "queued" | "running" | "success" | "error";

export interface TaskReason {
  /** `TaskReasonUser`, `TaskReasonSystem`, `TaskReasonAlarm` or `TaskReasonSchedule`. */
  _typeName: string;
  userName?: string;
  alarmName?: string;
  scheduledTaskName?: string;
  entityName?: string;
}

/** `vim.LocalizedMethodFault`. */
export interface LocalizedMethodFault {
  fault: { _typeName?: string; [property: string]: unknown };
  localizedMessage?: string;
}

export interface TaskInfo {
  key: string;
  task?: ManagedObjectReference;
  description?: LocalizableMessage;
  name?: string;
  descriptionId: string;
  entity?: ManagedObjectReference;
  entityName?: string;
  locked?: ManagedObjectReference[];
  state: TaskInfoState;
  cancelled?: boolean;
  cancelable?: boolean;
  error?: LocalizedMethodFault;
  result?: unknown;
  progress?: number;
  reason?: TaskReason;
  queueTime?: Date | string;
  startTime?: Date | string;
  completeTime?: Date | string;
  eventChainId?: number;
  changeTag?: string;
  parentTaskKey?: string;
  rootTaskKey?: string;
  activationId?: string;
}

export const TASK_STATES: readonly TaskInfoState[] = [
  "queued",
  "running",
  "success",
  "error",
];
