/**
 * Authentication of requests. A caller presents one of:
 * - `vmware-api-session-id: <id>`, the id `SessionManager.Login` returned;
 * - `Authorization: Session <id>`, or `Authorization: <id>` with no scheme;
 * - `Authorization: Basic <base64 of user:password>`, checked on each
 *   request without creating a session.
 * Passwords are checked with scrypt. A successful Basic check is remembered
 * for a while as an HMAC of the credentials under a per-process key, so a
 * client sending Basic on every call does not pay for scrypt each time.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { UserConfig } from "./config.js";
import { invalidLogin } from "./faults.js";
import {
  DEFAULT_SCRYPT,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
  type ParsedHash,
} from "./passwords.js";
import { expandPrivileges } from "./privileges.js";
import type {
  AuthorizedUser,
  ServerSession,
  SessionStore,
} from "./sessions.js";

export interface Caller {
  user: AuthorizedUser;
  /** Set when the caller sent a session id; unset for Basic credentials. */
  session?: ServerSession;
}

interface UserEntry {
  user: AuthorizedUser;
  password: ParsedHash;
}

/** Maximum number of remembered Basic credentials, so the cache stays bounded. */
const BASIC_CACHE_LIMIT = 1000;

export class Authenticator {
  private readonly users = new Map<string, UserEntry>();
  private readonly cacheKey = randomBytes(32);
  /** Expiry times of remembered Basic credentials, keyed by their HMAC. */
  private readonly basicCache = new Map<string, number>();
  private dummyHash: Promise<ParsedHash> | undefined;

  constructor(
    users: readonly UserConfig[],
    private readonly sessions: SessionStore,
    private readonly basicCacheMs: number,
  ) {
    for (const user of users) {
      this.users.set(user.userName, {
        user: {
          userName: user.userName,
          fullName: user.fullName,
          privileges: expandPrivileges(user.privileges),
        },
        password: user.password,
      });
    }
  }

  get userCount(): number {
    return this.users.size;
  }

  /** Checks a user name and password; undefined when either is wrong. */
  async login(
    userName: string,
    password: string,
  ): Promise<AuthorizedUser | undefined> {
    const entry = this.users.get(userName);
    if (!entry) {
      // Hash anyway, so the response time does not reveal which names exist.
      await verifyPassword(password, await this.dummy());
      return undefined;
    }
    return (await verifyPassword(password, entry.password))
      ? entry.user
      : undefined;
  }

  /**
   * Identifies the caller of a request. Returns undefined when it presents
   * no credentials or an unknown or expired session id; raises
   * `InvalidLogin` for wrong Basic credentials.
   */
  async authenticate(
    headers: Record<string, string | string[] | undefined>,
  ): Promise<Caller | undefined> {
    const sessionHeader = single(headers["vmware-api-session-id"]);
    if (sessionHeader !== undefined)
      return this.fromSession(sessionHeader.trim());

    const authorization = single(headers["authorization"])?.trim();
    if (authorization === undefined || authorization === "") return undefined;
    const [scheme = "", ...rest] = authorization.split(/\s+/);
    const credentials = rest.join(" ");
    if (scheme.toLowerCase() === "basic") return this.fromBasic(credentials);
    if (scheme.toLowerCase() === "session")
      return this.fromSession(credentials);
    if (rest.length === 0) return this.fromSession(scheme);
    return undefined;
  }

  private fromSession(id: string): Caller | undefined {
    const session = this.sessions.use(id);
    return session ? { user: session.user, session } : undefined;
  }

  private async fromBasic(encoded: string): Promise<Caller> {
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) throw invalidLogin();
    const userName = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);

    const digest = createHmac("sha256", this.cacheKey)
      .update(`${userName}\u0000${password}`)
      .digest("hex");
    const expires = this.basicCache.get(digest);
    const entry = this.users.get(userName);
    if (expires !== undefined && expires > Date.now() && entry) {
      return { user: entry.user };
    }

    const user = await this.login(userName, password);
    if (!user) throw invalidLogin();
    if (this.basicCache.size >= BASIC_CACHE_LIMIT) {
      const oldest = this.basicCache.keys().next().value;
      if (oldest !== undefined) this.basicCache.delete(oldest);
    }
    this.basicCache.set(digest, Date.now() + this.basicCacheMs);
    return { user };
  }

  private dummy(): Promise<ParsedHash> {
    this.dummyHash ??= (async () => {
      const [first] = this.users.values();
      const parameters = first?.password ?? DEFAULT_SCRYPT;
      const text = await hashPassword(
        randomBytes(16).toString("hex"),
        parameters,
      );
      return parsePasswordHash(text) as ParsedHash;
    })();
    return this.dummyHash;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
