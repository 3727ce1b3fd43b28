/**
 * `npm run bench`: measures locmsg against its baselines in one run and
 * writes the tables to stdout and to docs/benchmarks.md, between the
 * `bench:start` and `bench:end` markers. The rest of the page is kept.
 * It builds dist/ first, because the child processes run the compiled
 * code. `--quick` shortens every measurement for a smoke run and leaves the
 * page as it is. `--only render` (or `cold-start`, `compile-lint`, `server`, `cli`;
 * comma-separated) runs those parts alone, prints their tables and leaves
 * the page as it is.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import prettier from "prettier";
import { buildEsmModules } from "../../src/bundle/esm/build-esm.js";
import { writeBundles } from "../../src/bundle/write-bundles.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { runCliStartup } from "./cli-startup.js";
import { runColdStart } from "./cold-start.js";
import { runCompileLint } from "./compile-lint.js";
import { consumeSink } from "./measure.js";
import { runMemory } from "./memory.js";
import { runRenderBench } from "./render-bench.js";
import type { EsmRenderer } from "./render-cases.js";
import {
  cliTable,
  coldStartTable,
  memoryTable,
  renderTables,
  serverTable,
  targetTable,
  throughputTable,
  type BenchResults,
} from "./report.js";
import { runServerBench } from "./server-bench.js";

const PAGE = "docs/benchmarks.md";
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";
const SHIPPED = path.resolve("catalogs");
/** Cold start renders in this locale; its chain is `de`, then `en`. */
const COLD_START_LOCALE = "de";

const FULL = {
  render: { rounds: 10, time: 40, warmupTime: 10 },
  coldStartRuns: 7,
  generatedKeys: 100_000,
  compileRounds: 3,
  server: { seconds: 5, connections: 10 },
  memoryRounds: 3,
  cliRuns: 15,
};
const QUICK: typeof FULL = {
  render: { rounds: 3, time: 15, warmupTime: 5 },
  coldStartRuns: 2,
  generatedKeys: 10_000,
  compileRounds: 1,
  server: { seconds: 1, connections: 10 },
  memoryRounds: 1,
  cliRuns: 3,
};

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function buildDist(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build"], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed, and the child processes need dist/; fix the build first:\n${result.stdout}${result.stderr}`,
    );
  }
}

/** Builds the shipped catalogs as ES modules into `dir` and loads the English renderer. */
async function loadEsm(engine: Locmsg, dir: string): Promise<EsmRenderer> {
  await writeBundles(dir, buildEsmModules(engine.catalogs));
  const index = (await import(
    pathToFileURL(path.join(dir, "index.js")).href
  )) as { loadLocmsg(options: object): Promise<EsmRenderer> };
  return index.loadLocmsg({ locale: "en", timeZone: "UTC" });
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
}

/** Renders the five cases with the session and ES modules of the shipped catalogs. */
async function measureRender(
  engine: Locmsg,
  settings: typeof FULL,
  workDir: string,
) {
  const session = engine.createSession({ locale: "en", timeZone: "UTC" });
  const esm = await loadEsm(engine, path.join(workDir, "render-esm"));
  return runRenderBench(session, { esm }, settings.render);
}

function measureColdStart(
  engine: Locmsg,
  settings: typeof FULL,
  workDir: string,
) {
  return runColdStart(engine.catalogs, {
    shippedDir: SHIPPED,
    workDir: path.join(workDir, "cold-start"),
    locale: COLD_START_LOCALE,
    chainLocales: ["de", "en"],
    runs: settings.coldStartRuns,
  });
}

function measureCompileLint(settings: typeof FULL, workDir: string) {
  return runCompileLint({
    workDir: path.join(workDir, "generated"),
    keys: settings.generatedKeys,
    rounds: settings.compileRounds,
  });
}

