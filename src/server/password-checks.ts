/**
 * A semaphore for password checks. One scrypt check with the default
 * parameters needs 128 MiB and about half a second of one core, so a flood
 * of wrong passwords would otherwise take all memory and CPU and stall every
 * other login. At most `maxConcurrent` checks run at once, and at most
 * `maxQueued` wait in arrival order. A check beyond that is rejected at
 * once with `PasswordChecksBusyError`.
 */
import { availableParallelism } from "node:os";

/** libuv's default thread pool size, which runs scrypt and file reads. */
const DEFAULT_UV_THREADPOOL_SIZE = 4;

/** Waiting checks allowed per concurrent check. */
const QUEUED_PER_CONCURRENT = 8;

export interface PasswordCheckLimits {
  maxConcurrent: number;
  maxQueued: number;
}

/**
 * Returns the default limits: one check per CPU core, but at most one less
 * than libuv's thread pool size, so password checks leave a pool thread
 * free for file reads.
 */
export function defaultPasswordCheckLimits(): PasswordCheckLimits {
  const pool =
    Number(process.env["UV_THREADPOOL_SIZE"]) || DEFAULT_UV_THREADPOOL_SIZE;
  const maxConcurrent = Math.max(1, Math.min(availableParallelism(), pool - 1));
  return { maxConcurrent, maxQueued: maxConcurrent * QUEUED_PER_CONCURRENT };
}

/** Raised when `maxQueued` checks are already waiting. */
export class PasswordChecksBusyError extends Error {
  constructor(readonly limits: PasswordCheckLimits) {
    super(
      `${limits.maxConcurrent} password checks are running and ${limits.maxQueued} are waiting`,
    );
    this.name = "PasswordChecksBusyError";
  }
}

export class PasswordChecks {
  /** Checks running now. */
  active = 0;
  /** The maximum number of checks that ran at once so far. */
  peakActive = 0;
  /** Checks that have finished, whatever their outcome. */
  completed = 0;
  /** Checks rejected because the queue was full. */
  rejected = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limits: PasswordCheckLimits) {}

  /** Checks waiting for a free slot now. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `check` when a slot is free; raises PasswordChecksBusyError when the queue is full. */
  async run<T>(check: () => Promise<T>): Promise<T> {
    if (this.active >= this.limits.maxConcurrent) {
      if (this.queue.length >= this.limits.maxQueued) {
        this.rejected++;
        throw new PasswordChecksBusyError(this.limits);
      }
      // release() hands its slot over, so `active` stays counted.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    this.peakActive = Math.max(this.peakActive, this.active);
    try {
      return await check();
    } finally {
      this.completed++;
      this.release();
    }
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
