/**
 * `npm run bench`: measures locmsg against the alternatives in one run and
 * writes the tables to stdout and to docs/benchmarks.md (between the
 * `bench:start` and `bench:end` markers; the rest of the page is kept).
 * `--quick` shortens every measurement for a smoke run.
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { Locmsg } from "../../src/engine/locmsg.js";
import { consumeSink } from "./measure.js";
import { runRenderBench, type RenderResult } from "./render-bench.js";

const PAGE = "docs/benchmarks.md";
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

function renderTable(results: RenderResult[]): string {
  const lines: string[] = [];
  const caseNames = [...new Set(results.map((result) => result.caseName))];
  for (const caseName of caseNames) {
    const rows = results.filter((result) => result.caseName === caseName);
    const locmsg = rows.find((row) => row.library === "locmsg")!;
    lines.push(
      `### ${caseName}`,
      "",
      "| library | ns per call (median) | x template literal | locmsg speed-up | same text |",
    );
    lines.push("| --- | ---: | ---: | ---: | --- |");
    for (const row of rows) {
      const speedUp =
        row.library === "locmsg"
          ? ""
          : `${(row.nanoseconds / locmsg.nanoseconds).toFixed(1)}x`;
      lines.push(
        `| ${row.library} | ${row.nanoseconds.toFixed(1)} | ${row.ratio.toFixed(2)} | ${speedUp} | ${row.sameOutput ? "yes" : "NO"} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const timing = quick
    ? { time: 50, warmupTime: 10 }
    : { time: 400, warmupTime: 100 };
  const command = `npm run bench${quick ? " -- --quick" : ""}`;

  const engine = await Locmsg.fromDirectory("catalogs");
  if (engine.loadDiagnostics.length > 0)
    throw new Error("the shipped catalogs do not load cleanly; run npm test");
  const session = engine.createSession({ locale: "en", timeZone: "UTC" });
  const render = await runRenderBench(session, timing);

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header = [
    `Command: \`${command}\``,
    `Node ${process.version}, ${cpu}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.`,
    "Each figure is the median over repeated samples of 1,000 calls after a warm-up; ratios compare figures of the same run.",
    "",
    "## Render throughput",
    "",
  ].join("\n");
  const section = `${header}${renderTable(render)}`;
  process.stdout.write(`${section}\n`);

  const page = await readFile(PAGE, "utf8").catch(() => "# Benchmarks\n");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  const block = `${START}\n${section}\n${END}`;
  const updated =
    start >= 0 && end > start
      ? page.slice(0, start) + block + page.slice(end + END.length)
      : `${page.trimEnd()}\n\n${block}\n`;
  if (!quick) await writeFile(PAGE, updated);
  if (consumeSink() < 0) process.exitCode = 1;
}

await main();
