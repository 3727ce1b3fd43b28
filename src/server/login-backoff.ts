/**
 * Failure back-off per user name. After `BACKOFF_THRESHOLD` failed password
 * checks in a row for one name, logins for that name are rejected without a
 * check for a pause that doubles with each further failure, from 1 s up to
 * 30 s. This slows password guessing to about two attempts a minute per
 * name, and a flood of wrong passwords for one name costs no scrypt work.
 * Unknown names are tracked the same way, so the back-off does not reveal
 * which names exist. A successful check clears the name.
 */

export const BACKOFF_THRESHOLD = 5;
const FIRST_PAUSE_MS = 1000;
export const MAX_PAUSE_MS = 30_000;
/** A name's failures are forgotten this long after its last failure. */
const FORGET_AFTER_MS = 15 * 60 * 1000;
/** Names tracked at once; the name whose first failure is oldest is dropped beyond this. */
const MAX_TRACKED_NAMES = 10_000;

interface FailureState {
  failures: number;
  lastFailure: number;
  pausedUntil: number;
}

export class LoginBackoff {
  private readonly names = new Map<string, FailureState>();

  /** Returns the milliseconds left in the name's pause, or 0 when it may log in. */
  pauseLeft(userName: string, now = Date.now()): number {
    const state = this.current(userName, now);
    return state ? Math.max(0, state.pausedUntil - now) : 0;
  }

  /** Counts a failed check; returns the failures in a row and the pause they start (0 for none). */
  recordFailure(
    userName: string,
    now = Date.now(),
  ): { failures: number; pauseMs: number } {
    let state = this.current(userName, now);
    if (!state) {
      if (this.names.size >= MAX_TRACKED_NAMES) {
        const oldest = this.names.keys().next().value;
        if (oldest !== undefined) this.names.delete(oldest);
      }
      state = { failures: 0, lastFailure: now, pausedUntil: 0 };
      this.names.set(userName, state);
    }
    state.failures++;
    state.lastFailure = now;
    const over = state.failures - BACKOFF_THRESHOLD;
    const pauseMs =
      over < 0
        ? 0
        : Math.min(FIRST_PAUSE_MS * 2 ** Math.min(over, 30), MAX_PAUSE_MS);
    state.pausedUntil = now + pauseMs;
    return { failures: state.failures, pauseMs };
  }

  recordSuccess(userName: string): void {
    this.names.delete(userName);
  }

  private current(userName: string, now: number): FailureState | undefined {
    const state = this.names.get(userName);
    if (state && now - state.lastFailure > FORGET_AFTER_MS) {
      this.names.delete(userName);
      return undefined;
    }
    return state;
  }
}
