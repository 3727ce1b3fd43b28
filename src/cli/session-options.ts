import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatDiagnostic, LocmsgError } from "../diagnostics/diagnostic.js";
import { Locmsg } from "../engine/locmsg.js";
import type { Session } from "../engine/session.js";
import { InvalidLocaleError } from "../locales/locale-settings.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";
import { CliError, EXIT_PROBLEMS } from "./cli-error.js";
import { checkCatalogFolder } from "./file-options.js";

/** The catalogs shipped with the package, used when `--catalogs` is left out. */
export const SHIPPED_CATALOGS = fileURLToPath(
  new URL("../../catalogs", import.meta.url),
);

/** Options the rendering commands share. */
export const RENDER_OPTIONS = {
  locale: { type: "string" },
  "default-locale": { type: "string" },
  catalogs: { type: "string" },
  "time-zone": { type: "string" },
  strict: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export const RENDER_OPTIONS_HELP = `  --locale L        session locale, vSphere (de, zh_CN) or BCP 47 (zh-Hant-TW) form;
                    the catalogs' default locale (en) when left out
  --default-locale L
                    the locale every fallback chain ends with; the catalogs
                    must have it (default: en)
  --catalogs DIR    catalog folder laid out as DIR/<locale>/<catalog>.yaml
                    (default: the catalogs shipped with locmsg)
  --time-zone TZ    IANA time zone for dates, such as UTC or Europe/Berlin
                    (default: the system time zone)
  --strict          exit 1 on any problem: a missing key, argument or label,
                    or a catalog that does not load cleanly
  -h, --help        show this help`;

export interface RenderOptionValues {
  locale?: string | undefined;
  "default-locale"?: string | undefined;
  catalogs?: string | undefined;
  "time-zone"?: string | undefined;
  strict?: boolean | undefined;
}

/**
 * Checks the options, loads the catalogs and opens a session. Catalog
 * problems go to stderr; with `--strict` they end the command with exit
 * code 1.
 */
export function openSession(
  values: RenderOptionValues,
  stderr: (line: string) => void,
): Session {
  if (values.locale === "") {
    throw new CliError(
      "invalid --locale '': the value is empty; pass a locale such as en or de, or leave out --locale for the catalogs' default locale",
    );
  }
  if (values.catalogs !== undefined) {
    checkCatalogFolder(values.catalogs, "--catalogs");
  }
  const dir = values.catalogs ?? SHIPPED_CATALOGS;
  const engine = loadEngine(dir, values["default-locale"]);
  for (const diagnostic of engine.loadDiagnostics)
    stderr(formatDiagnostic(diagnostic));
  if (values.strict && engine.loadDiagnostics.length > 0) {
    const count = engine.loadDiagnostics.length;
    throw new CliError(
      `catalogs in ${dir} have ${count} problem${count === 1 ? "" : "s"}; fix them or leave out --strict`,
      EXIT_PROBLEMS,
    );
  }
  if (engine.catalogs.locales().length === 0) {
    throw new CliError(
      `no catalogs found in ${dir}; pass --catalogs DIR with DIR/<locale>/<catalog>.yaml files`,
    );
  }

  try {
    return engine.createSession({
      ...(values.locale !== undefined ? { locale: values.locale } : {}),
      ...(values["time-zone"] !== undefined
        ? { timeZone: values["time-zone"] }
        : {}),
    });
  } catch (error) {
    if (error instanceof InvalidLocaleError) {
      throw new CliError(
        `invalid --locale '${error.locale}': not a valid or supported locale. Supported: ${error.supportedLocales.join(", ")}`,
      );
    }
    if (error instanceof LocmsgError)
      throw new CliError(
        `invalid --time-zone: ${error.diagnostics[0]!.message}`,
      );
    throw error;
  }
}

/** Loads the catalogs of `dir`; catalogs the engine rejects exit 2. */
function loadEngine(dir: string, defaultLocale: string | undefined): Locmsg {
  if (
    defaultLocale !== undefined &&
    normalizeVsphereLocale(defaultLocale) === undefined
  ) {
    throw new CliError(
      `invalid --default-locale '${defaultLocale}'; use a locale such as en or de`,
    );
  }
  try {
    return Locmsg.fromDirectorySync(
      dir,
      defaultLocale === undefined ? {} : { defaultLocale },
    );
  } catch (error) {
    if (!(error instanceof LocmsgError)) throw error;
    const diagnostic = error.diagnostics[0]!;
    // The engine rejects catalogs without the default locale because every
    // fallback chain ends there.
    if (diagnostic.code === "invalid-locale" && diagnostic.locale) {
      throw new CliError(
        `the catalogs in ${dir} have no locale '${diagnostic.locale}', which every fallback chain ends with; add ${path.join(dir, diagnostic.locale)}/<catalog>.yaml files or pass --default-locale`,
      );
    }
    throw new CliError(
      `cannot load the catalogs in ${dir}: ${diagnostic.message}`,
    );
  }
}
