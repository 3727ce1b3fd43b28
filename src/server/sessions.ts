/**
 * Logged-in sessions, ended by `Logout` or after an idle timeout. A session
 * has two identifiers: `id`, the secret a client sends in the
 * `vmware-api-session-id` header, and `key`, the public `UserSession.key`
 * that logs and other users may see.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Session } from "../engine/session.js";

/** A user as the server authorizes it. */
export interface AuthorizedUser {
  userName: string;
  fullName: string;
  privileges: ReadonlySet<string>;
}

export interface ServerSession {
  readonly id: string;
  readonly key: string;
  readonly user: AuthorizedUser;
  readonly loginTime: Date;
  lastActiveTime: Date;
  /** The locale as the client last requested it; undefined means the default. */
  requestedLocale: string | undefined;
  ipAddress: string;
  userAgent: string;
  callCount: number;
  /** The rendering session for the catalogs of one catalog generation. */
  rendering?: { generation: number; session: Session };
}

export interface SessionStoreOptions {
  idleTimeoutMs: number;
  /** Called for each session that expires, for logging. */
  onExpire?: (session: ServerSession) => void;
  now?: () => number;
}

export class SessionStore {
  private readonly sessions = new Map<string, ServerSession>();
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
    // Lookups already reject expired sessions; the sweep frees their memory.
    const interval = Math.min(Math.max(options.idleTimeoutMs, 1000), 60_000);
    this.sweeper = setInterval(() => this.sweep(), interval);
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  create(
    user: AuthorizedUser,
    requestedLocale: string | undefined,
    client: { ipAddress: string; userAgent: string },
  ): ServerSession {
    const time = new Date(this.now());
    const session: ServerSession = {
      // 256 random bits; the id is a bearer secret.
      id: randomBytes(32).toString("hex"),
      key: randomUUID(),
      user,
      loginTime: time,
      lastActiveTime: time,
      requestedLocale,
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      callCount: 0,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Finds a live session and marks it active; an expired one is removed. */
  use(id: string): ServerSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.isExpired(session)) {
      this.expire(session);
      return undefined;
    }
    session.lastActiveTime = new Date(this.now());
    session.callCount++;
    return session;
  }

  /** Finds a live session without marking it active. */
  peek(id: string): ServerSession | undefined {
    const session = this.sessions.get(id);
    return session && !this.isExpired(session) ? session : undefined;
  }

  remove(session: ServerSession): void {
    this.sessions.delete(session.id);
  }

  /** Removes every expired session. */
  sweep(): void {
    for (const session of this.sessions.values()) {
      if (this.isExpired(session)) this.expire(session);
    }
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.sessions.clear();
  }

  private isExpired(session: ServerSession): boolean {
    return (
      this.now() - session.lastActiveTime.getTime() >=
      this.options.idleTimeoutMs
    );
  }

  private expire(session: ServerSession): void {
    this.sessions.delete(session.id);
    this.options.onExpire?.(session);
  }
}

/** Shortens a session id for logs, which must never carry the whole secret. */
export function redactSessionId(id: string): string {
  return `${id.slice(0, 6)}...`;
}
