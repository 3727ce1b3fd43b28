import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const task = (key: string, method: string) => `/Task/${key}/${method}`;

describe("Task", () => {
  let server: TestServer;
  let ext: string;
  let en: string;
  let de: string;

  beforeAll(async () => {
    server = await startServer({
      inventory: [
        {
          type: "Folder",
          value: "group-d1",
          name: "Datacenters",
          nameKey: "com.example.entity.rootFolder",
        },
      ],
    });
    ext = await server.login("ext", "en");
    en = await server.login("viewer", "en");
    de = await server.login("viewer", "de");
    await registerBackup(server, ext);
  });
  afterAll(() => server.close());

  const setState = (key: string, body: unknown) =>
    server.call("POST", task(key, "SetTaskState"), { session: ext, body });

  it("info reads in each session's language", async () => {
    const created = await createTask(server, ext, {
      obj: { type: "Folder", value: "group-d1" },
    });
    const description = await server.call(
      "POST",
      task(created.key, "SetTaskDescription"),
      {
        session: ext,
        body: {
          description: {
            _typeName: "LocalizableMessage",
            key: "com.vmware.locmsg.taskState",
            arg: [
              {
                _typeName: "KeyAnyValue",
                key: "field",
                value: { _typeName: "string", _value: "queued" },
              },
            ],
          },
        },
      },
    );
    expect(description.status).toBe(204);

    const english = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    const german = await server.call("GET", task(created.key, "info"), {
      session: de,
    });
    expect(english.status).toBe(200);
    expect(english.body.description).toEqual({
      _typeName: "LocalizableMessage",
      key: "com.vmware.locmsg.taskState",
      arg: [
        {
          _typeName: "KeyAnyValue",
          key: "field",
          value: { _typeName: "string", _value: "queued" },
        },
      ],
      message: "State is Queued",
    });
    expect(german.body.description.message).toBe("Status: In Warteschlange");
    expect(english.body.entityName).toBe("Datacenters");
    expect(german.body.entityName).toBe("Rechenzentren");
    expect(german.body.key).toBe(english.body.key);
  });

  it("description falls back to its message", async () => {
    const created = await createTask(server, ext);
    await server.call("POST", task(created.key, "SetTaskDescription"), {
      session: ext,
      body: {
        description: {
          key: "com.example.unknown",
          message: "Backing up web01",
        },
      },
    });
    const german = await server.call("GET", task(created.key, "info"), {
      session: de,
    });
    expect(german.body.description).toEqual({
      _typeName: "LocalizableMessage",
      key: "com.example.unknown",
      message: "Backing up web01",
    });
  });

  it("wraps bare argument values", async () => {
    const created = await createTask(server, ext);
    await server.call("POST", task(created.key, "SetTaskDescription"), {
      session: ext,
      body: {
        description: {
          key: "com.example.unknown",
          arg: [
            { key: "count", value: 3 },
            { key: "vm", value: "web01" },
          ],
        },
      },
    });
    const info = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(info.body.description.arg).toEqual([
      {
        _typeName: "KeyAnyValue",
        key: "count",
        value: { _typeName: "int", _value: 3 },
      },
      {
        _typeName: "KeyAnyValue",
        key: "vm",
        value: { _typeName: "string", _value: "web01" },
      },
    ]);
  });

  it("argument without a type is InvalidRequest", async () => {
    const created = await createTask(server, ext);
    const result = await server.call(
      "POST",
      task(created.key, "SetTaskDescription"),
      {
        session: ext,
        body: {
          description: {
            key: "k",
            arg: [{ key: "x", value: { nested: true } }],
          },
        },
      },
    );
    expect(result.body._typeName).toBe("InvalidRequest");
    const info = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(info.body).not.toHaveProperty("description");
  });

  it("runs through running to success", async () => {
    const created = await createTask(server, ext);
    expect((await setState(created.key, { state: "running" })).status).toBe(
      204,
    );
    const progress = await server.call(
      "POST",
      task(created.key, "UpdateProgress"),
      {
        session: ext,
        body: { percentDone: 40 },
      },
    );
    expect(progress.status).toBe(204);
    const running = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(running.body.state).toBe("running");
    expect(running.body.progress).toBe(40);
    expect(Date.parse(running.body.startTime)).not.toBeNaN();
    expect(running.body).not.toHaveProperty("completeTime");

    const done = await setState(created.key, {
      state: "success",
      result: { _typeName: "string", _value: "backup-17" },
    });
    expect(done.status).toBe(204);
    const finished = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(finished.body.state).toBe("success");
    expect(finished.body.result).toEqual({
      _typeName: "string",
      _value: "backup-17",
    });
    expect(finished.body).not.toHaveProperty("progress");
    expect(Date.parse(finished.body.completeTime)).toBeGreaterThanOrEqual(
      Date.parse(finished.body.startTime),
    );
    expect(server.logsWith("task state changed").at(-1)).toMatchObject({
      taskKey: created.key,
      from: "running",
      to: "success",
    });
  });

  it("request logs name the caller", async () => {
    const created = await createTask(server, ext);
    const result = await server.call("GET", task(created.key, "info"), {
      session: de,
    });
    expect(result.status).toBe(200);
    const completed = server
      .logsWith("request completed")
      .filter((record) => record["userName"] === "viewer");
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.at(-1)!["sessionKey"]).toEqual(expect.any(String));
  });

  it("finished task is InvalidState", async () => {
    const created = await createTask(server, ext);
    await setState(created.key, { state: "success" });
    for (const [method, body] of [
      ["SetTaskState", { state: "running" }],
      ["SetTaskDescription", { description: { key: "k" } }],
      ["UpdateProgress", { percentDone: 10 }],
      ["CancelTask", {}],
    ] as const) {
      const result = await server.call("POST", task(created.key, method), {
        session: ext,
        body,
      });
      expect(result.status, method).toBe(500);
      expect(result.body._typeName, method).toBe("InvalidState");
    }
  });

  it("progress outside running is InvalidState", async () => {
    const created = await createTask(server, ext);
    const result = await server.call(
      "POST",
      task(created.key, "UpdateProgress"),
      {
        session: ext,
        body: { percentDone: 10 },
      },
    );
    expect(result.body._typeName).toBe("InvalidState");
  });

  it("progress out of range is InvalidArgument", async () => {
    const created = await createTask(server, ext);
    await setState(created.key, { state: "running" });
    for (const percentDone of [-1, 101]) {
      const result = await server.call(
        "POST",
        task(created.key, "UpdateProgress"),
        {
          session: ext,
          body: { percentDone },
        },
      );
      expect(result.body).toMatchObject({
        _typeName: "InvalidArgument",
        invalidProperty: "percentDone",
      });
    }
    const fraction = await server.call(
      "POST",
      task(created.key, "UpdateProgress"),
      {
        session: ext,
        body: { percentDone: 12.5 },
      },
    );
    expect(fraction.body._typeName).toBe("InvalidRequest");
    expect(fraction.body.msg).toContain(
      "'percentDone' must be of type integer",
    );
  });

  it("error fault reads per session", async () => {
    const created = await createTask(server, ext);
    await setState(created.key, { state: "running" });
    const failed = await setState(created.key, {
      state: "error",
      fault: {
        _typeName: "LocalizedMethodFault",
        fault: { _typeName: "InvalidState" },
        localizedMessage: "Backup target is offline",
      },
    });
    expect(failed.status).toBe(204);
    const english = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    const german = await server.call("GET", task(created.key, "info"), {
      session: de,
    });
    expect(english.body.error).toEqual({
      _typeName: "LocalizedMethodFault",
      fault: { _typeName: "InvalidState" },
      localizedMessage: "Backup target is offline",
    });
    expect(german.body.error.localizedMessage).toBe(
      "Der Vorgang ist im aktuellen Zustand nicht zulässig",
    );
  });

  it("fault message renders per session", async () => {
    const created = await createTask(server, ext);
    await setState(created.key, {
      state: "error",
      fault: {
        fault: {
          _typeName: "SystemError",
          faultMessage: [
            {
              _typeName: "LocalizableMessage",
              key: "com.vmware.locmsg.taskState",
              arg: [{ key: "field", value: "running" }],
            },
          ],
        },
      },
    });
    const german = await server.call("GET", task(created.key, "info"), {
      session: de,
    });
    expect(german.body.error.localizedMessage).toBe("Status: Wird ausgeführt");
  });

  it("result without success is InvalidArgument", async () => {
    const created = await createTask(server, ext);
    const result = await setState(created.key, {
      state: "running",
      result: "x",
    });
    expect(result.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "result",
    });
    const fault = await setState(created.key, {
      state: "success",
      fault: { fault: { _typeName: "SystemError" } },
    });
    expect(fault.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "fault",
    });
    const info = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(info.body.state).toBe("queued");
  });

  it("unknown state is InvalidRequest", async () => {
    const created = await createTask(server, ext);
    const result = await setState(created.key, { state: "paused" });
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain(
      "'state' must be one of queued, running, success, error",
    );
  });

  it("CancelTask marks a task cancelled", async () => {
    const created = await createTask(server, ext);
    const cancel = await server.call("POST", task(created.key, "CancelTask"), {
      session: ext,
    });
    expect(cancel.status).toBe(204);
    const info = await server.call("GET", task(created.key, "info"), {
      session: en,
    });
    expect(info.body.cancelled).toBe(true);
    const again = await server.call("POST", task(created.key, "CancelTask"), {
      session: ext,
    });
    expect(again.body._typeName).toBe("InvalidState");
  });

  it("non-cancelable task is NotSupported", async () => {
    const created = await createTask(server, ext, { cancelable: false });
    const result = await server.call("POST", task(created.key, "CancelTask"), {
      session: ext,
    });
    expect(result.body._typeName).toBe("NotSupported");
  });

  it("initiator may cancel without privilege", async () => {
    const created = await createTask(server, ext, { initiatedBy: "viewer" });
    const result = await server.call("POST", task(created.key, "CancelTask"), {
      session: en,
    });
    expect(result.status).toBe(204);
  });

  it("others need Task.Update to cancel", async () => {
    const created = await createTask(server, ext);
    const result = await server.call("POST", task(created.key, "CancelTask"), {
      session: en,
    });
    expect(result.body).toMatchObject({
      _typeName: "NoPermission",
      privilegeId: "Task.Update",
    });
  });

  it("updates need Task.Update", async () => {
    const created = await createTask(server, ext);
    const result = await server.call(
      "POST",
      task(created.key, "SetTaskState"),
      {
        session: en,
        body: { state: "running" },
      },
    );
    expect(result.body).toMatchObject({
      _typeName: "NoPermission",
      privilegeId: "Task.Update",
      object: { type: "Task", value: created.key },
    });
  });

  it("unknown task is ManagedObjectNotFound", async () => {
    for (const [method, verb] of [
      ["info", "GET"],
      ["SetTaskState", "POST"],
      ["CancelTask", "POST"],
    ] as const) {
      const result = await server.call(verb, task("task-424242", method), {
        session: ext,
        ...(verb === "POST"
          ? { body: method === "SetTaskState" ? { state: "running" } : {} }
          : {}),
      });
      expect(result.status, method).toBe(500);
      expect(result.body, method).toMatchObject({
        _typeName: "ManagedObjectNotFound",
        obj: {
          _typeName: "ManagedObjectReference",
          type: "Task",
          value: "task-424242",
        },
      });
    }
  });
});
