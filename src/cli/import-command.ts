import { CliError, EXIT_OK } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import { vmsgImport } from "./vmsg-commands.js";
import { extensionImport } from "./extension-format-commands.js";

/** One file format of `locmsg import` or `locmsg export`. */
export interface FormatCommand {
  summary: string;
  /** Runs with the arguments after the format name. */
  run: (argv: string[], io: CommandIo) => Promise<number>;
}

/** Formats `locmsg import` reads, by the name given as its first argument. */
export const IMPORT_FORMATS: Record<string, FormatCommand> = {
  vmsg: vmsgImport,
  extension: extensionImport,
};

/**
 * Runs the format named by the first argument, or prints the command's help
 * (listing the formats) for `--help` and no format at all.
 */
export async function dispatchFormat(
  command: "import" | "export",
  formats: Record<string, FormatCommand>,
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const [name, ...rest] = argv;
  const help = formatListHelp(command, formats);
  if (name === "--help" || name === "-h") {
    io.stdout(help);
    return EXIT_OK;
  }
  if (name === undefined || name.startsWith("-")) {
    throw new CliError(
      `${command} needs a format first, such as 'locmsg ${command} vmsg ...'; formats: ${Object.keys(formats).join(", ")}`,
    );
  }
  const format = Object.hasOwn(formats, name) ? formats[name] : undefined;
  if (!format) {
    throw new CliError(
      `unknown format '${name}'; formats: ${Object.keys(formats).join(", ")}; see 'locmsg ${command} --help'`,
    );
  }
  return format.run(rest, io);
}

function formatListHelp(
  command: string,
  formats: Record<string, FormatCommand>,
): string {
  const lines = Object.entries(formats).map(
    ([name, format]) => `  ${name.padEnd(10)}${format.summary}`,
  );
  return `Usage: locmsg ${command} <format> [arguments] [options]

Formats:
${lines.join("\n")}

Run 'locmsg ${command} <format> --help' for a format's arguments and options.`;
}

export function importCommand(argv: string[], io: CommandIo): Promise<number> {
  return dispatchFormat("import", IMPORT_FORMATS, argv, io);
}
