import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLimits } from "../../src/limits.js";
import {
  createTask,
  rawHttp,
  registerBackup,
  RELEASE,
  startServer,
  USERS,
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
  let server: TestServer;
  let ext: string;

  beforeAll(async () => {
    server = await startServer();
    ext = await server.login("ext");
  });
  afterAll(() => server.close());

  /** Sends CreateTask with an `activationId` that makes `depth` levels in all. */
  function sendNested(depth: number) {
    const arrays = depth - 1;
    const rest = JSON.stringify(VALID).slice(1);
    return server.call("POST", CREATE, {
      session: ext,
      rawBody: `{"activationId": ${"[".repeat(arrays)}${"]".repeat(arrays)}, ${rest}`,
    });
  }

  // 1,000 to 1,500 levels pass V8's JSON.parse but not every recursive
  // reader after it; 200,000 levels overflow JSON.parse itself.
  for (const depth of [65, 1000, 1500, 200_000]) {
    it(`rejects ${depth} levels naming the maximum`, async () => {
      const result = await sendNested(depth);
      expect(result.status).toBe(500);
      expect(result.body._typeName).toBe("InvalidRequest");
      expect(result.body.msg).toBe(
        "The request body is nested too deeply: arrays and objects go more than 64 levels deep at line 1, column 81; the maximum is 64 levels.",
      );
    });
  }

  it("reads 64 levels", async () => {
    const result = await sendNested(64);
    expect(result.body._typeName).toBe("InvalidRequest");
    // The parser accepted it, so the schema reports the array.
    expect(result.body.msg).toBe(
      "Invalid request body for TaskManager.CreateTask: 'activationId' must be of type string.",
    );
  });

  it("ignores brackets inside strings", async () => {
    const result = await server.call("POST", CREATE, {
      session: ext,
      body: { ...VALID, activationId: "[{".repeat(500) },
    });
    expect(result.body.msg).toContain(
      "not declared by any registered extension",
    );
  });

  it("logs no server error", () => {
    expect(server.logs.filter((record) => record.level >= 50)).toEqual([]);
  });
});

