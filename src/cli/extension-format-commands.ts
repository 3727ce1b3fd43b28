/**
 * `locmsg import extension` and `locmsg export extension`: the
 * `resourceList` of a vSphere Extension to and from YAML catalogs, so an
 * extension's authors keep YAML catalogs and register them with vCenter.
 *
 * Both check every option and target first (exit 2, nothing written).
 * Import writes nothing when any resource has an error (exit 1). Export
 * writes nothing when the catalogs do not load cleanly (exit 1).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeCatalogYaml } from "../catalogs/write-catalog-yaml.js";
import { type Diagnostic } from "../diagnostics/diagnostic.js";
import {
  catalogsToResources,
  encodeResourcesViJson,
  moduleOf,
} from "../formats/extension/catalogs-to-resources.js";
import { readResourceDocument } from "../formats/extension/resource-info.js";
import { resourcesToCatalogs } from "../formats/extension/resources-to-catalogs.js";
import {
  loadCatalogsToExport,
  oneLine,
  reportDiagnostics,
} from "./report-diagnostics.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import {
  checkCatalogFolder,
  checkOutputFile,
  checkOutputFolder,
  writeOutput,
} from "./file-options.js";
import type { FormatCommand } from "./import-command.js";
import { parseCommandArgs } from "./parse-options.js";
import { readJsonInput } from "./read-input.js";

export const EXTENSION_IMPORT_HELP = `Usage: locmsg import extension FILE --out DIR [options]

Converts the resourceList of a vSphere Extension into YAML catalogs, one
file per locale and module: DIR/<locale>/<module>.yaml. FILE (or - for
standard input) holds JSON, plain or VI/JSON: either the resourceList
array of ExtensionResourceInfo objects ({locale, module, data}) or a whole
Extension object with a resourceList property.

Options:
  --out DIR         folder to write the catalogs to (required)
  --force           overwrite catalog files that already exist
  -h, --help        show this help

Each problem (an invalid locale or module, a value that is not a string, a
duplicate key, a template syntax error) is reported with the entry index,
locale, module and key.

Exit status: 0 written, 1 a resource has errors and nothing was written,
2 unusable options or input.`;

export const EXTENSION_EXPORT_HELP = `Usage: locmsg export extension DIR --out FILE [options]

Writes the YAML catalogs of DIR (laid out as DIR/<locale>/<catalog>.yaml)
as the resourceList of a vSphere Extension: a JSON array with one
ExtensionResourceInfo ({locale, module, data}) per locale and catalog.
Catalog 'task' becomes module 'task'.

Options:
  --out FILE        file to write the JSON to, or - for standard output
                    (required)
  --module M        export only module M; repeat for several modules
                    (default: every catalog)
  --vi-json         write VI/JSON, with _typeName on every object, as
                    RegisterExtension receives it
  --force           overwrite FILE when it exists
  -h, --help        show this help

MessageFormat 2 messages have no vSphere form; they are left out with a
warning.

Exit status: 0 written, 1 the catalogs do not load cleanly and nothing was
written, 2 unusable options.`;

const IMPORT_OPTIONS = {
  out: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const EXPORT_OPTIONS = {
  out: { type: "string" },
  module: { type: "string", multiple: true },
  "vi-json": { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export const extensionImport: FormatCommand = {
  summary: "an Extension's resourceList (JSON) into YAML catalogs",
  run: runImport,
};

export const extensionExport: FormatCommand = {
  summary: "YAML catalogs as an Extension's resourceList (JSON)",
  run: runExport,
};

async function runImport(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("import extension", {
    args: argv,
    options: IMPORT_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(EXTENSION_IMPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliError(
      `import extension takes one FILE, got ${positionals.length}; see 'locmsg import extension --help'`,
    );
  }
  const file = positionals[0]!;
  const out = requireOut(values.out, "import extension FILE --out DIR");
  checkOutputFolder(out);
  const source = file === "-" ? "<stdin>" : file;

  const list = readResourceDocument(await readJsonInput(file));
  if (typeof list === "string") throw new CliError(`${source}: ${list}`);
  const { catalogs, diagnostics } = resourcesToCatalogs(list, source);
  const errors = reportDiagnostics(io, diagnostics);
  if (errors > 0) {
    io.stderr(
      `locmsg import: ${plural(errors, "error")} found; nothing was written`,
    );
    return EXIT_PROBLEMS;
  }
  if (catalogs.length === 0) {
    throw new CliError(
      `${source}: the resourceList is empty; nothing to import`,
    );
  }

  const files = new Map<string, string>();
  for (const catalog of catalogs) {
    const target = path.join(out, catalog.locale, `${catalog.name}.yaml`);
    const entries = [...catalog.entries.values()].map(
      (entry) => [entry.key, entry.text] as const,
    );
    const header = ` Imported by locmsg from module '${catalog.module}' of ${oneLine(source)}`;
    files.set(target, writeCatalogYaml(entries, header));
  }
  if (!values.force) refuseExisting([...files.keys()]);
  await writeOutput(files);
  for (const target of files.keys()) io.stdout(`wrote ${target}`);
  return EXIT_OK;
}

async function runExport(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("export extension", {
    args: argv,
    options: EXPORT_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(EXTENSION_EXPORT_HELP);
    return EXIT_OK;
  }
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) {
    throw new CliError(
      `export extension takes one catalog folder DIR, got ${positionals.length}; see 'locmsg export extension --help'`,
    );
  }
  const out = requireOut(values.out, "export extension DIR --out FILE");
  if (out !== "-") checkOutputFile(out);
  checkCatalogFolder(dir);
  if (out !== "-" && !values.force && fs.existsSync(out)) {
    throw new CliError(
      `${out} already exists; pass --force to overwrite, or choose another --out`,
    );
  }

  const loaded = loadCatalogsToExport(dir, io);
  if (!loaded) return EXIT_PROBLEMS;
  const all = loaded.all();
  const modules = values.module;
  const known = new Set(
    all.flatMap((catalog) => [catalog.name, moduleOf(catalog)]),
  );
  const unknown = (modules ?? []).filter((module) => !known.has(module));
  if (unknown.length > 0) {
    throw new CliError(
      `no catalog for --module ${unknown.map((module) => `'${module}'`).join(", ")} in ${dir}; modules there: ${[...new Set(all.map(moduleOf))].join(", ")}`,
    );
  }

  const warnings: Diagnostic[] = [];
  const resources = catalogsToResources(loaded, {
    ...(modules ? { modules } : {}),
    onDiagnostic: (diagnostic) => warnings.push(diagnostic),
  });
  reportDiagnostics(io, warnings);
  const document = values["vi-json"]
    ? encodeResourcesViJson(resources)
    : resources;
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (out === "-") {
    io.stdout(text.trimEnd());
    return EXIT_OK;
  }
  await writeOutput(new Map([[out, text]]));
  io.stdout(`wrote ${out}`);
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
