/**
 * Where a `.vmsg` file's locale and catalog name come from. VMware installs
 * catalogs as `messages/<lang>/<domain>.vmsg`; open-vm-tools keeps its
 * sources as `<domain>/l10n/<lang>.vmsg`; copies are often named
 * `<domain>.<lang>.vmsg`. The first rule that fits the path wins:
 *
 * 1. `<domain>.<lang>.vmsg`: catalog `domain`, locale `lang`.
 * 2. `<lang>/<domain>.vmsg`: the folder names a locale.
 * 3. `<lang>.vmsg`: locale `lang`; the catalog name must be given.
 *
 * A name counts as a locale only when ICU has data for its language (and region),
 * so `toolbox` or `messages`, which are well-formed BCP 47 tags, do not.
 * Options given by the caller override what the path says.
 */
import * as path from "node:path";
import { CATALOG_NAME_PATTERN } from "../../catalogs/catalog-paths.js";
import { normalizeVsphereLocale, toBcp47 } from "../../locales/locale-tag.js";

export interface VmsgTarget {
  /** vSphere form, such as `de` or `zh_CN`. */
  locale: string;
  catalog: string;
}

export type InferredTarget =
  ({ ok: true } & VmsgTarget) | { ok: false; reason: string };

const languageNames = new Intl.DisplayNames(["en"], {
  type: "language",
  fallback: "none",
});
const regionNames = new Intl.DisplayNames(["en"], {
  type: "region",
  fallback: "none",
});

/** Normalises a locale to vSphere form when ICU has data for it, else undefined. */
export function knownVsphereLocale(input: string): string | undefined {
  const locale = normalizeVsphereLocale(input);
  const tag = toBcp47(input);
  if (locale === undefined || tag === undefined) return undefined;
  const { language, region } = new Intl.Locale(tag);
  if (languageNames.of(language) === undefined) return undefined;
  if (region !== undefined && regionNames.of(region) === undefined)
    return undefined;
  return locale;
}

/** Infers the locale and catalog of `file`, following the rules at the top of this file. */
export function inferVmsgTarget(
  file: string,
  given: { locale?: string | undefined; catalog?: string | undefined } = {},
): InferredTarget {
  const fromPath = readPath(file);
  const locale = given.locale ?? fromPath.locale;
  const catalog = given.catalog ?? fromPath.catalog;
  const patterns =
    "'<lang>/<domain>.vmsg', '<lang>.vmsg' or '<domain>.<lang>.vmsg'";

  if (locale === undefined) {
    return {
      ok: false,
      reason: `cannot tell the locale of ${file} from its path, which is not named ${patterns}; pass --locale L`,
    };
  }
  if (catalog === undefined) {
    return {
      ok: false,
      reason: `${file} is named after its locale only, so the catalog name is unknown; pass --catalog NAME`,
    };
  }
  if (!CATALOG_NAME_PATTERN.test(catalog)) {
    return {
      ok: false,
      reason: `catalog name '${catalog}' for ${file} is invalid: it must start with a letter and contain only letters, digits, '_' and '-'; pass --catalog NAME`,
    };
  }
  return { ok: true, locale, catalog };
}

function readPath(file: string): { locale?: string; catalog?: string } {
  const stem = path.basename(file).replace(/\.vmsg$/i, "");
  const folder = path.basename(path.dirname(path.resolve(file)));

  const dotted = /^(.+)\.([^.]+)$/.exec(stem);
  const dottedLocale = dotted && knownVsphereLocale(dotted[2]!);
  if (dotted && dottedLocale)
    return { locale: dottedLocale, catalog: dotted[1]! };

  const folderLocale = knownVsphereLocale(folder);
  if (folderLocale) return { locale: folderLocale, catalog: stem };

  const stemLocale = knownVsphereLocale(stem);
  if (stemLocale) return { locale: stemLocale };
  return { catalog: stem };
}
