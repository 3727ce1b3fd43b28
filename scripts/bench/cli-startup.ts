/**
 * CLI start-up: `node bin/locmsg.js format` on one message read from
 * stdin (the compiled dist/ code) against `node -e ''`, each the median of
 * `runs` processes after two warm-up runs.
 */
import { fileURLToPath } from "node:url";
import { median, runNode } from "./processes.js";

const BIN = fileURLToPath(new URL("../../bin/locmsg.js", import.meta.url));
const MESSAGE = JSON.stringify({
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
});
const WARM_UP_RUNS = 2;

export interface CliStartupResult {
  baselineMs: number;
  formatMs: number;
  /** What `locmsg format` printed, to show it did the work. */
  output: string;
}

async function medianWallMs(
  args: string[],
  input: string,
  runs: number,
): Promise<{ ms: number; stdout: string }> {
  const times: number[] = [];
  let stdout = "";
  for (let run = 0; run < WARM_UP_RUNS + runs; run++) {
    const result = await runNode(args, input);
    if (run >= WARM_UP_RUNS) times.push(result.wallMs);
    stdout = result.stdout;
  }
  return { ms: median(times), stdout };
}

export async function runCliStartup(runs: number): Promise<CliStartupResult> {
  const baseline = await medianWallMs(["-e", ""], "", runs);
  const format = await medianWallMs(
    [BIN, "format", "--locale", "de"],
    MESSAGE,
    runs,
  );
  return {
    baselineMs: baseline.ms,
    formatMs: format.ms,
    output: format.stdout.trim(),
  };
}
