/**
 * Tasks created with `TaskManager.CreateTask`, keyed `task-1`, `task-2`, ...
 * Keys come from a counter that only synchronous code advances, so
 * concurrent requests never share one.
 *
 * The store keeps at most `maxTasks` tasks. At the bound, a new task
 * replaces the task that finished (reached `success` or `error`) longest
 * ago. An unfinished task is never dropped, because its extension still
 * drives it, so when every stored task is unfinished `create` stores
 * nothing and the caller faults.
 */
import type { TaskInfoState } from "../vsphere/types.js";
import type { StoredMessage } from "./wire.js";

export interface StoredFault {
  /** The `MethodFault` as the client sent it, in wire form. */
  fault: Record<string, unknown>;
  localizedMessage?: string;
  /** Message locale of the session that set it: the language of `localizedMessage`. */
  locale: string;
}

export interface StoredTask {
  key: string;
  descriptionId: string;
  entity: { type: string; value: string };
  state: TaskInfoState;
  cancelled: boolean;
  cancelable: boolean;
  description?: StoredMessage;
  error?: StoredFault;
  /** The result in wire form (`any`). */
  result?: unknown;
  progress?: number;
  /** `TaskReasonUser.userName`: the caller, or `initiatedBy`. */
  reasonUserName: string;
  /** The user whose session created the task. */
  createdBy: string;
  queueTime: Date;
  startTime?: Date;
  completeTime?: Date;
  eventChainId: number;
  parentTaskKey?: string;
  rootTaskKey?: string;
  activationId?: string;
}

export type NewTask = Omit<
  StoredTask,
  "key" | "eventChainId" | "state" | "cancelled" | "queueTime"
>;

/** vCenter lists at most 200 recent tasks. */
const RECENT_TASK_LIMIT = 200;

export class TaskStore {
  private readonly tasks = new Map<string, StoredTask>();
  /** Keys of the stored finished tasks, in the order they finished. */
  private readonly finished = new Set<string>();
  private nextKey = 1;
  private nextEventChainId = 1;

  constructor(readonly maxTasks: number) {}

  get size(): number {
    return this.tasks.size;
  }

  /** The number of stored tasks that have not finished. */
  get unfinishedCount(): number {
    return this.tasks.size - this.finished.size;
  }

  get(key: string): StoredTask | undefined {
    return this.tasks.get(key);
  }

  /**
   * Stores a new queued task; the caller has checked every argument.
   * Returns undefined, storing nothing and using no key, when the store
   * contains `maxTasks` tasks and none of them has finished.
   */
  create(fields: NewTask, now: Date): StoredTask | undefined {
    if (!this.makeRoom()) return undefined;
    const task: StoredTask = {
      ...fields,
      key: `task-${this.nextKey++}`,
      eventChainId: this.nextEventChainId++,
      state: "queued",
      cancelled: false,
      queueTime: now,
    };
    this.tasks.set(task.key, task);
    return task;
  }

  /**
   * Records a state change; call it after changing `task.state`. A task
   * that reached `success` or `error` may be dropped from then on.
   */
  stateChanged(task: StoredTask): void {
    if (isFinished(task) && this.tasks.get(task.key) === task) {
      this.finished.add(task.key);
    }
  }

  /** Returns the most recently created tasks, oldest first. */
  recent(): StoredTask[] {
    return [...this.tasks.values()].slice(-RECENT_TASK_LIMIT);
  }

  /** Drops the tasks that finished longest ago until one more task fits. */
  private makeRoom(): boolean {
    while (this.tasks.size >= this.maxTasks) {
      const oldest = this.finished.values().next();
      if (oldest.done) return false;
      this.finished.delete(oldest.value);
      this.tasks.delete(oldest.value);
    }
    return true;
  }
}

export function isFinished(task: StoredTask): boolean {
  return task.state === "success" || task.state === "error";
}
