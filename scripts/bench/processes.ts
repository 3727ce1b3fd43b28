/**
 * Child processes for the benchmarks that need a fresh Node.js each time:
 * cold start, memory and CLI start-up. Children run the compiled dist/
 * modules with plain `node`, so no TypeScript loader is measured.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The folder of the child scripts. */
export const CHILDREN = fileURLToPath(new URL("children/", import.meta.url));

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface ChildRun {
  /** Milliseconds from spawn to exit, measured by this process. */
  wallMs: number;
  stdout: string;
}

/**
 * Runs `node ARGS` to completion, with `input` on stdin, and fails with
 * its stderr when it exits with a status other than 0.
 */
export function runNode(
  args: string[],
  input = "",
  timeoutMs = 60_000,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ["pipe", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ wallMs, stdout });
      else
        reject(
          new Error(
            `node ${args.join(" ")} failed (${signal ?? `exit status ${code}`}): ${stderr.trim()}`,
          ),
        );
    });
    child.stdin.end(input);
  });
}

/** Runs a child script that prints one JSON object, and parses it. */
export async function runJsonChild<T>(
  script: string,
  args: string[],
  nodeOptions: string[] = [],
): Promise<T> {
  const { stdout } = await runNode([
    ...nodeOptions,
    CHILDREN + script,
    ...args,
  ]);
  return JSON.parse(stdout) as T;
}
