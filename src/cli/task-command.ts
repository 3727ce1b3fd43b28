import {
  formatDiagnostic,
  LocmsgError,
  type Diagnostic,
} from "../diagnostics/diagnostic.js";
import type { LocalizedTaskInfo } from "../render/render-task-info.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import { parseCommandArgs } from "./parse-options.js";
import { readJsonInput } from "./read-input.js";
import {
  openSession,
  RENDER_OPTIONS,
  RENDER_OPTIONS_HELP,
} from "./session-options.js";

export const TASK_HELP = `Usage: locmsg task [FILE|-] [options]

Renders a TaskInfo, or a JSON array of them (plain or VI/JSON form), in the
session locale: one line per task with its name, description, entity, state,
reason, times and error. FILE defaults to standard input.

Options:
${RENDER_OPTIONS_HELP}
  --json            print the TaskInfo JSON instead, with description.message
                    and error.localizedMessage filled in and the localized
                    fields under "localized"

Exit status: 0 rendered, 1 --strict found a problem, 2 unusable input or options.`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Writes the TaskInfo JSON. Input nested deeply enough to exhaust the stack
 * while copying or writing it is unusable for JSON output; the line output
 * still works for it.
 */
function jsonOutput(
  document: unknown,
  tasks: unknown[],
  rendered: LocalizedTaskInfo[],
): string {
  try {
    const output = tasks.map((task, index) =>
      withLocalizedFields(task, rendered[index]!),
    );
    return JSON.stringify(
      Array.isArray(document) ? output : output[0],
      null,
      2,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new CliError(
      "the TaskInfo nests too deeply to print as JSON; flatten its arguments, or leave out --json for one line per task",
    );
  }
}

/** Adds to the input TaskInfo the server-rendered fields a client would receive. */
function withLocalizedFields(
  raw: unknown,
  localized: LocalizedTaskInfo,
): unknown {
  const task = structuredClone(raw) as Record<string, unknown>;
  if (isObject(task["description"]) && localized.description !== undefined) {
    task["description"]["message"] = localized.description;
  }
  if (isObject(task["error"]) && localized.error !== undefined) {
    task["error"]["localizedMessage"] = localized.error;
  }
  task["localized"] = localized;
  return task;
}

export async function taskCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("task", {
    args: argv,
    options: { ...RENDER_OPTIONS, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(TASK_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1)
    throw new CliError(
      `task takes one FILE, got ${positionals.length}; see 'locmsg task --help'`,
    );

  const session = openSession(values, io.stderr);
  const document = await readJsonInput(positionals[0] ?? "-");
  const tasks = Array.isArray(document) ? document : [document];

  // Render every task before printing, so a failure prints nothing on stdout.
  const diagnostics: Diagnostic[] = [];
  const rendered: LocalizedTaskInfo[] = [];
  try {
    for (const task of tasks) {
      rendered.push(
        session.renderTaskInfo(task, {
          strict: values.strict,
          onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof LocmsgError)) throw error;
    const index = rendered.length;
    if (error.code === "invalid-input") {
      throw new CliError(
        `invalid TaskInfo at index ${index}: ${error.diagnostics[0]!.message}`,
      );
    }
    io.stderr(formatDiagnostic(error.diagnostics[0]!));
    return EXIT_PROBLEMS;
  }

  for (const diagnostic of diagnostics) io.stderr(formatDiagnostic(diagnostic));
  if (values.json) {
    io.stdout(jsonOutput(document, tasks, rendered));
  } else {
    for (const task of rendered) io.stdout(task.line);
  }
  return EXIT_OK;
}
