/**
 * The state every route shares: configuration, catalogs, sessions, tasks
 * and extensions, plus the per-caller helpers built on them.
 */
import type { FastifyBaseLogger } from "fastify";
import type { CatalogSet } from "../catalogs/catalog.js";
import {
  formatDiagnostic,
  type Diagnostic,
} from "../diagnostics/diagnostic.js";
import type { Locmsg } from "../engine/locmsg.js";
import type { Session } from "../engine/session.js";
import { InvalidLocaleError } from "../locales/locale-settings.js";
import { Authenticator, type Caller } from "./auth.js";
import { CatalogBundles } from "./catalog-bundles.js";
import { CatalogState, type CatalogOverride } from "./catalog-layers.js";
import type { ServerConfig } from "./config.js";
import { ExtensionRegistry } from "./extensions.js";
import { Inventory } from "./localize-task.js";
import { defaultPasswordCheckLimits } from "./password-checks.js";
import { SessionStore, type ServerSession } from "./sessions.js";
import { describeTasks, type WireTaskDescription } from "./task-description.js";
import { TaskStore } from "./task-store.js";

/** Remembered Basic credentials stay valid this long at most. */
const MAX_BASIC_CACHE_MS = 5 * 60 * 1000;

/** A full task store is logged at most once in this interval; repeats are counted. */
const TASK_STORE_FULL_LOG_INTERVAL_MS = 60_000;

/** Diagnostics of one catalog reload logged one by one; the rest are counted. */
const LOGGED_RELOAD_DIAGNOSTICS = 20;

/** The outcome of `ServerContext.reloadCatalogs`. */
export interface ReloadOutcome {
  /** True when the new catalogs are in use. */
  replaced: boolean;
  diagnostics: Diagnostic[];
}

export class ServerContext {
  readonly state: CatalogState;
  readonly bundles: CatalogBundles;
  readonly sessions: SessionStore;
  readonly auth: Authenticator;
  readonly tasks: TaskStore;
  readonly extensions = new ExtensionRegistry();
  readonly inventory: Inventory;
  private defaultSession: { generation: number; session: Session } | undefined;
  private readonly descriptions = new Map<string, WireTaskDescription>();
  private descriptionGeneration = -1;
  /** The reload in progress; reloads run one after another. */
  private reloading: Promise<ReloadOutcome> | undefined;
  private taskStoreFull = { loggedAt: -Infinity, notLogged: 0 };

  constructor(
    readonly config: ServerConfig,
    catalogs: CatalogSet | Locmsg,
    readonly log: FastifyBaseLogger,
  ) {
    this.state = new CatalogState(
      catalogs,
      {
        defaultLocale: config.defaultLocale,
        ...(config.supportedLocaleList
          ? { supportedLocaleList: config.supportedLocaleList }
          : {}),
        limits: config.limits,
      },
      this.now(),
    );
    this.bundles = new CatalogBundles(this.state, config.defaultLocale, log);
    const idleTimeoutMs = config.sessionTimeoutSeconds * 1000;
    this.sessions = new SessionStore({
      idleTimeoutMs,
      onExpire: (session) =>
        log.info(
          { sessionKey: session.key, userName: session.user.userName },
          "session expired after the idle timeout",
        ),
    });
    this.auth = new Authenticator(config.users, this.sessions, {
      basicCacheMs: Math.min(idleTimeoutMs, MAX_BASIC_CACHE_MS),
      passwordChecks: defaultPasswordCheckLimits(),
      log,
    });
    if (this.auth.hasMixedScryptParameters) {
      log.warn(
        { dummyCostLog2: this.auth.unknownUserHash.costLog2 },
        "users have password hashes of different scrypt costs, so the time a failed login takes can tell a known user name from an unknown one; hash every password with the same parameters",
      );
    }
    this.tasks = new TaskStore(config.maxTasks);
    this.inventory = new Inventory(config.inventory);
  }

  now(): Date {
    return new Date();
  }

  /** Returns the rendering session of a caller: its session's locale, else the default locale. */
  rendering(caller: Caller | undefined): Session {
    const { generation } = this.state;
    const session = caller?.session;
    if (!session) {
      if (this.defaultSession?.generation !== generation) {
        this.defaultSession = {
          generation,
          session: this.state.engine.createSession(),
        };
      }
      return this.defaultSession.session;
    }
    if (session.rendering?.generation !== generation) {
      session.rendering = {
        generation,
        session: this.createRendering(session),
      };
    }
    return session.rendering.session;
  }

  /** `TaskManager.description` for a caller, cached per catalog generation and locale chain. */
  taskDescription(caller: Caller): WireTaskDescription {
    const session = this.rendering(caller);
    if (this.descriptionGeneration !== this.state.generation) {
      this.descriptions.clear();
      this.descriptionGeneration = this.state.generation;
    }
    const cacheKey = session.localeChain.join(",");
    let description = this.descriptions.get(cacheKey);
    if (!description) {
      description = describeTasks(
        session,
        this.state.engine.catalogs,
        this.extensions.taskTypes(),
      );
      this.descriptions.set(cacheKey, description);
    }
    return description;
  }

