/**
 * The Markdown that `npm run bench` writes: one table per benchmark and
 * the table of design targets with the figure measured for each.
 */
import type { ColdStartResult } from "./cold-start.js";
import type { CliStartupResult } from "./cli-startup.js";
import type { ThroughputResult } from "./compile-lint.js";
import type { MemoryResult } from "./memory.js";
import { pairedRatio, type RenderResult } from "./render-bench.js";
import type { ServerResult } from "./server-bench.js";

export interface BenchResults {
  render: RenderResult[];
  coldStart: ColdStartResult[];
  compileLint: ThroughputResult[];
  generatedKeys: number;
  server: ServerResult;
  memory: MemoryResult[];
  cli: CliStartupResult;
}

/** The libraries every locmsg case should beat by 5x. */
const PARSING_LIBRARIES = [
  "intl-messageformat",
  "@fluent/bundle",
  "messageformat 4",
  "i18next",
];
const ESM_FUNCTION = "locmsg compiled ESM, message function";
/** Catalogs loaded at run time: `Session.message(key)` called with named arguments. */
const MESSAGE_FUNCTION = "locmsg message function";
const ESM_FORMAT = "locmsg compiled ESM";

function table(head: string[], align: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
  ].join("\n");
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const thousands = (value: number) => Math.round(value).toLocaleString("en");

export function renderTables(results: RenderResult[]): string {
  const lines: string[] = [];
  const caseNames = [...new Set(results.map((result) => result.caseName))];
  for (const caseName of caseNames) {
    const rows = results.filter((result) => result.caseName === caseName);
    const locmsg = rows.find((row) => row.library === "locmsg")!;
    lines.push(`#### ${caseName}`, "");
    lines.push(
      table(
        [
          "library",
          "ns per call (median)",
          "x template literal",
          "x locmsg",
          "same text",
        ],
        ["---", "---:", "---:", "---:", "---"],
        rows.map((row) => [
          row.library,
          fixed(row.nanoseconds),
          fixed(row.ratio, 2),
          fixed(pairedRatio(row.rounds, locmsg.rounds), 2),
          row.sameOutput ? "yes" : "NO",
        ]),
      ),
    );
  }
  return lines.join("\n");
}

function find(results: RenderResult[], caseName: string, library: string) {
  const found = results.find(
    (result) => result.caseName === caseName && result.library === library,
  );
  if (!found) throw new Error(`no result for ${library} in ${caseName}`);
  return found;
}

interface Target {
  target: string;
  measured: string;
  met: boolean;
}

function targets(results: BenchResults): Target[] {
  const { render } = results;
  const caseNames = [...new Set(render.map((result) => result.caseName))];
  const ratio = (caseName: string, library = "locmsg") =>
    find(render, caseName, library).ratio;
  const list: Target[] = [];
  const within = (target: string, caseName: string, limit: number) => {
    const value = ratio(caseName, MESSAGE_FUNCTION);
    list.push({
      target,
      measured: `${fixed(value, 2)}x (\`Session.format\` on a LocalizableMessage: ${fixed(ratio(caseName), 2)}x)`,
      met: value <= limit,
    });
  };
  within(
    "plain `{name}` within 1.5x of the template literal",
    caseNames[0]!,
    1.5,
  );
  within(
    "label lookup within 1.5x of a template literal indexing a precomputed label table",
    caseNames[1]!,
    1.5,
  );
  within("`{1}` lookup within 3x of the template literal", caseNames[2]!, 3);
  within(
    "event property paths within 3x of the template literal",
    caseNames[3]!,
    3,
  );

  for (const caseName of caseNames) {
    const locmsg = find(render, caseName, MESSAGE_FUNCTION).rounds;
    const speedUps = PARSING_LIBRARIES.map((library) => ({
      library,
      speedUp: pairedRatio(find(render, caseName, library).rounds, locmsg),
    }));
    const slowest = speedUps.reduce((a, b) => (a.speedUp <= b.speedUp ? a : b));
    list.push({
      target: `${caseName}: locmsg message functions at least 5x faster than intl-messageformat, @fluent/bundle, messageformat 4 and i18next`,
      measured: `${fixed(slowest.speedUp, 2)}x faster than ${slowest.library} (the closest)`,
      met: slowest.speedUp >= 5,
    });
  }

  const esmFunctions = caseNames.map((caseName) =>
    ratio(caseName, ESM_FUNCTION),
  );
  const esmFormat = caseNames.map((caseName) => ratio(caseName, ESM_FORMAT));
  list.push({
    target:
      "compiled ESM messages within 1.1x of the template literal in every case (message functions called with named arguments)",
    measured: `${esmFunctions.map((value) => `${fixed(value, 2)}x`).join(", ")}; through \`format(LocalizableMessage)\`: ${esmFormat.map((value) => `${fixed(value, 2)}x`).join(", ")}`,
    met: esmFunctions.every((value) => value <= 1.1),
  });

  const [yaml, bundles, esm] = results.coldStart;
  const speedUp = yaml!.totalMs / bundles!.totalMs;
  list.push({
    target:
      "compiled bundles load at least 10x faster than YAML (cold start, import + load + first render)",
    measured: `${fixed(speedUp, 1)}x for JSON bundles (load and first render alone: ${fixed(yaml!.loadMs / bundles!.loadMs, 1)}x); ${fixed(yaml!.totalMs / esm!.totalMs, 1)}x for ES modules`,
    met: speedUp >= 10,
  });

  const lint = results.compileLint.find((result) =>
    result.step.startsWith("lint"),
  )!;
  list.push({
    target: `lint of ${thousands(results.generatedKeys)} messages in two locales under 2 s`,
    measured: `${fixed(lint.seconds, 2)} s`,
    met: lint.seconds < 2,
  });

  const [constantGet, info] = results.server.results;
  const share = info!.requestsPerSecond / constantGet!.requestsPerSecond;
  list.push({
    target:
      "server `Task/{id}/info` reads at least half the throughput of the constant-body baseline",
    measured: `${fixed(share * 100, 0)}% (${thousands(info!.requestsPerSecond)} vs ${thousands(constantGet!.requestsPerSecond)} requests/s)`,
    met: share >= 0.5,
  });
  return list;
}

