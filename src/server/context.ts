/**
 * The state every route shares: configuration, catalogs, sessions, tasks
 * and extensions, plus the per-caller helpers built on them.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Session } from "../engine/session.js";
import { InvalidLocaleError } from "../locales/locale-settings.js";
import { Authenticator, type Caller } from "./auth.js";
import { CatalogBundles } from "./catalog-bundles.js";
import { CatalogState, type CatalogOverride } from "./catalog-layers.js";
import type { ServerConfig } from "./config.js";
import type { CatalogSet } from "../catalogs/catalog.js";
import { ExtensionRegistry } from "./extensions.js";
import { Inventory } from "./localize-task.js";
import { SessionStore, type ServerSession } from "./sessions.js";
import { describeTasks, type WireTaskDescription } from "./task-description.js";
import { TaskStore } from "./task-store.js";

/** Remembered Basic credentials stay valid this long at most. */
const MAX_BASIC_CACHE_MS = 5 * 60 * 1000;

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

  constructor(
    readonly config: ServerConfig,
    catalogs: CatalogSet,
    readonly log: FastifyBaseLogger,
  ) {
    this.state = new CatalogState(catalogs, {
      defaultLocale: config.defaultLocale,
      ...(config.supportedLocaleList
        ? { supportedLocaleList: config.supportedLocaleList }
        : {}),
    });
    this.bundles = new CatalogBundles(this.now());
    const idleTimeoutMs = config.sessionTimeoutSeconds * 1000;
    this.sessions = new SessionStore({
      idleTimeoutMs,
      onExpire: (session) =>
        log.info(
          { sessionKey: session.key, userName: session.user.userName },
          "session expired after the idle timeout",
        ),
    });
    this.auth = new Authenticator(
      config.users,
      this.sessions,
      Math.min(idleTimeoutMs, MAX_BASIC_CACHE_MS),
    );
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
    const overrides = this.state.rebuild(this.extensions.layers());
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

  close(): void {
    this.sessions.close();
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