  /** Rebuilds the catalogs after the extensions changed and logs keys they override. */
  rebuildCatalogs(): void {
    const overrides = this.state.rebuild(this.extensions.layers(), this.now());
    const byExtension = new Map<string, CatalogOverride[]>();
    for (const override of overrides) {
      const list = byExtension.get(override.extensionKey) ?? [];
      list.push(override);
      byExtension.set(override.extensionKey, list);
    }
    for (const [extensionKey, list] of byExtension) {
      this.log.info(
        {
          extensionKey,
          count: list.length,
          keys: list
            .slice(0, 10)
            .map((o) => `${o.locale}/${o.catalog}/${o.key}`),
        },
        "extension resources override earlier catalog messages",
      );
    }
  }

  /**
   * Reads the base catalog folder again and, when the read has no error,
   * renders with the new catalogs, the extensions' resources merged over
   * them again. On an error the catalogs in use stay and the error is
   * logged. Calls made while a reload runs wait for it and then read the
   * folder once more, so the last call reads the latest files.
   */
  reloadCatalogs(trigger: string): Promise<ReloadOutcome> {
    const previous = this.reloading ?? Promise.resolve();
    const run = () => this.reloadOnce(trigger);
    const next = previous.then(run, run);
    this.reloading = next;
    const clear = () => {
      if (this.reloading === next) this.reloading = undefined;
    };
    next.then(clear, clear);
    return next;
  }

  /** Logs that CreateTask found the task store full of unfinished tasks, at most once a minute. */
  noteTaskStoreFull(): void {
    const now = Date.now();
    const full = this.taskStoreFull;
    if (now - full.loggedAt < TASK_STORE_FULL_LOG_INTERVAL_MS) {
      full.notLogged++;
      return;
    }
    this.log.warn(
      {
        maxTasks: this.tasks.maxTasks,
        unfinished: this.tasks.unfinishedCount,
        repeatsNotLogged: full.notLogged,
      },
      "task store is full of unfinished tasks; CreateTask is rejected until tasks finish",
    );
    full.loggedAt = now;
    full.notLogged = 0;
  }

  close(): void {
    this.sessions.close();
  }

  private async reloadOnce(trigger: string): Promise<ReloadOutcome> {
    const generation = this.state.generation;
    this.log.info({ trigger, generation }, "reloading catalogs");
    let result: ReloadOutcome;
    try {
      result = await this.state.reloadBase();
    } catch (error) {
      this.log.error(
        { err: error, trigger, generation },
        "catalog reload failed; keeping the previous catalogs",
      );
      return { replaced: false, diagnostics: [] };
    }
    const errors = result.diagnostics.filter(
      (diagnostic) => diagnostic.severity === "error",
    );
    const warnings = result.diagnostics.filter(
      (diagnostic) => diagnostic.severity !== "error",
    );
    if (!result.replaced) {
      this.log.error(
        {
          trigger,
          generation,
          errors: errors.length,
          diagnostics: describeDiagnostics(errors),
          reason:
            errors.length > 0
              ? "the catalog folder has errors"
              : "the catalog folder has no catalogs",
        },
        "catalog reload failed; keeping the previous catalogs",
      );
      return result;
    }
    this.rebuildCatalogs();
    if (warnings.length > 0) {
      this.log.warn(
        {
          trigger,
          generation: this.state.generation,
          warnings: warnings.length,
          diagnostics: describeDiagnostics(warnings),
        },
        "reloaded catalogs have warnings",
      );
    }
    this.log.info(
      {
        trigger,
        generation: this.state.generation,
        locales: this.state.base.locales(),
        extensions: this.extensions.list().length,
      },
      "catalogs reloaded",
    );
    return result;
  }

  private createRendering(session: ServerSession): Session {
    try {
      return this.state.engine.createSession(
        session.requestedLocale === undefined
          ? {}
          : { locale: session.requestedLocale },
      );
    } catch (error) {
      // The locale was valid at SetLocale; the catalogs that supported it
      // have since been unregistered, so the session falls back to the default.
      if (!(error instanceof InvalidLocaleError)) throw error;
      this.log.warn(
        { sessionKey: session.key, locale: session.requestedLocale },
        "session locale is no longer supported; using the default locale",
      );
      session.requestedLocale = undefined;
      return this.state.engine.createSession();
    }
  }
}

/** Formats the first diagnostics for a log line, noting how many were left out. */
function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const lines = diagnostics
    .slice(0, LOGGED_RELOAD_DIAGNOSTICS)
    .map((diagnostic) => formatDiagnostic(diagnostic));
  const more = diagnostics.length - LOGGED_RELOAD_DIAGNOSTICS;
  if (more > 0) lines.push(`... and ${more} more`);
  return lines;
}
