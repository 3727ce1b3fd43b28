import {
  formatDiagnostic,
  LocmsgError,
  type Diagnostic,
} from "../diagnostics/diagnostic.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import { parseCommandArgs } from "./parse-options.js";
import { readJsonInput } from "./read-input.js";
import {
  openSession,
  RENDER_OPTIONS,
  RENDER_OPTIONS_HELP,
} from "./session-options.js";

export const FORMAT_HELP = `Usage: locmsg format [FILE|-] [options]

Renders one LocalizableMessage, given as JSON (plain or VI/JSON form), in
the session locale and prints the text. FILE defaults to standard input.

Example input: {"key": "com.vmware.locmsg.taskState",
                "arg": [{"key": "field", "value": "queued"}]}

Options:
${RENDER_OPTIONS_HELP}

Exit status: 0 rendered, 1 --strict found a problem, 2 unusable input or options.`;

export async function formatCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("format", {
    args: argv,
    options: RENDER_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(FORMAT_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1)
    throw new CliError(
      `format takes one FILE, got ${positionals.length}; see 'locmsg format --help'`,
    );

  const session = openSession(values, io.stderr);
  const message = await readJsonInput(positionals[0] ?? "-");
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = session.format(message, {
      strict: values.strict,
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    });
  } catch (error) {
    if (!(error instanceof LocmsgError)) throw error;
    if (error.code === "invalid-input")
      throw new CliError(`invalid message: ${error.diagnostics[0]!.message}`);
    io.stderr(formatDiagnostic(error.diagnostics[0]!));
    return EXIT_PROBLEMS;
  }
  for (const diagnostic of diagnostics) io.stderr(formatDiagnostic(diagnostic));
  io.stdout(text);
  return EXIT_OK;
}