describe("body encoding and type", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  /** Posts `body` to Login and returns the fault after checking its log line. */
  async function loginFault(body: string | Uint8Array, contentType: string) {
    const logged = server.logsWith("request rejected with a fault").length;
    const response = await fetch(
      `${server.base}/SessionManager/SessionManager/Login`,
      { method: "POST", headers: { "content-type": contentType }, body },
    );
    expect(response.status).toBe(500);
    const fault: any = await response.json();
    expect(fault._typeName).toBe("InvalidRequest");
    const records = server.logsWith("request rejected with a fault");
    expect(records.length).toBe(logged + 1);
    expect(records.at(-1)!["reason"]).toBe(fault.msg);
    return fault;
  }

  it("text/plain is an unsupported content type", async () => {
    const fault = await loginFault('{"userName": "admin"}', "text/plain");
    expect(fault.msg).toBe(
      "The content type 'text/plain' is not supported; send the body as JSON with 'Content-Type: application/json'.",
    );
  });

  it("charset other than UTF-8 is rejected", async () => {
    for (const [contentType, charset] of [
      ["application/json; charset=latin1", "latin1"],
      ['application/json;charset="ISO-8859-1"', "ISO-8859-1"],
      ["application/json; charset*=latin1", "latin1"],
      ['application/json; foo="x; charset=utf-8"; charset=latin1', "latin1"],
      ['application/json; charset="utf 8"', "utf 8"],
    ]) {
      const fault = await loginFault('{"userName": "admin"}', contentType!);
      expect(fault.msg, contentType).toBe(
        `The charset '${charset}' is not supported; send the JSON encoded as UTF-8 with 'Content-Type: application/json'.`,
      );
    }
  });

  it("unknown path is 404 whatever the body", async () => {
    for (const [contentType, body] of [
      ["application/json; charset=latin1", "{}"],
      ["application/json", "{not json"],
    ]) {
      const response = await fetch(`${server.base}/Nope/Nope/Nope`, {
        method: "POST",
        headers: { "content-type": contentType! },
        body: body!,
      });
      expect(response.status, contentType).toBe(404);
      const fault: any = await response.json();
      expect(fault._typeName, contentType).toBe("InvalidRequest");
    }
  });

  it("charset given twice is rejected", async () => {
    for (const contentType of [
      "application/json; charset=utf-8; charset=latin1",
      "application/json; charset=latin1; CHARSET=utf-8",
      "application/json; charset=utf-8; charset*=utf-8",
    ]) {
      const fault = await loginFault('{"userName": "admin"}', contentType);
      expect(fault.msg, contentType).toBe(
        `The content type '${contentType}' has more than one charset parameter; send one, charset=utf-8, or none.`,
      );
    }
  });

  it("malformed content type parameters are rejected", async () => {
    for (const contentType of [
      'application/json; charset="utf-8',
      "application/json; charset=utf-8 latin1",
      'application/json; charset=utf-8"',
    ]) {
      const fault = await loginFault('{"userName": "admin"}', contentType);
      expect(fault.msg, contentType).toBe(
        `The content type '${contentType}' is invalid (invalid parameter format); send 'Content-Type: application/json'.`,
      );
    }
  });

  it("long charset is quoted in part", async () => {
    const charset = "x".repeat(5000);
    const fault = await loginFault(
      '{"userName": "admin"}',
      `application/json; charset=${charset}`,
    );
    expect(fault.msg).toBe(
      `The charset '${"x".repeat(200)}…' is not supported; send the JSON encoded as UTF-8 with 'Content-Type: application/json'.`,
    );
  });

  it("charset UTF-8 in any spelling is accepted", async () => {
    for (const charset of ["utf-8", "UTF-8", "utf8", '"utf-8"', "utf-8;"]) {
      const response = await fetch(
        `${server.base}/SessionManager/SessionManager/Login`,
        {
          method: "POST",
          headers: { "content-type": `application/json; charset=${charset}` },
          body: '{"userName": "nobody", "password": "wrong"}',
        },
      );
      const fault: any = await response.json();
      expect(fault._typeName, charset).toBe("InvalidLogin");
    }
  });

  it("body without a content type is rejected", async () => {
    const response = await fetch(
      `${server.base}/SessionManager/SessionManager/Login`,
      // A Blob without a type makes fetch send no Content-Type header.
      { method: "POST", body: new Blob(['{"userName": "admin"}']) },
    );
    expect(response.status).toBe(500);
    const fault: any = await response.json();
    expect(fault._typeName).toBe("InvalidRequest");
    expect(fault.msg).toBe(
      "The request has a body but no content type; send the body as JSON with 'Content-Type: application/json'.",
    );
  });

  for (const [text, described] of [
    ["null", "null"],
    ["[1, 2]", "an array"],
    ['"admin"', "a string"],
    ["42", "a number"],
  ]) {
    it(`${text} body must be an object`, async () => {
      const fault = await loginFault(text!, "application/json");
      expect(fault.msg).toBe(
        `The request body must be a JSON object of the method's parameters, not ${described}; send {} for a method without parameters.`,
      );
    });
  }

  it("invalid UTF-8 names the byte offset", async () => {
    const prefix = Buffer.from('{"userName": "admin', "utf8");
    const body = Buffer.concat([
      prefix,
      Buffer.from([0xff, 0xfe]),
      Buffer.from('", "password": "x"}', "utf8"),
    ]);
    const fault = await loginFault(body, "application/json");
    expect(fault.msg).toBe(
      `The request body is not valid UTF-8: the byte FF at byte offset ${prefix.length} is not part of a UTF-8 character; send the JSON encoded as UTF-8.`,
    );
  });

  it("cut UTF-8 sequence names its bytes", async () => {
    // E2 82 starts the three-byte euro sign, and '"' cannot end it.
    const prefix = Buffer.from('{"userName": "', "utf8");
    const body = Buffer.concat([
      prefix,
      Buffer.from([0xe2, 0x82]),
      Buffer.from('", "password": "x"}', "utf8"),
    ]);
    const fault = await loginFault(body, "application/json");
    expect(fault.msg).toBe(
      `The request body is not valid UTF-8: the bytes E2 82 22 at byte offset ${prefix.length} are not a UTF-8 character; send the JSON encoded as UTF-8.`,
    );
  });

  it("UTF-8 with a byte order mark is read", async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        JSON.stringify({ userName: "admin", password: USERS.admin.password }),
      ),
    ]);
    const response = await fetch(
      `${server.base}/SessionManager/SessionManager/Login`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      },
    );
    expect(response.status).toBe(200);
  });
});