export function targetTable(results: BenchResults): string {
  return table(
    ["target", "measured", "met"],
    ["---", "---", "---"],
    targets(results).map((target) => [
      target.target,
      target.measured,
      target.met ? "met" : "not met",
    ]),
  );
}

export function coldStartTable(results: ColdStartResult[]): string {
  const yaml = results[0]!;
  return table(
    [
      "form",
      "import (ms)",
      "load + first render (ms)",
      "total (ms)",
      "x faster than YAML",
      "rendered",
    ],
    ["---", "---:", "---:", "---:", "---:", "---"],
    results.map((result) => [
      result.form,
      fixed(result.importMs),
      fixed(result.loadMs),
      fixed(result.totalMs),
      fixed(yaml.totalMs / result.totalMs, 1),
      result.text,
    ]),
  );
}

export function throughputTable(results: ThroughputResult[]): string {
  return table(
    [
      "step",
      "entries",
      "seconds (median)",
      "entries per second",
      "diagnostics",
    ],
    ["---", "---:", "---:", "---:", "---:"],
    results.map((result) => [
      result.step,
      thousands(result.entries),
      fixed(result.seconds, 2),
      thousands(result.entries / result.seconds),
      String(result.diagnostics),
    ]),
  );
}

export function serverTable(result: ServerResult): string {
  const [getBaseline, , postBaseline] = result.results;
  return table(
    [
      "requests",
      "requests/s (median)",
      "x baseline",
      "p50 (ms)",
      "p90 (ms)",
      "p99 (ms)",
      "requests",
      "failed",
    ],
    ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
    result.results.map((row, index) => {
      const baseline = index < 2 ? getBaseline! : postBaseline!;
      return [
        row.name,
        thousands(row.requestsPerSecond),
        fixed(row.requestsPerSecond / baseline.requestsPerSecond, 2),
        String(row.p50Ms),
        String(row.p90Ms),
        String(row.p99Ms),
        thousands(row.total),
        String(row.failed),
      ];
    }),
  );
}

export function memoryTable(results: MemoryResult[]): string {
  return table(
    ["locale", "messages", "heap used (KiB)", "bytes per message"],
    ["---", "---:", "---:", "---:"],
    results.map((result) => [
      result.locale,
      thousands(result.messages),
      thousands(result.bytes / 1024),
      thousands(result.bytes / result.messages),
    ]),
  );
}

export function cliTable(result: CliStartupResult): string {
  return table(
    ["command", "ms (median)", "x node -e ''"],
    ["---", "---:", "---:"],
    [
      ["`node -e ''` (baseline)", fixed(result.baselineMs), "1.00"],
      [
        "`node bin/locmsg.js format --locale de` (one message on stdin)",
        fixed(result.formatMs),
        fixed(result.formatMs / result.baselineMs, 2),
      ],
    ],
  );
}
