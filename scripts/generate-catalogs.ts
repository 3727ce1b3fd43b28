// Generates catalogs/en/enum.yaml and catalogs/en/task.yaml from the
// TaskDescription that a real vCenter 6.5 returned (method, state and reason
// labels). Only this script reads the data folder, and only when run by hand:
// the project and its tests use the generated files and the fixture copy in
// test/fixtures/vsphere.
//
//   npx tsx scripts/generate-catalogs.ts [--check] DATA_DIR
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { stringify } from "yaml";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** File inside the data folder that the catalogs are generated from. */
export const TASK_DESCRIPTION_FILE = "govmomi-vpx-TaskDescription.json";

/** Source of the TaskDescription, written into the header of every generated file. */
export const TASK_DESCRIPTION_SOURCE = {
  repository: "vmware/govmomi",
  path: "simulator/vpx/task_manager.go",
  commit: "fd06160642a8c3609c0cd86e2bc25f2b4e974631",
  licence: "Apache-2.0",
} as const;

/** Values of the vim enum `TaskInfo.State`: the open states, then the final ones. */
export const TASK_STATES = ["queued", "running", "success", "error"] as const;

/** Subtypes of the vim data object `TaskReason`. */
export const TASK_REASONS = [
  "TaskReasonUser",
  "TaskReasonSystem",
  "TaskReasonAlarm",
  "TaskReasonSchedule",
] as const;

/** One `ElementDescription` of a TaskDescription. */
export interface ElementDescription {
  key: string;
  label: string;
  summary: string;
}

/** The vim data object `TaskDescription`, reduced to the three lists used here. */
export interface TaskDescription {
  methodInfo: ElementDescription[];
  state: ElementDescription[];
  reason: ElementDescription[];
}

/**
 * Checks that `json` has the shape of a TaskDescription and returns it typed.
 * Throws an Error naming the first list and index that is not valid.
 */
export function parseTaskDescription(json: unknown): TaskDescription {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(
      "invalid TaskDescription: expected a JSON object with methodInfo, state and reason",
    );
  }
  const record = json as Record<string, unknown>;
  return {
    methodInfo: parseDescriptionList(record, "methodInfo"),
    state: parseDescriptionList(record, "state"),
    reason: parseDescriptionList(record, "reason"),
  };
}

function parseDescriptionList(
  record: Record<string, unknown>,
  name: string,
): ElementDescription[] {
  const list = record[name];
  if (!Array.isArray(list)) {
    throw new Error(
      `invalid TaskDescription: '${name}' is missing or not a list`,
    );
  }
  return list.map((item: unknown, index) => {
    const where = `${name}[${index}]`;
    if (typeof item !== "object" || item === null) {
      throw new Error(`invalid TaskDescription: ${where} is not an object`);
    }
    const { key, label, summary } = item as Record<string, unknown>;
    if (typeof key !== "string" || key === "") {
      throw new Error(
        `invalid TaskDescription: ${where}.key is missing or empty`,
      );
    }
    if (typeof label !== "string" || typeof summary !== "string") {
      throw new Error(
        `invalid TaskDescription: ${where} ('${key}') has a missing or non-string label or summary`,
      );
    }
    return { key, label, summary };
  });
}

/**
 * Escapes literal braces for the catalog message syntax, where `{` starts a
 * placeholder. The vCenter 6.5 labels contain no braces, so for them this
 * changes nothing.
 */
export function escapeMessageText(text: string): string {
  return text.replaceAll("{", "{{").replaceAll("}", "}}");
}

/**
 * Indexes descriptions by key. A key listed twice with the same label and
 * summary is kept once. A key listed twice with different text throws,
 * because neither text can be chosen safely.
 */
function indexByKey(
  list: readonly ElementDescription[],
  listName: string,
): Map<string, ElementDescription> {
  const byKey = new Map<string, ElementDescription>();
  for (const description of list) {
    const previous = byKey.get(description.key);
    if (
      previous &&
      (previous.label !== description.label ||
        previous.summary !== description.summary)
    ) {
      throw new Error(
        `${listName} lists key '${description.key}' twice with different text. Fix the data before generating.`,
      );
    }
    byKey.set(description.key, description);
  }
  return byKey;
}

/**
 * Looks up every expected key, in the order given, and throws when one is
 * missing or when the data has a key that is not expected.
 */
