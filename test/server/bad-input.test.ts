import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLimits } from "../../src/limits.js";
import {
  createTask,
  registerBackup,
  RELEASE,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const CREATE = "/TaskManager/TaskManager/CreateTask";
const VALID = {
  obj: { type: "VirtualMachine", value: "vm-1" },
  taskTypeId: "com.example.backup.run",
  cancelable: true,
};

describe("bad input", () => {
  let server: TestServer;
  let ext: string;

  beforeAll(async () => {
    server = await startServer({
      limits: resolveLimits({ maxRequestBodyBytes: 4096 }),
    });
    ext = await server.login("ext");
    await registerBackup(server, ext);
  });
  afterAll(() => server.close());

  /** Sends a request and checks that it faults, creates no task and logs the fault. */
  async function expectFault(
    send: () => ReturnType<TestServer["call"]>,
    faultType: string,
    status = 500,
  ) {
    const tasks = server.context.tasks.size;
    const logged = server.logsWith("request rejected with a fault").length;
    const result = await send();
    expect(result.status).toBe(status);
    expect(result.body._typeName).toBe(faultType);
    expect(typeof result.body.msg).toBe("string");
    expect(server.context.tasks.size).toBe(tasks);
    const records = server.logsWith("request rejected with a fault");
    expect(records.length).toBe(logged + 1);
    expect(records.at(-1)!["fault"]).toBe(faultType);
    return result.body;
  }

  it("malformed JSON is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          rawBody: '{"obj": {"type": "VirtualMachine",\n "value": }',
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toMatch(
      /^The request body is not valid JSON \(.+\); fix the document\.$/,
    );
  });

  it("client gone mid-body is no error", async () => {
    const before = (await createTask(server, ext)).key;
    const port = Number(new URL(server.origin).port);
    const body = JSON.stringify(VALID);
    const half = body.slice(0, body.length >> 1);
    // Framing header and the part of the body sent before the client vanishes.
    const variants = [
      [`Content-Length: ${body.length}`, half],
      [
        "Transfer-Encoding: chunked",
        `${half.length.toString(16)}\r\n${half}\r\n`,
      ],
      [`Content-Length: ${body.length}`, ""],
    ];
    const logged = server.logsWith("request rejected with a fault").length;

    for (const [framing, part] of variants) {
      const incoming = server.logsWith("incoming request").length;
      const socket = connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(
        [
          `POST /sdk/vim25/${RELEASE}${CREATE} HTTP/1.1`,
          "Host: 127.0.0.1",
          "Content-Type: application/json",
          `vmware-api-session-id: ${ext}`,
          framing,
          "",
          part,
        ].join("\r\n"),
      );
      // The server has read the headers once it logs the request.
      const deadline = Date.now() + 10_000;
      while (
        server.logsWith("incoming request").length === incoming &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      socket.destroy();
    }

    const deadline = Date.now() + 10_000;
    while (
      server.logsWith("request rejected with a fault").length < logged + 3 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const faults = server
      .logsWith("request rejected with a fault")
      .slice(logged);
    expect(faults.map((record) => record["reason"])).toEqual(
      Array(3).fill(
        "The client closed the connection before the request body was complete.",
      ),
    );
    expect(server.logs.filter((record) => record.level >= 50)).toEqual([]);

    const after = (await createTask(server, ext)).key;
    expect(Number(after.slice(5))).toBe(Number(before.slice(5)) + 1);
  });

  it("wrong type is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: { ...VALID, taskTypeId: 42 },
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toBe(
      "Invalid request body for TaskManager.CreateTask: 'taskTypeId' must be of type string.",
    );
  });

  it("string is not coerced to boolean", async () => {
    await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: { ...VALID, cancelable: "true" },
        }),
      "InvalidRequest",
    );
  });

  it("unknown field is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: { ...VALID, priority: 1 },
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toContain("unknown property 'priority'");
  });

  it("unknown nested field is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: { ...VALID, obj: { ...VALID.obj, serverGuid: "x" } },
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toContain("'obj' has unknown property 'serverGuid'");
  });

  it("wrong MoRef type name is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: {
            ...VALID,
            obj: {
              _typeName: "KeyValue",
              type: "VirtualMachine",
              value: "vm-1",
            },
          },
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toContain(
      "'obj._typeName' must be 'ManagedObjectReference'",
    );
  });

  it("body that is not an object is InvalidRequest", async () => {
    await expectFault(
      () => server.call("POST", CREATE, { session: ext, rawBody: "[1, 2]" }),
      "InvalidRequest",
    );
  });

  it("oversized body is InvalidRequest 413", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          body: { ...VALID, activationId: "x".repeat(5000) },
        }),
      "InvalidRequest",
      413,
    );
    expect(fault.msg).toContain("4096 bytes");
  });

  it("non-JSON content type is InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          rawBody: "obj=vm-1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      "InvalidRequest",
    );
    expect(fault.msg).toContain("Content-Type: application/json");
  });

  it("__proto__ key is InvalidRequest", async () => {
    await expectFault(
      () =>
        server.call("POST", CREATE, {
          session: ext,
          rawBody: `{"obj": {"type": "VirtualMachine", "value": "vm-1"}, "taskTypeId": "com.example.backup.run", "cancelable": true, "__proto__": {"admin": true}}`,
        }),
      "InvalidRequest",
    );
  });

  it("unknown path is 404 InvalidRequest", async () => {
    const fault = await expectFault(
      () =>
        server.call("GET", "/TaskManager/TaskManager/noSuchProperty", {
          session: ext,
        }),
      "InvalidRequest",
      404,
    );
    expect(fault.msg).toContain("/TaskManager/TaskManager/noSuchProperty");
  });

  it("GET on a method is 404", async () => {
    await expectFault(
      () =>
        server.call("GET", "/TaskManager/TaskManager/CreateTask", {
          session: ext,
        }),
      "InvalidRequest",
      404,
    );
  });

  it("empty body works for methods without parameters", async () => {
    const id = await server.login("viewer");
    const result = await server.call(
      "POST",
      "/SessionManager/SessionManager/Logout",
      {
        session: id,
        rawBody: "",
      },
    );
    expect(result.status).toBe(204);
  });

  it("parameter for a method without any is InvalidRequest", async () => {
    await expectFault(
      () =>
        server.call("POST", "/Task/task-1/CancelTask", {
          session: ext,
          body: { force: true },
        }),
      "InvalidRequest",
    );
  });

  it("any release string works", async () => {
    for (const release of ["7.0.3.0", "8.0.3.0", "9.0"]) {
      const response = await fetch(
        `${server.origin}/sdk/vim25/${release}/SessionManager/SessionManager/defaultLocale`,
      );
      expect(response.status, release).toBe(200);
    }
  });

  it("still serves after bad requests", async () => {
    const result = await server.call("POST", CREATE, {
      session: ext,
      body: VALID,
    });
    expect(result.status).toBe(200);
    expect(result.body.state).toBe("queued");
  });
});

describe("deeply nested body", () => {
  it("is InvalidRequest naming the depth", async () => {
    const server = await startServer();
    try {
      const ext = await server.login("ext");
      // 200,000 levels need far more than the default V8 stack of 984 KB, and
      // the 400 KB body fits the default body limit.
      const depth = 200_000;
      const result = await server.call("POST", CREATE, {
        session: ext,
        rawBody: `{"activationId": ${"[".repeat(depth)}${"]".repeat(depth)}}`,
      });
      expect(result.status).toBe(500);
      expect(result.body._typeName).toBe("InvalidRequest");
      expect(result.body.msg).toBe(
        "The request body is nested too deeply to read; send a document with fewer levels of arrays and objects.",
      );
      expect(server.logs.filter((record) => record.level >= 50)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