async function measureAll(
  settings: typeof FULL,
  workDir: string,
): Promise<BenchResults> {
  progress("loading the shipped catalogs");
  const engine = await Locmsg.fromDirectory(SHIPPED);
  if (engine.loadDiagnostics.length > 0)
    throw new Error("the shipped catalogs do not load cleanly; run npm test");
  progress("render throughput");
  const render = await measureRender(engine, settings, workDir);
  progress("cold start");
  const coldStart = await measureColdStart(engine, settings, workDir);
  progress(`compile and lint of ${settings.generatedKeys} generated messages`);
  const compileLint = await measureCompileLint(settings, workDir);
  progress("server throughput");
  const server = await runServerBench({
    workDir,
    ...settings.server,
  });
  progress("memory per locale");
  const memory = await runMemory({
    shippedDir: SHIPPED,
    workDir: path.join(workDir, "memory"),
    rounds: settings.memoryRounds,
  });
  progress("CLI start-up");
  const cli = await runCliStartup(settings.cliRuns);
  return {
    render,
    coldStart,
    compileLint,
    generatedKeys: settings.generatedKeys,
    server,
    memory,
    cli,
  };
}

function section(
  results: BenchResults,
  settings: typeof FULL,
  header: string[],
): string {
  const { server } = settings;
  return [
    "## Speed, load, memory and start-up",
    "",
    ...header,
    "",
    "### Targets",
    "",
    "Ratios compare figures of this run; a ratio above 1 is slower than the baseline.",
    "",
    targetTable(results),
    "### Render throughput",
    "",
    `Each case runs in ${settings.render.rounds} rounds. A round times every library of the case for ${settings.render.time} ms after a ${settings.render.warmupTime} ms warm-up, in an order rotated each round, and takes the median time of one call over samples of 1,000 calls. A figure is the median over rounds, and a ratio is the median over rounds of the two times measured in the same round, so a change in the machine's load reaches both sides of a ratio. ` +
      "Every renderer is called through the same call site, which has called all of them before timing starts, and each is timed once and discarded before the measured rounds (scripts/bench/measure.ts and render-bench.ts). So V8 specializes the loop for none of them. `locmsg message function` calls `Session.message(key)` with named arguments: catalogs loaded at run time, compiled to closures. `locmsg` is the server renderer's general path (`Session.format` on a LocalizableMessage). Compiled MF2 messages remember up to 256 formatted numbers per expression (src/compile/number-memo.ts), and format without that memo for the next 4,096 calls when fewer than 64 of 256 numbers repeated. The MF2 plural case cycles through four counts, so locmsg formats each count once there, and the case with a new count every call measures formatting without that memo. `locmsg compiled ESM` renders the same LocalizableMessage with the output of `locmsg build --format esm`; its `message function` row calls the compiled message function with named arguments (`message(key)(args)`), as an application that imports a message would.",
    "",
    renderTables(results.render),
    "### Cold start",
    "",
    `A fresh \`node\` process imports the renderer from dist/, loads the shipped catalogs of \`${COLD_START_LOCALE}\` and its fallback \`en\` (every catalog of both locales) and renders one message. Median of ${settings.coldStartRuns} processes per form after one warm-up process. Each column is its own median, so the total may differ from the sum of the two parts.`,
    "",
    coldStartTable(results.coldStart),
    "### Catalog compile and lint",
    "",
    `A generated folder with ${results.generatedKeys.toLocaleString("en")} keys in \`en\` and \`de\` (scripts/bench/large-catalogs.ts): named arguments, property paths, \`{1}\`, label lookups, plain text and 1% MF2 plural messages. Median of ${settings.compileRounds} rounds after a warm-up on a smaller folder.`,
    "",
    throughputTable(results.compileLint),
    "### Server",
    "",
    `\`locmsg serve\` with an administrator from \`LOCMSG_ADMIN_USER\`, \`maxTasks: 1000000\` (by default the server rejects CreateTask once 10,000 unfinished tasks are stored), an extension with one task type and a session logged in with locale \`de\`; autocannon on 127.0.0.1 with ${server.connections} connections for ${server.seconds} s per row after a 1 s warm-up. The baselines are fastify routes that respond with the bytes of the info read, the POST one after parsing the CreateTask body as JSON. Both log every request as \`locmsg serve\` does. CreateTask created ${results.server.tasksCreated.toLocaleString("en")} tasks in all.`,
    "",
    serverTable(results.server),
    "### Memory per locale",
    "",
    `\`process.memoryUsage().heapUsed\` after \`gc()\` before and after loading one locale's shipped catalogs into four engines (\`loadCatalogDirectorySync\` and \`new Locmsg\`, which render one message each), divided by four, in a child started with \`--expose-gc\`. Median of ${settings.memoryRounds} rounds after a warm-up load.`,
    "",
    memoryTable(results.memory),
    "### CLI start-up",
    "",
    `Wall time of a child process from spawn to exit, median of ${settings.cliRuns} runs after two warm-up runs. \`locmsg format\` printed "${results.cli.output}".`,
    "",
    cliTable(results.cli),
  ].join("\n");
}

