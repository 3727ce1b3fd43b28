/**
 * Rate limiting of repeated log lines. A client can make the server log one
 * line per bad connection or per rejected login, so lines of one kind are
 * logged at most `burst` times per interval. The rest are counted, and the
 * next logged line of that kind carries the count as `repeatsNotLogged`.
 */

/** Kinds tracked at once; the oldest kind is forgotten beyond this. */
const MAX_KINDS = 1000;

interface KindState {
  windowStart: number;
  logged: number;
  notLogged: number;
}

export class RepeatedLog {
  private readonly kinds = new Map<string, KindState>();

  constructor(
    private readonly intervalMs = 60_000,
    private readonly burst = 10,
  ) {}

  /**
   * Records one occurrence of `kind`. Returns the number of earlier
   * occurrences that were not logged when this one should be logged, or
   * undefined when it should only be counted.
   */
  admit(kind: string, now = Date.now()): number | undefined {
    let state = this.kinds.get(kind);
    if (!state) {
      if (this.kinds.size >= MAX_KINDS) {
        const oldest = this.kinds.keys().next().value;
        if (oldest !== undefined) this.kinds.delete(oldest);
      }
      state = { windowStart: now, logged: 0, notLogged: 0 };
      this.kinds.set(kind, state);
    }
    if (now - state.windowStart >= this.intervalMs) {
      state.windowStart = now;
      state.logged = 0;
    }
    if (state.logged >= this.burst) {
      state.notLogged++;
      return undefined;
    }
    state.logged++;
    const notLogged = state.notLogged;
    state.notLogged = 0;
    return notLogged;
  }
}
