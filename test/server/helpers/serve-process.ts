import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../../bin/locmsg.js", import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** Parsed JSON log lines from stdout so far. */
  logs: Record<string, unknown>[];
  stderr: () => string;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the built `locmsg serve` with the given arguments (the CLI must be built). */
export function spawnServe(
  args: string[],
  env: Record<string, string> = {},
): ServeProcess {
  // The parent's administrator variables must not leak into a test.
  const inherited = { ...process.env };
  delete inherited["LOCMSG_ADMIN_USER"];
  delete inherited["LOCMSG_ADMIN_PASSWORD"];
  const child = spawn(process.execPath, [BIN, "serve", ...args], {
    env: { ...inherited, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let pending = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines)
      if (line.trim() !== "") logs.push(JSON.parse(line));
  });
  child.stderr
    .setEncoding("utf8")
    .on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end();
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, logs, stderr: () => stderr, exited };
}

/** Waits until a log line with message `msg` appears; fails after `timeoutMs`. */
export async function waitForLog(
  serve: ServeProcess,
  msg: string,
  timeoutMs = 15_000,
): Promise<Record<string, unknown>> {
  return waitForLogCount(serve, msg, 1, timeoutMs);
}

/**
 * Waits until `count` log lines with message `msg` have appeared and
 * returns the last of them; fails after `timeoutMs`.
 */
export async function waitForLogCount(
  serve: ServeProcess,
  msg: string,
  count: number,
  timeoutMs = 15_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void serve.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    const found = serve.logs.filter((record) => record["msg"] === msg);
    if (found.length >= count) return found[count - 1]!;
    if (exited) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `fewer than ${count} '${msg}' log lines after ${timeoutMs} ms; stderr: ${serve.stderr()}`,
  );
}