const PARTS = ["render", "cold-start", "compile-lint", "server", "cli"];

/** `--only a,b`: the parts to run alone, or undefined for the whole benchmark. */
function onlyParts(): Set<string> | undefined {
  const index = process.argv.indexOf("--only");
  if (index < 0) return undefined;
  const parts = (process.argv[index + 1] ?? "").split(",");
  const unknown = parts.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0 || parts.length === 0)
    throw new Error(
      `invalid --only value "${process.argv[index + 1] ?? ""}"; use a comma-separated list of ${PARTS.join(", ")}`,
    );
  return new Set(parts);
}

/** Runs the parts named by `--only` and prints their tables. */
async function measureParts(
  parts: Set<string>,
  settings: typeof FULL,
  workDir: string,
): Promise<void> {
  const engine = await Locmsg.fromDirectory(SHIPPED);
  const out: string[] = [];
  if (parts.has("render")) {
    out.push(renderTables(await measureRender(engine, settings, workDir)));
  }
  if (parts.has("cold-start")) {
    out.push(coldStartTable(await measureColdStart(engine, settings, workDir)));
  }
  if (parts.has("compile-lint")) {
    out.push(throughputTable(await measureCompileLint(settings, workDir)));
  }
  if (parts.has("server")) {
    out.push(
      serverTable(await runServerBench({ workDir, ...settings.server })),
    );
  }
  if (parts.has("cli"))
    out.push(cliTable(await runCliStartup(settings.cliRuns)));
  process.stdout.write(`${out.join("\n")}\n`);
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const settings = quick ? QUICK : FULL;
  const only = onlyParts();
  if (only) {
    // Only the child processes of the other parts run dist/.
    if ([...only].some((part) => part !== "render")) {
      progress("npm run build");
      buildDist();
    }
    const workDir = await mkdtemp(path.join(os.tmpdir(), "locmsg-bench-"));
    try {
      await measureParts(only, settings, workDir);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    return;
  }
  const command = `npm run bench${quick ? " -- --quick" : ""}`;
  const loadBefore = loadAverage();

  progress("npm run build");
  buildDist();
  const workDir = await mkdtemp(path.join(os.tmpdir(), "locmsg-bench-"));
  let results: BenchResults;
  try {
    results = await measureAll(settings, workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const header = [
    `Command: \`${command}\``,
    "",
    `Node.js ${process.version}, ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${new Date().toISOString().slice(0, 10)}. Load average (1, 5, 15 min) ${loadBefore} at the start and ${loadAverage()} at the end: the machine is shared with other test runs, so absolute figures vary between runs, and ratios within one run are steadier.`,
  ];
  const text = section(results, settings, header);
  process.stdout.write(`${text}\n`);

  const page = await readFile(PAGE, "utf8").catch(() => "# Benchmarks\n");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  const block = `${START}\n\n${text}\n${END}`;
  const updated =
    start >= 0 && end > start
      ? page.slice(0, start) + block + page.slice(end + END.length)
      : `${page.trimEnd()}\n\n${block}\n`;
  // npm test checks the page with Prettier, which aligns the tables.
  const options = (await prettier.resolveConfig(PAGE)) ?? {};
  const formatted = await prettier.format(updated, {
    ...options,
    filepath: PAGE,
  });
  if (!quick) await writeFile(PAGE, formatted);
  if (consumeSink() < 0) process.exitCode = 1;
}

await main();
