/**
 * `locmsg import vmsg` and `locmsg export vmsg`: VMware `.vmsg` catalog
 * files to and from locmsg's YAML catalogs.
 *
 * Both check every option and target first (exit 2, nothing written),
 * then read and convert everything and report each problem on stderr. Import
 * writes nothing when any file has an error (exit 1); export leaves out the
 * catalogs that have a message with no `.vmsg` form and writes the others
 * (exit 1). Files are written with `writeFilesAtomically`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeCatalogYaml } from "../catalogs/write-catalog-yaml.js";
import { type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseVmsg } from "../formats/vmsg/parse-vmsg.js";
import {
  catalogToVmsg,
  vmsgToCatalogEntries,
} from "../formats/vmsg/vmsg-catalog.js";
import {
  inferVmsgTarget,
  knownVsphereLocale,
  type VmsgTarget,
} from "../formats/vmsg/vmsg-path.js";
import {
  loadCatalogsToExport,
  oneLine,
  reportDiagnostics,
} from "./report-diagnostics.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import {
  checkCatalogFolder,
  checkOutputFolder,
  writeOutput,
} from "./file-options.js";
import type { FormatCommand } from "./import-command.js";
import { parseCommandArgs } from "./parse-options.js";

export const VMSG_IMPORT_HELP = `Usage: locmsg import vmsg FILE... --out DIR [options]

Converts VMware .vmsg catalog files into locmsg YAML catalogs, written as
DIR/<locale>/<catalog>.yaml. Literal braces are doubled ('{' becomes '{{'),
as braces are placeholder syntax in catalog messages; printf placeholders
such as %1$s stay as written.

The locale and catalog come from each FILE's path:
  <lang>/<domain>.vmsg     locale lang, catalog domain
  <domain>.<lang>.vmsg     locale lang, catalog domain (toolbox.de.vmsg)
  <lang>.vmsg              locale lang; --catalog is required

Options:
  --out DIR         folder to write the catalogs to (required)
  --catalog NAME    catalog name for every FILE, instead of the path's
  --locale L        locale for every FILE, instead of the path's; vSphere
                    (de, zh_CN) or BCP 47 (zh-Hant-TW) form
  --force           overwrite catalog files that already exist
  --strict          treat warnings (a skipped line, a duplicate key) as
                    errors: exit 1 and write nothing
  -h, --help        show this help

Lines that VMware's loader skips are skipped with a warning; a duplicate
key keeps its last value, as in VMware's loader, with a warning.

Exit status: 0 written (with warnings, unless --strict), 1 a file has errors
and nothing was written, 2 unusable options or input.`;

export const VMSG_EXPORT_HELP = `Usage: locmsg export vmsg DIR --out OUTDIR [options]

Writes every YAML catalog of DIR (laid out as DIR/<locale>/<catalog>.yaml)
as a VMware .vmsg file, OUTDIR/<locale>/<catalog>.vmsg. Escaped braces
('{{', '}}') become literal ones; a message with a placeholder such as
{name} has no .vmsg form, so it is reported and its catalog is not written.

Options:
  --out OUTDIR      folder to write the .vmsg files to (required)
  --force           overwrite .vmsg files that already exist
  -h, --help        show this help

Exit status: 0 all written, 1 a catalog does not load or has a message
with no .vmsg form (the other catalogs are written), 2 unusable options.`;

const IMPORT_OPTIONS = {
  out: { type: "string" },
  catalog: { type: "string" },
  locale: { type: "string" },
  force: { type: "boolean", default: false },
  strict: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const EXPORT_OPTIONS = {
  out: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

interface ImportPlan extends VmsgTarget {
  file: string;
  target: string;
}

export const vmsgImport: FormatCommand = {
  summary: "VMware .vmsg catalog files into YAML catalogs",
  run: runImport,
};

export const vmsgExport: FormatCommand = {
  summary: "YAML catalogs as VMware .vmsg catalog files",
  run: runExport,
};

async function runImport(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("import vmsg", {
    args: argv,
    options: IMPORT_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(VMSG_IMPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    throw new CliError(
      "import vmsg needs at least one FILE; see 'locmsg import vmsg --help'",
    );
  }
  const out = requireOut(values.out, "import vmsg FILE... --out DIR");
  checkOutputFolder(out);
  const plans = planImport(positionals, out, values);
  if (!values.force) refuseExisting(plans.map((plan) => plan.target));

  const files = new Map<string, string>();
  let problems = 0;
  for (const plan of plans) {
    const parsed = parseVmsg(readInput(plan.file), plan.file);
    const imported = vmsgToCatalogEntries(parsed, plan.file);
    const context = { locale: plan.locale, catalog: plan.catalog };
    const diagnostics = [...parsed.diagnostics, ...imported.diagnostics];
    const errors = reportDiagnostics(io, diagnostics, context);
    problems += values.strict ? diagnostics.length : errors;
    const header = ` Imported by locmsg from ${oneLine(plan.file)}`;
    files.set(plan.target, writeCatalogYaml(imported.entries, header));
  }
  if (problems > 0) {
    const what = values.strict ? "problem" : "error";
    io.stderr(
      `locmsg import: ${plural(problems, what)} found; nothing was written`,
    );
    return EXIT_PROBLEMS;
  }

  await writeOutput(files);
  for (const plan of plans) io.stdout(`wrote ${plan.target}`);
  return EXIT_OK;
}

/** Works out each file's locale, catalog and target, refusing unusable options. */
function planImport(
  files: string[],
  out: string,
  values: { locale?: string | undefined; catalog?: string | undefined },
): ImportPlan[] {
  let locale: string | undefined;
  if (values.locale !== undefined) {
    locale = knownVsphereLocale(values.locale);
    if (locale === undefined) {
      throw new CliError(
        `unknown locale '${values.locale}' for --locale; write a language such as 'de', 'ja' or 'zh_CN'`,
      );
    }
  }

  const plans: ImportPlan[] = [];
  const byTarget = new Map<string, string>();
  for (const file of files) {
    checkInputFile(file);
    const inferred = inferVmsgTarget(file, { locale, catalog: values.catalog });
    if (!inferred.ok) throw new CliError(inferred.reason);
    const target = path.join(out, inferred.locale, `${inferred.catalog}.yaml`);
    const earlier = byTarget.get(target);
    if (earlier !== undefined) {
      throw new CliError(
        `${earlier} and ${file} both map to catalog '${inferred.catalog}' of locale '${inferred.locale}' (${target}); import them separately or name the files after different locales or catalogs`,
      );
    }
    byTarget.set(target, file);
    plans.push({
      file,
      target,
      locale: inferred.locale,
      catalog: inferred.catalog,
    });
  }
  return plans;
}

