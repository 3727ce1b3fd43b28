import { Writable } from "node:stream";
import { connect, type AddressInfo } from "node:net";
import type { CatalogSet } from "../../../src/catalogs/catalog.js";
import type { Locmsg } from "../../../src/engine/locmsg.js";
import { buildServer, type LocmsgServer } from "../../../src/server/app.js";
import {
  defaultServerConfig,
  type ServerConfig,
  type UserConfig,
} from "../../../src/server/config.js";
import {
  hashPassword,
  parsePasswordHash,
  type ParsedHash,
} from "../../../src/server/passwords.js";
import { buildCatalogs } from "../../helpers/build-catalogs.js";

/** Cheap scrypt parameters, so tests that log in often stay fast. */
const TEST_SCRYPT = { costLog2: 10, blockSize: 8, parallelization: 1 };

export const RELEASE = "8.0.3.0";

/** Test users: name, password and privileges. */
export const USERS = {
  admin: { password: "admin-pw", privileges: ["*"] },
  ext: {
    password: "ext-pw",
    privileges: [
      "Extension.Register",
      "Extension.Update",
      "Extension.Unregister",
      "Task.Create",
      "Task.Update",
    ],
  },
  viewer: { password: "viewer-pw", privileges: [] },
} as const;

export type UserName = keyof typeof USERS;

let hashes: Promise<Map<string, ParsedHash>> | undefined;

/** Returns the `USERS` as configured users, hashing the passwords once per process. */
export async function userConfigs(): Promise<UserConfig[]> {
  hashes ??= (async () => {
    const map = new Map<string, ParsedHash>();
    for (const [name, user] of Object.entries(USERS)) {
      const text = await hashPassword(user.password, TEST_SCRYPT);
      map.set(name, parsePasswordHash(text) as ParsedHash);
    }
    return map;
  })();
  const map = await hashes;
  return Object.entries(USERS).map(([name, user]) => ({
    userName: name,
    fullName: `${name} user`,
    password: map.get(name)!,
    privileges: [...user.privileges],
  }));
}

/** Catalogs with known English and German texts. */
export function testCatalogs(): CatalogSet {
  return buildCatalogs({
    en: {
      locmsg: {
        "com.vmware.locmsg.taskState": "State is {field.@enum.TaskInfo.State}",
        "com.example.entity.rootFolder": "Datacenters",
      },
      enum: {
        "TaskInfo.State.queued.label": "Queued",
        "TaskInfo.State.queued.summary": "Task is queued",
        "TaskInfo.State.running.label": "Running",
        "TaskInfo.State.running.summary": "Task is in progress",
        "TaskInfo.State.success.label": "Success",
        "TaskInfo.State.success.summary": "Task completed successfully",
        "TaskInfo.State.error.label": "Error",
        "TaskInfo.State.error.summary": "Task completed with a failure",
        "TaskReason.TaskReasonUser.label": "User task",
        "TaskReason.TaskReasonUser.summary": "Task started by a specific user",
      },
      fault: {
        "InvalidState.summary":
          "The operation is not allowed in the current state",
      },
      task: {
        "VirtualMachine.powerOn.label": "Power On virtual machine",
        "VirtualMachine.powerOn.summary": "Power On this virtual machine",
      },
    },
    de: {
      locmsg: {
        "com.vmware.locmsg.taskState": "Status: {field.@enum.TaskInfo.State}",
        "com.example.entity.rootFolder": "Rechenzentren",
      },
      enum: {
        "TaskInfo.State.queued.label": "In Warteschlange",
        "TaskInfo.State.running.label": "Wird ausgeführt",
        "TaskReason.TaskReasonUser.label": "Benutzeraufgabe",
      },
      fault: {
        "InvalidState.summary":
          "Der Vorgang ist im aktuellen Zustand nicht zulässig",
      },
      task: {
        "VirtualMachine.powerOn.label": "Virtuelle Maschine einschalten",
      },
    },
  });
}

export interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  session?: string;
  basic?: { user: string; password: string };
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined for an empty one. */
  body: any;
}

export class TestServer {
  constructor(
    readonly server: LocmsgServer,
    readonly origin: string,
    readonly logs: LogRecord[],
  ) {}

  get context() {
    return this.server.context;
  }

  /** `http://127.0.0.1:PORT/sdk/vim25/8.0.3.0` */
  get base(): string {
    return `${this.origin}/sdk/vim25/${RELEASE}`;
  }

