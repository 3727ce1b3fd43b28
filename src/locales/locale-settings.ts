import { LocmsgError } from "../diagnostics/diagnostic.js";
import { toBcp47, toVsphereLocale } from "./locale-tag.js";
import { messageLocaleChain, negotiateMessageLocale } from "./negotiate.js";

/**
 * The locale settings of a server, as `SessionManager` publishes them. All
 * locales are in vSphere form (`en`, `zh_CN`).
 */
export interface LocaleSettings {
  defaultLocale: string;
  /**
   * Locales the server formats dates and numbers for. When it is left out,
   * every locale `Intl` can format is supported.
   */
  supportedLocaleList?: readonly string[];
  /** Locales that have message catalogs. */
  messageLocaleList: readonly string[];
}

/** The locales of a session after `SetLocale`. */
export interface ResolvedLocale {
  /** `UserSession.locale`, in vSphere form (`de_AT`). */
  locale: string;
  /** The same locale as a BCP 47 tag for `Intl`, script kept (`zh-Hant-TW`). */
  formatLocale: string;
  /** `UserSession.messageLocale`: the closest locale with catalogs. */
  messageLocale: string;
  /** Message locales searched key by key, ending with the default. */
  chain: string[];
}

/** The `InvalidLocale` fault: the locale is invalid or not supported. */
export class InvalidLocaleError extends LocmsgError {
  readonly faultType = "InvalidLocale";

  constructor(
    readonly locale: string,
    readonly supportedLocales: readonly string[],
    reason: string,
  ) {
    super([
      {
        code: "invalid-locale",
        severity: "error",
        message: `Invalid or unknown locale provided: '${locale}' ${reason}. Supported locales: ${supportedLocales.join(", ")}`,
        locale,
      },
    ]);
    this.name = "InvalidLocaleError";
  }
}

function intlCanFormat(tag: string): boolean {
  return (
    Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 &&
    Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0
  );
}

/**
 * Reports whether the settings support a locale, by itself or by its
 * language. An explicit `supportedLocaleList` is the whole list; without
 * one, the locales with catalogs and every locale `Intl` can format are
 * supported.
 */
export function isSupportedLocale(
  tag: string,
  settings: LocaleSettings,
): boolean {
  const vsphere = toVsphereLocale(tag);
  const language = vsphere.split("_")[0]!;
  const listed = settings.supportedLocaleList ?? settings.messageLocaleList;
  if (listed.includes(vsphere) || listed.includes(language)) return true;
  return settings.supportedLocaleList === undefined && intlCanFormat(tag);
}

/** Lists the locales a client may request, for error messages and `--help`. */
export function describeSupportedLocales(settings: LocaleSettings): string[] {
  if (settings.supportedLocaleList !== undefined) {
    return [...settings.supportedLocaleList].sort();
  }
  const locales = [...settings.messageLocaleList].sort();
  locales.push("any other locale Intl can format");
  return locales;
}

/**
 * Resolves a requested locale as `SessionManager.SetLocale` does: undefined or
 * empty means the default locale; an invalid or unsupported locale raises
 * `InvalidLocaleError` carrying the value.
 */
export function resolveLocale(
  requested: string | undefined,
  settings: LocaleSettings,
): ResolvedLocale {
  const input =
    requested === undefined || requested === ""
      ? settings.defaultLocale
      : requested;
  const tag = toBcp47(input);
  if (tag === undefined) {
    throw new InvalidLocaleError(
      input,
      describeSupportedLocales(settings),
      "is not a locale tag; write a language with an optional region, such as de, de_AT or zh-Hant-TW",
    );
  }
  if (!isSupportedLocale(tag, settings)) {
    throw new InvalidLocaleError(
      input,
      describeSupportedLocales(settings),
      "is not supported by this server; choose a supported locale",
    );
  }

  const locale = toVsphereLocale(tag);
  const messageLocale = negotiateMessageLocale(
    tag,
    settings.messageLocaleList,
    settings.defaultLocale,
  );
  return {
    locale,
    formatLocale: tag,
    messageLocale,
    chain: messageLocaleChain(
      messageLocale,
      settings.messageLocaleList,
      settings.defaultLocale,
    ),
  };
}
