import type { CatalogSet } from "../catalogs/catalog.js";
import {
  loadCatalogDirectory,
  loadCatalogDirectorySync,
  type LoadOptions,
} from "../catalogs/load-directory.js";
import type {
  Diagnostic,
  DiagnosticHandler,
} from "../diagnostics/diagnostic.js";
import type { LocaleSettings } from "../locales/locale-settings.js";
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
  readonly settings: LocaleSettings;
  /** Problems found while the catalogs loaded. */
  readonly loadDiagnostics: readonly Diagnostic[];

  constructor(
    readonly catalogs: CatalogSet,
    readonly options: LocmsgOptions = {},
    loadDiagnostics: readonly Diagnostic[] = [],
  ) {
    const [defaultLocale] = normalizeList(
      [options.defaultLocale ?? "en"],
      "defaultLocale",
    );
    const settings: LocaleSettings = {
      defaultLocale: defaultLocale!,
      messageLocaleList: catalogs.locales(),
    };
    if (options.supportedLocaleList) {
      settings.supportedLocaleList = normalizeList(
        options.supportedLocaleList,
        "supportedLocaleList",
      );
    }
    this.settings = settings;
    this.loadDiagnostics = loadDiagnostics;
  }

  /** Loads `DIR/<locale>/<catalog>.yaml`; strict loading throws on any problem. */
  static async fromDirectory(
    dir: string,
    options: LocmsgOptions & LoadOptions = {},
  ): Promise<Locmsg> {
    const { catalogs, diagnostics } = await loadCatalogDirectory(dir, options);
    return new Locmsg(catalogs, options, diagnostics);
  }

  static fromDirectorySync(
    dir: string,
    options: LocmsgOptions & LoadOptions = {},
  ): Locmsg {
    const { catalogs, diagnostics } = loadCatalogDirectorySync(dir, options);
    return new Locmsg(catalogs, options, diagnostics);
  }

  /** Opens a session; raises `InvalidLocaleError` for an invalid or unsupported locale. */
  createSession(options: SessionOptions = {}): Session {
    return new Session(this, options);
  }
}
