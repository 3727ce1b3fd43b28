/**
 * Server throughput: `locmsg serve` (the compiled CLI, in a child process
 * on 127.0.0.1) under autocannon load from this process, against a
 * fastify server that responds with a constant JSON body
 * (children/constant-server.mjs). Both log every request as `locmsg
 * serve` does, to a file. Each measurement runs `seconds` seconds with
 * `connections` connections after a one-second warm-up run; the
 * requests-per-second figure is autocannon's median over its one-second
 * samples.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, closeSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { CHILDREN } from "./processes.js";

const BIN = fileURLToPath(new URL("../../bin/locmsg.js", import.meta.url));
const API = "/sdk/vim25/8.0.3.0";
const ADMIN = "bench-admin";
const WARM_UP_SECONDS = 1;
/**
 * The server's task limit. It rejects CreateTask when the store is full of
 * unfinished tasks (10,000 by default), and CreateTask under load creates
 * more than that, so the limit is raised to measure creating tasks.
 */
const MAX_TASKS = 1_000_000;

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  /** Requests that failed: errors, timeouts and statuses other than 2xx. */
  failed: number;
  total: number;
}

export interface ServerResult {
  results: LoadResult[];
  /** Tasks the server stored at the end, CreateTask runs included. */
  tasksCreated: number;
}

interface Started {
  child: ChildProcess;
  url: string;
}

/**
 * Starts `node ARGS` with stdout going to `logFile`, and waits for the
 * log line `message`, which carries the port.
 */
async function startLogging(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  message: string,
): Promise<Started> {
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, args, {
    env,
    stdio: ["ignore", fd, "pipe"],
  });
  closeSync(fd);
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !exited) {
    const text = await readFile(logFile, "utf8");
    for (const line of text.split("\n")) {
      if (!line.includes(message)) continue;
      const { port } = JSON.parse(line) as { port: number };
      return { child, url: `http://127.0.0.1:${port}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`'${args.join(" ")}' did not log '${message}': ${stderr}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function call(
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: unknown,
) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${url} failed with ${response.status}: ${text}`);
  }
  return { headers: response.headers, text };
}

/** Returns an extension with one task type and English and German labels for it. */
function benchExtension() {
  const key = "com.example.bench";
  const resource = (locale: string, label: string, summary: string) => ({
    _typeName: "ExtensionResourceInfo",
    locale,
    module: "task",
    data: [
      { _typeName: "KeyValue", key: `${key}.run.label`, value: label },
      { _typeName: "KeyValue", key: `${key}.run.summary`, value: summary },
    ],
  });
  return {
    _typeName: "Extension",
    key,
    description: {
      _typeName: "Description",
      label: "Bench",
      summary: "Benchmark",
    },
    version: "1.0.0",
    company: "Example",
    taskList: [{ _typeName: "ExtensionTaskTypeInfo", taskID: `${key}.run` }],
    resourceList: [
      resource("en", "Run backup", "Backs up a virtual machine"),
      resource("de", "Sicherung ausführen", "Sichert eine virtuelle Maschine"),
    ],
  };
}

const CREATE_TASK_BODY = JSON.stringify({
  obj: {
    _typeName: "ManagedObjectReference",
    type: "VirtualMachine",
    value: "vm-42",
  },
  taskTypeId: "com.example.bench.run",
  cancelable: true,
});

async function load(
  name: string,
  options: {
    url: string;
    method: "GET" | "POST";
    headers: Record<string, string>;
    body?: string;
    connections: number;
    seconds: number;
  },
): Promise<LoadResult> {
  const request = {
    url: options.url,
    method: options.method,
    headers: options.headers,
    connections: options.connections,
    ...(options.body === undefined ? {} : { body: options.body }),
  };
  await autocannon({ ...request, duration: WARM_UP_SECONDS });
  const result = await autocannon({ ...request, duration: options.seconds });
  return {
    name,
    requestsPerSecond: result.requests.p50,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

export async function runServerBench(options: {
  workDir: string;
  connections: number;
  seconds: number;
}): Promise<ServerResult> {
  const { workDir, connections, seconds } = options;
  const password = randomBytes(12).toString("hex");
  const env = {
    ...process.env,
    LOCMSG_ADMIN_USER: ADMIN,
    LOCMSG_ADMIN_PASSWORD: password,
  };
  const config = path.join(workDir, "server.yaml");
  await writeFile(config, `maxTasks: ${MAX_TASKS}\n`);
  const server = await startLogging(
    [BIN, "serve", "--config", config, "--host", "127.0.0.1", "--port", "0"],
    env,
    path.join(workDir, "locmsg-serve.log"),
    "locmsg server started",
  );
  let baseline: Started | undefined;
  try {
    const login = await call(
      `${server.url}${API}/SessionManager/SessionManager/Login`,
      "POST",
      {},
      { userName: ADMIN, password, locale: "de" },
    );
    const session = login.headers.get("vmware-api-session-id");
    if (!session) throw new Error("Login returned no vmware-api-session-id");
    const headers = {
      "vmware-api-session-id": session,
      "content-type": "application/json",
    };
    await call(
      `${server.url}${API}/ExtensionManager/ExtensionManager/RegisterExtension`,
      "POST",
      headers,
      { extension: benchExtension() },
    );
    const created = await call(
      `${server.url}${API}/TaskManager/TaskManager/CreateTask`,
      "POST",
      headers,
      JSON.parse(CREATE_TASK_BODY),
    );
    const taskKey = (JSON.parse(created.text) as { key: string }).key;
    const infoUrl = `${server.url}${API}/Task/${taskKey}/info`;
    const info = await call(infoUrl, "GET", headers);

    // The baseline responds with the same bytes as the localized read.
    const bodyFile = path.join(workDir, "constant-body.json");
    await writeFile(bodyFile, info.text);
    baseline = await startLogging(
      [CHILDREN + "constant-server.mjs", bodyFile],
      process.env,
      path.join(workDir, "constant-server.log"),
      "constant server started",
    );

    const common = { connections, seconds };
    const results = [
      await load("constant JSON body, GET (baseline)", {
        ...common,
        url: `${baseline.url}/constant`,
        method: "GET",
        headers: {},
      }),
      await load("Task/{id}/info, German session", {
        ...common,
        url: infoUrl,
        method: "GET",
        headers,
      }),
      await load("constant JSON body, POST (baseline)", {
        ...common,
        url: `${baseline.url}/constant`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: CREATE_TASK_BODY,
      }),
      await load("TaskManager CreateTask", {
        ...common,
        url: `${server.url}${API}/TaskManager/TaskManager/CreateTask`,
        method: "POST",
        headers,
        body: CREATE_TASK_BODY,
      }),
    ];
    const recent = await call(
      `${server.url}${API}/TaskManager/TaskManager/CreateTask`,
      "POST",
      headers,
      JSON.parse(CREATE_TASK_BODY),
    );
    const lastKey = (JSON.parse(recent.text) as { key: string }).key;
    return { results, tasksCreated: Number(lastKey.replace("task-", "")) };
  } finally {
    await stop(server.child);
    if (baseline) await stop(baseline.child);
  }
}
