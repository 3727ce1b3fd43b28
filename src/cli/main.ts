import { buildCommand } from "./build-command.js";
import { CliError, EXIT_OK, EXIT_USAGE } from "./cli-error.js";
import { processIo, type CommandIo } from "./command-io.js";
import { EXPORT_FORMATS, exportCommand } from "./export-command.js";
import { formatCommand } from "./format-command.js";
import { IMPORT_FORMATS, importCommand } from "./import-command.js";
import { lintCommand } from "./lint-command.js";
import { hashPasswordCommand } from "./hash-password-command.js";
import { serveCommand } from "./serve-command.js";
import { taskCommand } from "./task-command.js";

type Command = (argv: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  format: { run: formatCommand, summary: "render one LocalizableMessage" },
  task: { run: taskCommand, summary: "render TaskInfo objects, one line each" },
  import: {
    run: importCommand,
    summary: `read catalogs of another format: ${Object.keys(IMPORT_FORMATS).join(", ")}`,
  },
  export: {
    run: exportCommand,
    summary: `write catalogs in another format: ${Object.keys(EXPORT_FORMATS).join(", ")}`,
  },
  lint: {
    run: lintCommand,
    summary: "check catalogs and translations, for CI",
  },
  build: {
    run: buildCommand,
    summary: "compile catalogs to bundles for locmsg/browser",
  },
  serve: {
    run: serveCommand,
    summary: "run the vSphere VI/JSON API server (sessions, tasks, extensions)",
  },
  "hash-password": {
    run: hashPasswordCommand,
    summary: "print the scrypt hash of a password for the server configuration",
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(15)}${command.summary}`,
  );
  return `Usage: locmsg <command> [options]

Renders vSphere LocalizableMessages and TaskInfo from YAML catalogs.

Commands:
${lines.join("\n")}

Run 'locmsg <command> --help' for a command's options.`;
}

/** Runs the CLI with arguments (without `node` and the script); returns the exit code. */
export async function main(
  argv: string[],
  io: CommandIo = processIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(
      `locmsg: unknown command '${name}'; run 'locmsg --help' for the list`,
    );
    return EXIT_USAGE;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`locmsg ${name}: ${error.message}`);
      return error.exitCode;
    }
    // parseArgs rejects unknown options and missing values with these codes.
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(
        `locmsg ${name}: ${(error as Error).message}; see 'locmsg ${name} --help'`,
      );
      return EXIT_USAGE;
    }
    throw error;
  }
}
