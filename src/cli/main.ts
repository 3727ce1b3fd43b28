import { CliError, EXIT_OK, EXIT_USAGE } from "./cli-error.js";
import { processIo, type CommandIo } from "./command-io.js";

type Command = (argv: string[], io: CommandIo) => Promise<number>;

/**
 * The commands, each loaded on first use: importing every command module
 * (the server framework, the linter, the formats) would slow down the
 * start of each short command.
 */
export const COMMANDS: Record<
  string,
  { load: () => Promise<Command>; summary: string }
> = {
  format: {
    load: async () => (await import("./format-command.js")).formatCommand,
    summary: "render one LocalizableMessage",
  },
  task: {
    load: async () => (await import("./task-command.js")).taskCommand,
    summary: "render TaskInfo objects, one line each",
  },
  import: {
    load: async () => (await import("./import-command.js")).importCommand,
    summary: "read catalogs of another format: vmsg, extension",
  },
  export: {
    load: async () => (await import("./export-command.js")).exportCommand,
    summary: "write catalogs in another format: vmsg, extension",
  },
  lint: {
    load: async () => (await import("./lint-command.js")).lintCommand,
    summary: "check catalogs and translations, for CI",
  },
  build: {
    load: async () => (await import("./build-command.js")).buildCommand,
    summary: "compile catalogs to bundles for locmsg/browser",
  },
  serve: {
    load: async () => (await import("./serve-command.js")).serveCommand,
    summary: "run the vSphere VI/JSON API server (sessions, tasks, extensions)",
  },
  "hash-password": {
    load: async () =>
      (await import("./hash-password-command.js")).hashPasswordCommand,
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
    return await (
      await command.load()
    )(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`locmsg ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