function selectExpected(
  list: readonly ElementDescription[],
  listName: string,
  expected: readonly string[],
): ElementDescription[] {
  const byKey = indexByKey(list, listName);
  const unexpected = [...byKey.keys()].filter((key) => !expected.includes(key));
  if (unexpected.length > 0) {
    throw new Error(
      `${listName} has unexpected keys: ${unexpected.join(", ")}. Expected only ${expected.join(", ")}.`,
    );
  }
  return expected.map((key) => {
    const description = byKey.get(key);
    if (!description) {
      throw new Error(`${listName} has no entry for '${key}'`);
    }
    return description;
  });
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function headerFor(fileName: string, contents: string): string {
  const source = TASK_DESCRIPTION_SOURCE;
  return [
    `# catalogs/en/${fileName}: ${contents}.`,
    "# Generated by scripts/generate-catalogs.ts; do not edit. To regenerate, run",
    "# `npx tsx scripts/generate-catalogs.ts`.",
    `# Source: ${source.repository}, ${source.path},`,
    `# commit ${source.commit}`,
    "# (the TaskDescription of a real vCenter 6.5).",
    `# Licence: ${source.licence}`,
    "",
  ].join("\n");
}

function renderYaml(entries: ReadonlyArray<[string, string]>): string {
  // A Map keeps insertion order for every key, unlike an object, which
  // moves integer-like keys to the front.
  const mapping = new Map(entries);
  // Double-quoted values stay strings under every YAML schema, so a label
  // such as "true" or "1.0" never reads as a boolean or a number.
  return stringify(mapping, {
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    lineWidth: 0,
  });
}

/**
 * Renders the generated catalogs from a TaskDescription. Returns the text of
 * each file, keyed by its path relative to the repository root.
 *
 * enum.yaml lists states in TASK_STATES order and reasons in TASK_REASONS
 * order. task.yaml lists methods sorted by key in UTF-16 code-unit order,
 * each with `.label` then `.summary`. Braces in the source text are doubled
 * so that they read as literal text.
 */
export function renderCatalogs(
  taskDescription: TaskDescription,
): Map<string, string> {
  const states = selectExpected(taskDescription.state, "state", TASK_STATES);
  const reasons = selectExpected(
    taskDescription.reason,
    "reason",
    TASK_REASONS,
  );
  const enumEntries: Array<[string, string]> = [];
  for (const state of states) {
    const prefix = `TaskInfo.State.${state.key}`;
    enumEntries.push([`${prefix}.label`, escapeMessageText(state.label)]);
    enumEntries.push([`${prefix}.summary`, escapeMessageText(state.summary)]);
  }
  for (const reason of reasons) {
    const prefix = `TaskReason.${reason.key}`;
    enumEntries.push([`${prefix}.label`, escapeMessageText(reason.label)]);
    enumEntries.push([`${prefix}.summary`, escapeMessageText(reason.summary)]);
  }

  const methods = [
    ...indexByKey(taskDescription.methodInfo, "methodInfo").values(),
  ].sort((a, b) => compareCodeUnits(a.key, b.key));
  const taskEntries: Array<[string, string]> = [];
  for (const method of methods) {
    taskEntries.push([`${method.key}.label`, escapeMessageText(method.label)]);
    taskEntries.push([
      `${method.key}.summary`,
      escapeMessageText(method.summary),
    ]);
  }

  return new Map([
    [
      "catalogs/en/enum.yaml",
      headerFor("enum.yaml", "labels of task states and task reasons") +
        renderYaml(enumEntries),
    ],
    [
      "catalogs/en/task.yaml",
      headerFor(
        "task.yaml",
        `labels and summaries of ${methods.length} vSphere API methods, as tasks show them`,
      ) + renderYaml(taskEntries),
    ],
  ]);
}

const usage = `Usage: npx tsx scripts/generate-catalogs.ts [--check] DATA_DIR

Generates catalogs/en/enum.yaml and catalogs/en/task.yaml from
DATA_DIR/${TASK_DESCRIPTION_FILE}.

  DATA_DIR   folder that holds ${TASK_DESCRIPTION_FILE}
  --check    write nothing; exit 1 when a committed file differs from what
             the data generates
  --help     print this help`;

interface Options {
  check: boolean;
  dataDir: string;
}

function parseArguments(args: readonly string[]): Options | "help" {
  let check = false;
  let dataDir: string | undefined;
  for (const arg of args) {
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--check") {
      check = true;
    } else if (arg.startsWith("-")) {
      throw new Error(`unknown option '${arg}'`);
    } else if (dataDir === undefined) {
      dataDir = arg;
    } else {
      throw new Error(
        `expected at most one DATA_DIR, got '${dataDir}' and '${arg}'`,
      );
    }
  }
  if (dataDir === undefined) {
    throw new Error(
      `missing DATA_DIR: pass the folder that holds ${TASK_DESCRIPTION_FILE}`,
    );
  }
  return { check, dataDir: path.resolve(dataDir) };
}

async function readTaskDescription(dataDir: string): Promise<TaskDescription> {
  const file = path.join(dataDir, TASK_DESCRIPTION_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(
      `cannot read ${file}: ${(error as Error).message}. Pass the folder that contains ${TASK_DESCRIPTION_FILE} as DATA_DIR.`,
    );
  }
  return parseTaskDescription(JSON.parse(text));
}

async function main(args: readonly string[]): Promise<number> {
  let options: Options | "help";
  try {
    options = parseArguments(args);
  } catch (error) {
    console.error(`generate-catalogs: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options === "help") {
    console.log(usage);
    return 0;
  }

  const outputs = renderCatalogs(await readTaskDescription(options.dataDir));
  let stale = 0;
  for (const [file, text] of outputs) {
    const target = path.join(root, file);
    if (options.check) {
      const committed = await readFile(target, "utf8").catch(() => "");
      if (committed !== text) {
        console.error(
          `${file} is stale: it differs from what ${TASK_DESCRIPTION_FILE} generates. Run 'npx tsx scripts/generate-catalogs.ts' and commit the result.`,
        );
        stale += 1;
      }
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
      console.log(`wrote ${file}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

const invokedPath = process.argv[1];
if (
  invokedPath &&
  path.resolve(invokedPath) === fileURLToPath(import.meta.url)
) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        `generate-catalogs: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    },
  );
}