  async call(
    method: "GET" | "POST",
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers["content-type"]) {
      headers["content-type"] = "application/json";
    }
    if (options.session) headers["vmware-api-session-id"] = options.session;
    if (options.basic) {
      const credentials = `${options.basic.user}:${options.basic.password}`;
      headers["authorization"] =
        `Basic ${Buffer.from(credentials).toString("base64")}`;
    }
    const url = path.startsWith("/catalogs/")
      ? `${this.origin}${path}`
      : `${this.base}${path}`;
    const response = await fetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text === "" ? undefined : JSON.parse(text),
    };
  }

  /** Logs in and returns the session id. */
  async login(user: UserName, locale?: string): Promise<string> {
    const result = await this.call(
      "POST",
      "/SessionManager/SessionManager/Login",
      {
        body: {
          userName: user,
          password: USERS[user].password,
          ...(locale ? { locale } : {}),
        },
      },
    );
    if (result.status !== 200) throw new Error(`login failed: ${result.text}`);
    return result.headers.get("vmware-api-session-id")!;
  }

  /** Log records whose message is `msg`. */
  logsWith(msg: string): LogRecord[] {
    return this.logs.filter((record) => record.msg === msg);
  }

  close(): Promise<void> {
    return this.server.app.close();
  }
}

/**
 * Starts a server on 127.0.0.1 with a free port, capturing its logs. Pass
 * an engine from `Locmsg.fromDirectory` as `catalogs` to reload its folder.
 */
export async function startServer(
  overrides: Partial<ServerConfig> = {},
  catalogs: CatalogSet | Locmsg = testCatalogs(),
  options: { demoRuntimeDir?: string } = {},
): Promise<TestServer> {
  const logs: LogRecord[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) {
        if (line.trim() !== "") logs.push(JSON.parse(line) as LogRecord);
      }
      done();
    },
  });
  const config: ServerConfig = {
    ...defaultServerConfig(),
    users: await userConfigs(),
    ...overrides,
  };
  const server = await buildServer({
    config,
    catalogs,
    logger: { level: "info", stream },
    ...options,
  });
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  return new TestServer(server, `http://127.0.0.1:${port}`, logs);
}

/**
 * Sends `request` as raw bytes to the server and returns everything it
 * sends back until it closes the connection, for requests fetch cannot send.
 * Fails when the server keeps the connection open for `timeoutMs`.
 */
export function rawHttp(
  origin: string,
  request: string | Buffer,
  timeoutMs = 10_000,
): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(`the server did not close the connection in ${timeoutMs} ms`),
      );
    }, timeoutMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    socket.write(request);
  });
}

/** Builds an extension with one task type and German and English labels for it. */
export function backupExtension(key = "com.example.backup") {
  return {
    _typeName: "Extension",
    key,
    description: {
      _typeName: "Description",
      label: "Backup",
      summary: "Backs up VMs",
    },
    version: "1.0.0",
    company: "Example",
    taskList: [{ _typeName: "ExtensionTaskTypeInfo", taskID: `${key}.run` }],
    resourceList: [
      {
        _typeName: "ExtensionResourceInfo",
        locale: "en",
        module: "task",
        data: [
          {
            _typeName: "KeyValue",
            key: `${key}.run.label`,
            value: "Run backup",
          },
          {
            _typeName: "KeyValue",
            key: `${key}.run.summary`,
            value: "Backs up a virtual machine",
          },
        ],
      },
      {
        _typeName: "ExtensionResourceInfo",
        locale: "de",
        module: "task",
        data: [
          {
            _typeName: "KeyValue",
            key: `${key}.run.label`,
            value: "Sicherung ausführen",
          },
          {
            _typeName: "KeyValue",
            key: `${key}.run.summary`,
            value: "Sichert eine virtuelle Maschine",
          },
        ],
      },
    ],
  };
}

/** Registers the backup extension as the `ext` user. */
export async function registerBackup(
  server: TestServer,
  session: string,
  key?: string,
) {
  const result = await server.call(
    "POST",
    "/ExtensionManager/ExtensionManager/RegisterExtension",
    {
      session,
      body: { extension: backupExtension(key) },
    },
  );
  if (result.status !== 204) throw new Error(`register failed: ${result.text}`);
}

/** Creates a task of the backup extension and returns its TaskInfo. */
export async function createTask(
  server: TestServer,
  session: string,
  extra: Record<string, unknown> = {},
) {
  const result = await server.call(
    "POST",
    "/TaskManager/TaskManager/CreateTask",
    {
      session,
      body: {
        obj: {
          _typeName: "ManagedObjectReference",
          type: "VirtualMachine",
          value: "vm-42",
        },
        taskTypeId: "com.example.backup.run",
        cancelable: true,
        ...extra,
      },
    },
  );
  if (result.status !== 200)
    throw new Error(`CreateTask failed: ${result.text}`);
  return result.body;
}
