import * as fs from "node:fs/promises";
import { LocmsgError } from "../diagnostics/diagnostic.js";
import { lintCatalogs } from "../lint/lint-catalogs.js";
import { LINT_RULES } from "../lint/lint-rules.js";
import { formatGithub } from "../lint/report/format-github.js";
import { formatHuman } from "../lint/report/format-human.js";
import { formatJson } from "../lint/report/format-json.js";
import { countSeverities } from "../lint/report/summary.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import { processIo, type CommandIo } from "./command-io.js";
import { parseCommandArgs } from "./parse-options.js";

const FORMATS = ["human", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

function lintHelp(): string {
  const codeWidth = Math.max(...LINT_RULES.map((rule) => rule.code.length));
  const rules = LINT_RULES.map(
    (rule) =>
      `  ${rule.code.padEnd(codeWidth)}  ${rule.severity.padEnd(7)}  ${rule.summary}`,
  );
  return `Usage: locmsg lint [DIR...] [options]

Checks catalog directories laid out as DIR/<locale>/<catalog>.yaml and
reports every problem, each with a rule code, file, line and column. DIR
defaults to 'catalogs'. Translations are compared with the default locale.

Options:
  --format F            human (default), json (an array of diagnostics) or
                        github (GitHub Actions annotations)
  --max-warnings N      exit 1 when there are more than N warnings
                        (default: no limit)
  --default-locale L    locale that translations are compared with
                        (default: en)
  --ignore RULE[:GLOB]  ignore a rule, for keys matching GLOB when given ('*'
                        matches any text, '?' one character); a GLOB with '/'
                        matches LOCALE/CATALOG/KEY, as in missing-key:de/task/*.
                        Repeatable
  -h, --help            show this help

A '# locmsg-lint-ignore RULE...' comment on the line before a key ignores
those rules for that key; in the default locale's file, in every locale.

Rules:
${rules.join("\n")}

Exit status: 0 no errors and warnings within --max-warnings, 1 errors or
too many warnings, 2 unusable options or a DIR that is not found.`;
}

export async function lintCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("lint", {
    args: argv,
    options: {
      format: { type: "string", default: "human" },
      "max-warnings": { type: "string" },
      "default-locale": { type: "string" },
      ignore: { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(lintHelp());
    return EXIT_OK;
  }
  const format = readFormat(values.format);
  const maxWarnings = readMaxWarnings(values["max-warnings"]);
  const dirs = positionals.length > 0 ? positionals : ["catalogs"];
  for (const dir of dirs) await checkDirectory(dir);

  let diagnostics;
  try {
    const options: { defaultLocale?: string; ignore: string[] } = {
      ignore: values.ignore,
    };
    if (values["default-locale"] !== undefined) {
      options.defaultLocale = values["default-locale"];
    }
    ({ diagnostics } = await lintCatalogs(dirs, options));
  } catch (error) {
    // lintCatalogs throws only for invalid options.
    if (error instanceof LocmsgError)
      throw new CliError(error.diagnostics[0]!.message);
    throw error;
  }

  if (format === "json") io.stdout(formatJson(diagnostics));
  else if (format === "github") io.stdout(formatGithub(diagnostics).join("\n"));
  else io.stdout(formatHuman(diagnostics, { color: useColor(io) }).join("\n"));

  const { errors, warnings } = countSeverities(diagnostics);
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(
      `locmsg lint: ${warnings} warnings exceed --max-warnings ${maxWarnings}; fix or ignore some, or raise the limit`,
    );
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function readFormat(value: string): Format {
  const format = FORMATS.find((name) => name === value);
  if (!format) {
    throw new CliError(
      `invalid --format '${value}'; use one of ${FORMATS.join(", ")}`,
    );
  }
  return format;
}

function readMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(
      `invalid --max-warnings '${value}'; use a whole number of 0 or more, such as 0 to fail on any warning`,
    );
  }
  return Number(value);
}

async function checkDirectory(dir: string): Promise<void> {
  const stats = await fs.stat(dir).catch(() => undefined);
  if (!stats) {
    throw new CliError(
      `catalog directory '${dir}' not found; pass a directory laid out as DIR/<locale>/<catalog>.yaml, such as 'catalogs'`,
    );
  }
  if (!stats.isDirectory()) {
    throw new CliError(
      `'${dir}' is not a directory; pass a directory laid out as DIR/<locale>/<catalog>.yaml, such as 'catalogs'`,
    );
  }
}

/** Colours only a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org). */
function useColor(io: CommandIo): boolean {
  return (
    io === processIo &&
    process.stdout.isTTY === true &&
    (process.env["NO_COLOR"] ?? "") === ""
  );
}
