import type { CatalogSet } from "../catalogs/catalog.js";
import {
  loadCatalogDirectory,
  loadCatalogDirectorySync,
  type LoadOptions,
} from "../catalogs/load-directory.js";
import {
  LocmsgError,
  type Diagnostic,
  type DiagnosticHandler,
} from "../diagnostics/diagnostic.js";
import type { LocaleSettings } from "../locales/locale-settings.js";
import { resolveLimits, type Limits } from "../limits.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";
import { Session, type SessionOptions } from "./session.js";

export interface LocmsgOptions {
  /** `SessionManager.defaultLocale`; `en` when left out. */
  defaultLocale?: string;
  /** Locales sessions may choose; every locale `Intl` formats when left out. */
  supportedLocaleList?: readonly string[];
  /** Maximum nesting of `{1}` lookups and nested messages (default 16). */
  maxLookupDepth?: number;
  /** Throw at the first render diagnostic (default false). */
  strict?: boolean;
  /** Receives every render diagnostic of every session. */
  onDiagnostic?: DiagnosticHandler;
  /** Input limits (src/limits.ts); each one left out takes its default. */
  limits?: Partial<Limits>;
}

function normalizeList(locales: readonly string[], what: string): string[] {
  return locales.map((locale) => {
    const normalized = normalizeVsphereLocale(locale);
    if (normalized === undefined) {
      throw new TypeError(
        `${what} contains '${locale}', which is not a locale tag; use a form such as de or zh_CN`,
      );
    }
    return normalized;
  });
}

/**
 * The engine: loaded catalogs plus locale settings. Create one per catalog
 * folder and a `Session` per user.
 */
export class Locmsg {
  private current: CatalogSet;
  private currentSettings: LocaleSettings;
  private currentDiagnostics: readonly Diagnostic[];
  /** Counts catalog replacements, so sessions know to refresh. */
  private catalogGeneration = 0;
  /** The folder `fromDirectory` read, which `reload` reads again. */
  private directory: string | undefined;

  /** The limits in force, defaults filled in. */
  readonly limits: Limits;

  constructor(
    catalogs: CatalogSet,
    readonly options: LocmsgOptions = {},
    loadDiagnostics: readonly Diagnostic[] = [],
  ) {
    this.limits = resolveLimits(options.limits);
    this.current = catalogs;
    this.currentSettings = this.settingsFor(catalogs);
    this.currentDiagnostics = loadDiagnostics;
  }

  get catalogs(): CatalogSet {
    return this.current;
  }

  get settings(): LocaleSettings {
    return this.currentSettings;
  }

  /** Problems found while the catalogs in use loaded. */
  get loadDiagnostics(): readonly Diagnostic[] {
    return this.currentDiagnostics;
  }

  get generation(): number {
    return this.catalogGeneration;
  }

  /**
   * Replaces the catalogs; sessions render from the new ones on their next
   * call and keep their requested locale.
   */
  replaceCatalogs(
    catalogs: CatalogSet,
    diagnostics: readonly Diagnostic[] = [],
  ): void {
    this.currentSettings = this.settingsFor(catalogs);
    this.current = catalogs;
    this.currentDiagnostics = diagnostics;
    this.catalogGeneration++;
  }

  /**
   * Reads the catalog folder again. A file may vanish, be cut short or turn
   * into invalid YAML while it is read. When the new read has any error, the
   * catalogs in use stay and the errors are returned. Otherwise the new
   * catalogs replace them.
   */
  async reload(): Promise<{ replaced: boolean; diagnostics: Diagnostic[] }> {
    if (this.directory === undefined) {
      throw new TypeError(
        "reload needs an engine created by Locmsg.fromDirectory",
      );
    }
    const { catalogs, diagnostics } = await loadCatalogDirectory(
      this.directory,
      { limits: this.limits },
    );
    const failed = diagnostics.some(
      (diagnostic) => diagnostic.severity === "error",
    );
    if (failed || catalogs.locales().length === 0)
      return { replaced: false, diagnostics };
    this.replaceCatalogs(catalogs, diagnostics);
    return { replaced: true, diagnostics };
  }

  private settingsFor(catalogs: CatalogSet): LocaleSettings {
    const [defaultLocale] = normalizeList(
      [this.options.defaultLocale ?? "en"],
      "defaultLocale",
    );
    const locales = catalogs.locales();
    if (locales.length > 0 && !locales.includes(defaultLocale!)) {
      throw new LocmsgError([
        {
          code: "invalid-locale",
          severity: "error",
          message: `the default locale '${defaultLocale}' has no catalogs, so messages missing in other locales would have nothing to fall back to; choose one of ${locales.join(", ")}`,
          locale: defaultLocale!,
        },
      ]);
    }
    const settings: LocaleSettings = {
      defaultLocale: defaultLocale!,
      messageLocaleList: catalogs.locales(),
    };
    if (this.options.supportedLocaleList) {
      settings.supportedLocaleList = normalizeList(
        this.options.supportedLocaleList,
        "supportedLocaleList",
      );
    }
    return settings;
  }

  /** Loads `DIR/<locale>/<catalog>.yaml`; strict loading throws on any problem. */
  static async fromDirectory(
    dir: string,
    options: LocmsgOptions & LoadOptions = {},
  ): Promise<Locmsg> {
    const { catalogs, diagnostics } = await loadCatalogDirectory(dir, options);
    const engine = new Locmsg(catalogs, options, diagnostics);
    engine.directory = dir;
    return engine;
  }

  static fromDirectorySync(
    dir: string,
    options: LocmsgOptions & LoadOptions = {},
  ): Locmsg {
    const { catalogs, diagnostics } = loadCatalogDirectorySync(dir, options);
    const engine = new Locmsg(catalogs, options, diagnostics);
    engine.directory = dir;
    return engine;
  }

  /** Opens a session; raises `InvalidLocaleError` for an invalid or unsupported locale. */
  createSession(options: SessionOptions | null = {}): Session {
    return new Session(this, options);
  }
}