async function runExport(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("export vmsg", {
    args: argv,
    options: EXPORT_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(VMSG_EXPORT_HELP);
    return EXIT_OK;
  }
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) {
    throw new CliError(
      `export vmsg takes one catalog folder DIR, got ${positionals.length}; see 'locmsg export vmsg --help'`,
    );
  }
  const out = requireOut(values.out, "export vmsg DIR --out OUTDIR");
  checkOutputFolder(out);
  checkCatalogFolder(dir);

  const loaded = loadCatalogsToExport(dir, io);
  if (!loaded) return EXIT_PROBLEMS;
  const catalogs = loaded.all();
  const targets = catalogs.map((catalog) =>
    path.join(out, catalog.locale, `${catalog.name}.vmsg`),
  );
  if (!values.force) refuseExisting(targets);

  const files = new Map<string, string>();
  let errors = 0;
  catalogs.forEach((catalog, index) => {
    const header = `Exported by locmsg from ${catalog.files.map(oneLine).join(", ")}`;
    const exported = catalogToVmsg(catalog, header);
    errors += reportDiagnostics(io, exported.diagnostics);
    if (exported.text !== undefined) files.set(targets[index]!, exported.text);
  });

  await writeOutput(files);
  for (const target of files.keys()) io.stdout(`wrote ${target}`);
  if (errors > 0) {
    io.stderr(
      `locmsg export: ${plural(errors, "message")} with no .vmsg form; their catalogs were not written`,
    );
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function requireOut(out: string | undefined, usage: string): string {
  if (out === undefined || out === "") {
    throw new CliError(`missing --out: write 'locmsg ${usage}'`);
  }
  return out;
}

function refuseExisting(targets: readonly string[]): void {
  const existing = targets.filter((target) => fs.existsSync(target));
  if (existing.length > 0) {
    throw new CliError(
      `${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; pass --force to overwrite, or choose another --out`,
    );
  }
}

/** Rejects a FILE that does not exist or is a folder. */
function checkInputFile(file: string): void {
  let stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${reason}; check the path`);
  }
  if (stats.isDirectory()) {
    throw new CliError(
      `cannot read ${file}: it is a folder; pass the .vmsg files in it instead`,
    );
  }
}

function readInput(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${reason}; check the path`);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
