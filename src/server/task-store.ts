/**
 * Tasks created with `TaskManager.CreateTask`, keyed `task-1`, `task-2`, ...
 * Keys come from a counter that only synchronous code advances, so
 * concurrent requests never share one.
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
  private nextKey = 1;
  private nextEventChainId = 1;

  constructor(private readonly maxTasks: number) {}

  get size(): number {
    return this.tasks.size;
  }

  get(key: string): StoredTask | undefined {
    return this.tasks.get(key);
  }

  /** Stores a new queued task; the caller has checked every argument. */
  create(fields: NewTask, now: Date): StoredTask {
    const task: StoredTask = {
      ...fields,
      key: `task-${this.nextKey++}`,
      eventChainId: this.nextEventChainId++,
      state: "queued",
      cancelled: false,
      queueTime: now,
    };
    this.tasks.set(task.key, task);
    this.evict();
    return task;
  }

  /** Returns the most recently created tasks, oldest first. */
  recent(): StoredTask[] {
    return [...this.tasks.values()].slice(-RECENT_TASK_LIMIT);
  }

  /**
   * Drops the oldest finished tasks while more than `maxTasks` are stored.
   * NOTE: unfinished tasks are never dropped, so while none has finished the
   * store grows past `maxTasks` and each create scans every task.
   */
  private evict(): void {
    if (this.tasks.size <= this.maxTasks) return;
    for (const task of this.tasks.values()) {
      if (this.tasks.size <= this.maxTasks) return;
      if (task.state === "success" || task.state === "error") {
        this.tasks.delete(task.key);
      }
    }
  }
}

export function isFinished(task: StoredTask): boolean {
  return task.state === "success" || task.state === "error";
}
