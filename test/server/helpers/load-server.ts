/**
 * A locmsg server in a child process, for test/server/load.test.ts. Run it
 * with `node --expose-gc --import tsx` through `fork`, with the JSON of a
 * `LoadServerOptions` as the only argument. It listens on 127.0.0.1 with a
 * free port and talks to the parent over IPC:
 *
 * - it sends `{type: "listening", port}` once it listens;
 * - on `{type: "measure", collect}` it runs full garbage collections when
 *   `collect` is true and sends
 *   `{type: "measured", heapUsed, errorLogs, faults, requests, tasks}`;
 * - on `{type: "stop"}` it closes the server and exits with status 0.
 */
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { loadCatalogDirectory } from "../../../src/catalogs/load-directory.js";
import { resolveLimits, type Limits } from "../../../src/limits.js";
import { buildServer } from "../../../src/server/app.js";
import { defaultServerConfig } from "../../../src/server/config.js";
import { userConfigs } from "./test-server.js";

export interface LoadServerOptions {
  catalogs: string;
  maxTasks: number;
  limits: Partial<Limits>;
}

export type LoadServerMessage =
  | { type: "listening"; port: number }
  | {
      type: "measured";
      /** `process.memoryUsage().heapUsed` after full collections, in bytes. */
      heapUsed: number;
      /** Log records at level error (50) or above, the first 20. */
      errorLogs: Record<string, unknown>[];
      /** `request rejected with a fault` lines by fault type. */
      faults: Record<string, number>;
      /** `incoming request` lines: requests whose headers the server read. */
      requests: number;
      tasks: number;
    };

/** Error records kept for the parent; more are only counted. */
const KEPT_ERROR_LOGS = 20;

const options = JSON.parse(process.argv[2] ?? "{}") as LoadServerOptions;
const errorLogs: Record<string, unknown>[] = [];
const faults: Record<string, number> = {};
let requests = 0;

// Every log line is parsed and counted, then dropped, so logging costs
// what it costs in production without filling the heap.
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n")) {
      if (line.trim() === "") continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      if (Number(record["level"]) >= 50 && errorLogs.length < KEPT_ERROR_LOGS) {
        errorLogs.push(record);
      }
      if (record["msg"] === "incoming request") requests++;
      if (record["msg"] === "request rejected with a fault") {
        const fault = String(record["fault"]);
        faults[fault] = (faults[fault] ?? 0) + 1;
      }
    }
    done();
  },
});

const { catalogs, diagnostics } = await loadCatalogDirectory(options.catalogs);
if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
  throw new Error(`catalogs in ${options.catalogs} have errors`);
}
const server = await buildServer({
  config: {
    ...defaultServerConfig(),
    users: await userConfigs(),
    maxTasks: options.maxTasks,
    limits: resolveLimits(options.limits),
  },
  catalogs,
  logger: { level: "info", stream },
});
await server.app.listen({ host: "127.0.0.1", port: 0 });
const { port } = server.app.server.address() as AddressInfo;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run this script with node --expose-gc");

function send(message: LoadServerMessage): void {
  process.send!(message);
}

process.on("message", async (message: { type: string; collect?: boolean }) => {
  if (message.type === "measure") {
    // Several passes, with a turn of the event loop between them, so
    // objects freed by finalizers and weak references are collected too.
    for (let pass = 0; message.collect && pass < 4; pass++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    send({
      type: "measured",
      heapUsed: process.memoryUsage().heapUsed,
      errorLogs,
      faults: { ...faults },
      requests,
      tasks: server.context.tasks.size,
    });
  } else if (message.type === "stop") {
    await server.app.close();
    process.disconnect();
  }
});
send({ type: "listening", port });
