import path from "node:path";
import { buildBundles, MANIFEST_PATH } from "../bundle/build-bundles.js";
import { writeBundles } from "../bundle/write-bundles.js";
import { buildEsmModules, ESM_INDEX_PATH } from "../bundle/esm/build-esm.js";
import { loadCatalogDirectory } from "../catalogs/load-directory.js";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import {
  checkCatalogFolder,
  checkOutputFolder,
  writeOrExit,
} from "./file-options.js";
import { parseCommandArgs } from "./parse-options.js";
import { SHIPPED_CATALOGS } from "./session-options.js";

export const BUILD_HELP = `Usage: locmsg build [DIR] --out OUT [options]

Compiles the YAML catalogs in DIR (DIR/<locale>/<catalog>.yaml, default:
the catalogs shipped with locmsg) into bundles for the browser runtime
locmsg/browser: OUT/<locale>/<catalog>.<hash>.json, one per locale and
catalog, and OUT/manifest.json, which lists them as vSphere
LocalizationManagerMessageCatalog entries. Building unchanged catalogs
again writes byte-identical files. Nothing is written when a catalog does
not load cleanly or a MessageFormat 2 message is outside the compiled
subset (docs/bundles.md).

With --format esm it writes static ES modules instead:
OUT/<locale>/<catalog>.js, whose messages are JavaScript functions, the
shared helper module OUT/runtime.js and OUT/index.js, which exports
loadLocmsg(options) and createLocmsg(modules, options). Nothing is
generated at run time, so pages may load them under a Content-Security-
Policy without 'unsafe-eval'.

Options:
  --out OUT             output folder, created when missing (required)
  --format F            json (default): bundles for locmsg/browser;
                        esm: ES modules with an index.js
  --default-locale L    the locale every chain ends with (default: en)
  -h, --help            show this help

Environment:
  SOURCE_DATE_EPOCH     seconds since 1970 for the manifest's lastModified
                        (default: 0, the Unix epoch)

Exit status: 0 written, 1 catalog or MF2 errors, 2 unusable options, a DIR
that is not a folder, or an OUT that cannot be written.`;

function readEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) {
    throw new CliError(
      `SOURCE_DATE_EPOCH is '${value}'; set it to whole seconds since 1970, such as 1700000000, or unset it`,
    );
  }
  return new Date(Number(value) * 1000);
}

export async function buildCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("build", {
    args: argv,
    options: {
      out: { type: "string" },
      "default-locale": { type: "string" },
      format: { type: "string", default: "json" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(BUILD_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1) {
    throw new CliError(
      `build takes one catalog folder, got ${positionals.length}; see 'locmsg build --help'`,
    );
  }
  if (values.out === undefined || values.out === "") {
    throw new CliError(
      "missing --out OUT; name the folder to write bundles to",
    );
  }
  const defaultLocale = normalizeVsphereLocale(
    values["default-locale"] ?? "en",
  );
  if (defaultLocale === undefined) {
    throw new CliError(
      `invalid --default-locale '${values["default-locale"]}'; use a locale such as en or de`,
    );
  }
  const format = values.format;
  if (format !== "json" && format !== "esm") {
    throw new CliError(
      `invalid --format '${format}'; use json for locmsg/browser bundles or esm for ES modules`,
    );
  }
  const lastModified = readEpoch(process.env["SOURCE_DATE_EPOCH"]);

  checkOutputFolder(values.out);
  const dir = positionals[0] ?? SHIPPED_CATALOGS;
  checkCatalogFolder(dir);
  const { catalogs, diagnostics } = await loadCatalogDirectory(dir);
  for (const diagnostic of diagnostics) io.stderr(formatDiagnostic(diagnostic));
  const loadErrors = diagnostics.filter((d) => d.severity === "error").length;
  if (loadErrors > 0) {
    io.stderr(
      `locmsg build: catalogs in ${dir} have ${loadErrors} error${loadErrors === 1 ? "" : "s"}; fix them and build again. Nothing was written`,
    );
    return EXIT_PROBLEMS;
  }
  if (catalogs.locales().length === 0) {
    throw new CliError(
      `no catalogs found in ${dir}; pass a folder with DIR/<locale>/<catalog>.yaml files`,
    );
  }
  if (!catalogs.locales().includes(defaultLocale)) {
    throw new CliError(
      `--default-locale ${defaultLocale} has no catalogs in ${dir}, and every fallback chain ends with it; choose one of ${catalogs.locales().join(", ")}`,
    );
  }

  const build = (format === "esm" ? buildEsmModules : buildBundles)(catalogs, {
    defaultLocale,
    ...(lastModified ? { lastModified } : {}),
  });
  for (const diagnostic of build.diagnostics) {
    io.stderr(formatDiagnostic(diagnostic));
  }
  if (build.diagnostics.some((d) => d.severity === "error")) {
    io.stderr(
      "locmsg build: some MessageFormat 2 messages cannot be compiled; see docs/bundles.md for the supported subset. Nothing was written",
    );
    return EXIT_PROBLEMS;
  }

  const out = values.out;
  await writeOrExit(() => writeBundles(out, build));
  const catalogCount = build.manifest.catalogs.length;
  const locales = plural(build.manifest.locales.length, "locale");
  if (format === "esm") {
    io.stdout(
      `wrote ${plural(catalogCount, "catalog module")} for ${locales} and ${path.join(out, ESM_INDEX_PATH)}`,
    );
    return EXIT_OK;
  }
  io.stdout(
    `wrote ${plural(catalogCount, "bundle")} for ${locales} and ${path.join(out, MANIFEST_PATH)}`,
  );
  return EXIT_OK;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
