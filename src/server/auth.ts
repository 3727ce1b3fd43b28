/**
 * Authentication of requests. A caller presents one of:
 * - `vmware-api-session-id: <id>`, the id `SessionManager.Login` returned;
 * - `Authorization: Session <id>`, or `Authorization: <id>` with no scheme;
 * - `Authorization: Basic <base64 of user:password>`, checked on each
 *   request without creating a session.
 * Passwords are checked with scrypt, a few at a time (password-checks.ts),
 * and a user name with repeated failures is paused (login-backoff.ts). A
 * successful Basic check is remembered for a while as an HMAC of the
 * credentials under a per-process key, so a client sending Basic on every
 * call does not pay for scrypt each time.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { UserConfig } from "./config.js";
import { invalidLogin, passwordChecksBusy, VimFault } from "./faults.js";
import { LoginBackoff } from "./login-backoff.js";
import {
  PasswordChecks,
  PasswordChecksBusyError,
  type PasswordCheckLimits,
} from "./password-checks.js";
import {
  DEFAULT_SCRYPT,
  scryptWork,
  verifyPassword,
  type ParsedHash,
} from "./passwords.js";
import { expandPrivileges } from "./privileges.js";
import { RepeatedLog } from "./repeat-log.js";
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

export interface AuthenticatorOptions {
  /** How long a successful Basic check is remembered, in milliseconds. */
  basicCacheMs: number;
  passwordChecks: PasswordCheckLimits;
  log: FastifyBaseLogger;
}

export class Authenticator {
  /** The semaphore every password check goes through. */
  readonly passwordChecks: PasswordChecks;
  /**
   * The hash an unknown user name is checked against: random bytes no
   * password matches, with the costliest parameters of any configured
   * user, so an unknown name takes as long as the slowest known one.
   */
  readonly unknownUserHash: ParsedHash;
  private readonly users = new Map<string, UserEntry>();
  private readonly cacheKey = randomBytes(32);
  /** Expiry times of remembered Basic credentials, keyed by their HMAC. */
  private readonly basicCache = new Map<string, number>();
  private readonly backoff = new LoginBackoff();
  private readonly repeatedLog = new RepeatedLog();
  private readonly basicCacheMs: number;
  private readonly log: FastifyBaseLogger;

  constructor(
    users: readonly UserConfig[],
    private readonly sessions: SessionStore,
    options: AuthenticatorOptions,
  ) {
    this.basicCacheMs = options.basicCacheMs;
    this.log = options.log;
    this.passwordChecks = new PasswordChecks(options.passwordChecks);
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
    let costliest: ParsedHash | undefined;
    for (const user of users) {
      if (!costliest || scryptWork(user.password) > scryptWork(costliest)) {
        costliest = user.password;
      }
    }
    const { costLog2, blockSize, parallelization } =
      costliest ?? DEFAULT_SCRYPT;
    this.unknownUserHash = {
      costLog2,
      blockSize,
      parallelization,
      salt: randomBytes(16),
      hash: randomBytes(costliest?.hash.length ?? 32),
    };
  }

  get userCount(): number {
    return this.users.size;
  }

  /**
   * Reports whether the configured users have different scrypt parameters,
   * in which case a failed login for a known name can take less time than
   * one for an unknown name.
   */
  get hasMixedScryptParameters(): boolean {
    const kinds = new Set(
      [...this.users.values()].map(
        ({ password: p }) =>
          `${p.costLog2},${p.blockSize},${p.parallelization}`,
      ),
    );
    return kinds.size > 1;
  }

  /**
   * Checks a user name and password; undefined when either is wrong.
   * Raises `InvalidLogin` while the name's logins are paused after repeated
   * failures, and `SystemError` (HTTP 503) when too many checks are waiting.
   */
  async login(
    userName: string,
    password: string,
  ): Promise<AuthorizedUser | undefined> {
    this.rejectWhilePaused(userName);
    const entry = this.users.get(userName);
    let matches: boolean;
    try {
      matches = await this.passwordChecks.run(() => {
        // Checked again, because the name may have been paused while this
        // check waited for a slot.
        this.rejectWhilePaused(userName);
        // An unknown name is hashed too, so the response time does not
        // reveal which names exist.
        return verifyPassword(
          password,
          entry?.password ?? this.unknownUserHash,
        );
      });
    } catch (error) {
      if (error instanceof PasswordChecksBusyError) {
        const notLogged = this.repeatedLog.admit("password checks busy");
        if (notLogged !== undefined) {
          this.log.warn(
            {
              userName,
              maxConcurrent: error.limits.maxConcurrent,
              maxQueued: error.limits.maxQueued,
              rejectedSoFar: this.passwordChecks.rejected,
              repeatsNotLogged: notLogged,
            },
            "password check rejected: too many password checks are waiting",
          );
        }
        throw passwordChecksBusy(error.limits);
      }
      throw error;
    }
    if (entry && matches) {
      this.backoff.recordSuccess(userName);
      return entry.user;
    }
    const { failures, pauseMs } = this.backoff.recordFailure(userName);
    const notLogged =
      pauseMs > 0 ? this.repeatedLog.admit("logins paused") : undefined;
    if (notLogged !== undefined) {
      this.log.warn(
        {
          userName,
          failures,
          pauseSeconds: pauseMs / 1000,
          repeatsNotLogged: notLogged,
        },
        "logins for this user name are paused after repeated failures",
      );
    }
    return undefined;
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

  /** Raises `InvalidLogin` without a password check while the name is paused. */
  private rejectWhilePaused(userName: string): void {
    const pauseLeft = this.backoff.pauseLeft(userName);
    if (pauseLeft === 0) return;
    const seconds = Math.ceil(pauseLeft / 1000);
    const notLogged = this.repeatedLog.admit(`paused ${userName}`);
    if (notLogged !== undefined) {
      this.log.info(
        { userName, retryAfterSeconds: seconds, repeatsNotLogged: notLogged },
        "login rejected without a password check: the user name is paused after repeated failures",
      );
    }
    const fault = new VimFault(
      "InvalidLogin",
      `Cannot complete login: too many failed logins for user name '${userName}' in a row; try again in ${seconds} s.`,
    );
    fault.retryAfterSeconds = seconds;
    throw fault;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