describe("framework and parser errors", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  function faultLines() {
    return server.logsWith("request rejected with a fault");
  }

  /** Splits a raw HTTP/1.1 response into status, headers and parsed body. */
  function parseResponse(raw: string) {
    const [head = "", body = ""] = raw.split("\r\n\r\n");
    const [statusLine = "", ...headerLines] = head.split("\r\n");
    return {
      status: Number(statusLine.split(" ")[1]),
      headers: headerLines.map((line) => line.toLowerCase()),
      body: JSON.parse(body),
    };
  }

  it("invalid percent-encoding is InvalidRequest 400", async () => {
    const logged = faultLines().length;
    const response = await fetch(
      `${server.origin}/sdk/vim25/%zz/SessionManager/SessionManager/defaultLocale`,
    );
    expect(response.status).toBe(400);
    const fault: any = await response.json();
    expect(fault._typeName).toBe("InvalidRequest");
    expect(fault.msg).toContain("has an invalid percent-encoding");
    expect(faultLines().length).toBe(logged + 1);
    expect(faultLines().at(-1)!["fault"]).toBe("InvalidRequest");
  });

  it("overlong path segment is InvalidRequest 414", async () => {
    const response = await fetch(`${server.base}/Task/${"a".repeat(150)}/info`);
    expect(response.status).toBe(414);
    const fault: any = await response.json();
    expect(fault._typeName).toBe("InvalidRequest");
    expect(fault.msg).toContain("longer than 100 characters");
  });

  it("oversized headers are InvalidRequest 431", async () => {
    const logged = faultLines().length;
    const raw = await rawHttp(
      server.origin,
      `GET /demo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    const response = parseResponse(raw);
    expect(response.status).toBe(431);
    expect(response.headers).toContain("connection: close");
    expect(response.body._typeName).toBe("InvalidRequest");
    expect(response.body.msg).toMatch(
      /^The request headers are larger than the server's limit of \d+ bytes/,
    );
    expect(faultLines().length).toBe(logged + 1);
    expect(faultLines().at(-1)!["code"]).toBe("HPE_HEADER_OVERFLOW");
  });

  it("invalid Content-Length is InvalidRequest 400", async () => {
    const raw = await rawHttp(
      server.origin,
      `POST ${new URL(server.base).pathname}/SessionManager/SessionManager/Logout HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: two\r\n\r\n{}`,
    );
    const response = parseResponse(raw);
    expect(response.status).toBe(400);
    expect(response.body._typeName).toBe("InvalidRequest");
    expect(response.body.msg).toContain("Content-Length header is invalid");
    expect(faultLines().at(-1)!["code"]).toBe("HPE_INVALID_CONTENT_LENGTH");
  });

  it("body longer than Content-Length is InvalidRequest", async () => {
    // The bytes after the two the header announces are read as the next
    // request on the connection, which is not HTTP.
    const raw = await rawHttp(
      server.origin,
      `POST ${new URL(server.base).pathname}/SessionManager/SessionManager/Logout HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{} "extra": 1}\r\n\r\n`,
    );
    // The parser fails before the first response is written, so the fault
    // may be the only response.
    const starts = [...raw.matchAll(/HTTP\/1\.1 \d{3} /g)];
    const response = parseResponse(raw.slice(starts.at(-1)!.index));
    expect(response.status).toBe(400);
    expect(response.body._typeName).toBe("InvalidRequest");
    expect(response.body.msg).toContain("longer than its Content-Length");
    // The first request may log its own fault after this line.
    const codes = faultLines().map((record) => record["code"]);
    expect(codes).toContain("HPE_INVALID_METHOD");
  });

  it("rate-limits parser error log lines", async () => {
    const logged = faultLines().filter(
      (record) => record["code"] === "HPE_INVALID_VERSION",
    ).length;
    expect(logged).toBe(0);
    for (let i = 0; i < 15; i++) {
      const response = parseResponse(
        await rawHttp(server.origin, "GET / HTTP/9\r\n\r\n"),
      );
      expect(response.body._typeName, `request ${i}`).toBe("InvalidRequest");
    }
    const lines = faultLines().filter(
      (record) => record["code"] === "HPE_INVALID_VERSION",
    );
    // Ten lines a minute per error code; the rest are counted.
    expect(lines.length).toBe(10);
  });

  it("logs no server error", () => {
    expect(server.logs.filter((record) => record.level >= 50)).toEqual([]);
  });
});
