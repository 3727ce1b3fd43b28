import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const TM = "/TaskManager/TaskManager";
const VM = {
  _typeName: "ManagedObjectReference",
  type: "VirtualMachine",
  value: "vm-42",
};

describe("TaskManager.CreateTask", () => {
  let server: TestServer;
  let ext: string;
  let viewer: string;

  beforeAll(async () => {
    server = await startServer({
      inventory: [{ type: "VirtualMachine", value: "vm-42", name: "web01" }],
    });
    ext = await server.login("ext");
    viewer = await server.login("viewer");
    await registerBackup(server, ext);
  });
  afterAll(() => server.close());

  it("returns a queued TaskInfo", async () => {
    const before = Date.now();
    const info = await createTask(server, ext, { activationId: "act-7" });
    expect(info).toMatchObject({
      _typeName: "TaskInfo",
      task: {
        _typeName: "ManagedObjectReference",
        type: "Task",
        value: info.key,
      },
      descriptionId: "com.example.backup.run",
      entity: VM,
      entityName: "web01",
      state: "queued",
      cancelled: false,
      cancelable: true,
      reason: { _typeName: "TaskReasonUser", userName: "ext" },
      activationId: "act-7",
    });
    expect(info.key).toMatch(/^task-\d+$/);
    expect(Date.parse(info.queueTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(typeof info.eventChainId).toBe("number");
    expect(info).not.toHaveProperty("startTime");
    expect(info).not.toHaveProperty("progress");
    expect(info).not.toHaveProperty("parentTaskKey");
    expect(info).not.toHaveProperty("rootTaskKey");
    expect(server.logsWith("task created").at(-1)).toMatchObject({
      taskKey: info.key,
      userName: "ext",
    });
  });

  it("uses initiatedBy as the reason's user", async () => {
    const info = await createTask(server, ext, {
      initiatedBy: "VSPHERE.LOCAL\\alice",
    });
    expect(info.reason).toEqual({
      _typeName: "TaskReasonUser",
      userName: "VSPHERE.LOCAL\\alice",
    });
  });

  it("names an unknown entity by its MoRef value", async () => {
    const info = await createTask(server, ext, {
      obj: { type: "HostSystem", value: "host-9" },
    });
    expect(info.entityName).toBe("host-9");
    expect(info.entity).toEqual({
      _typeName: "ManagedObjectReference",
      type: "HostSystem",
      value: "host-9",
    });
  });

  it("follows the parent chain to the root", async () => {
    const root = await createTask(server, ext);
    const child = await createTask(server, ext, { parentTaskKey: root.key });
    const grandchild = await createTask(server, ext, {
      parentTaskKey: child.key,
    });
    expect(child.parentTaskKey).toBe(root.key);
    expect(child.rootTaskKey).toBe(root.key);
    expect(grandchild.parentTaskKey).toBe(child.key);
    expect(grandchild.rootTaskKey).toBe(root.key);
  });

  it("unknown parent is InvalidArgument", async () => {
    const count = server.context.tasks.size;
    const result = await server.call("POST", `${TM}/CreateTask`, {
      session: ext,
      body: {
        obj: VM,
        taskTypeId: "com.example.backup.run",
        cancelable: false,
        parentTaskKey: "task-99999",
      },
    });
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "parentTaskKey",
    });
    expect(server.context.tasks.size).toBe(count);
  });

  it("unregistered task type is InvalidArgument", async () => {
    const count = server.context.tasks.size;
    const result = await server.call("POST", `${TM}/CreateTask`, {
      session: ext,
      body: {
        obj: VM,
        taskTypeId: "VirtualMachine.powerOn",
        cancelable: false,
      },
    });
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "taskType",
    });
    expect(server.context.tasks.size).toBe(count);
  });

  it("missing privilege is NoPermission", async () => {
    const count = server.context.tasks.size;
    const result = await server.call("POST", `${TM}/CreateTask`, {
      session: viewer,
      body: {
        obj: VM,
        taskTypeId: "com.example.backup.run",
        cancelable: false,
      },
    });
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({
      _typeName: "NoPermission",
      privilegeId: "Task.Create",
      object: { type: "TaskManager", value: "TaskManager" },
      missingPrivileges: [
        {
          entity: { type: "TaskManager", value: "TaskManager" },
          privilegeIds: ["Task.Create"],
        },
      ],
    });
    expect(server.context.tasks.size).toBe(count);
  });

  it("without credentials is NotAuthenticated", async () => {
    const result = await server.call("POST", `${TM}/CreateTask`, {
      body: {
        obj: VM,
        taskTypeId: "com.example.backup.run",
        cancelable: false,
      },
    });
    expect(result.body).toMatchObject({
      _typeName: "NotAuthenticated",
      privilegeId: "Task.Create",
    });
  });

  it("missing cancelable is InvalidRequest", async () => {
    const result = await server.call("POST", `${TM}/CreateTask`, {
      session: ext,
      body: { obj: VM, taskTypeId: "com.example.backup.run" },
    });
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain("required property 'cancelable'");
  });

  it("gives 200 parallel calls unique keys", async () => {
    const count = server.context.tasks.size;
    const infos = await Promise.all(
      Array.from({ length: 200 }, () => createTask(server, ext)),
    );
    const keys = new Set(infos.map((info) => info.key));
    expect(keys.size).toBe(200);
    const chains = new Set(infos.map((info) => info.eventChainId));
    expect(chains.size).toBe(200);
    expect(server.context.tasks.size).toBe(count + 200);
  });

  it("recentTask lists at most 200 MoRefs", async () => {
    const latest = await createTask(server, ext);
    const result = await server.call("GET", `${TM}/recentTask`, {
      session: viewer,
    });
    expect(result.status).toBe(200);
    expect(result.body.length).toBe(200);
    expect(result.body.at(-1)).toEqual({
      _typeName: "ManagedObjectReference",
      type: "Task",
      value: latest.key,
    });
  });
});

describe("TaskManager.description", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    await registerBackup(server, await server.login("ext"));
  });
  afterAll(() => server.close());

  it("is localized per session", async () => {
    const en = await server.login("viewer", "en");
    const de = await server.login("viewer", "de");
    const english = await server.call(
      "GET",
      "/TaskManager/TaskManager/description",
      {
        session: en,
      },
    );
    const german = await server.call(
      "GET",
      "/TaskManager/TaskManager/description",
      {
        session: de,
      },
    );
    expect(english.body._typeName).toBe("TaskDescription");

    const method = (body: any, key: string) =>
      body.methodInfo.find((element: { key: string }) => element.key === key);
    expect(method(english.body, "VirtualMachine.powerOn")).toEqual({
      _typeName: "ElementDescription",
      key: "VirtualMachine.powerOn",
      label: "Power On virtual machine",
      summary: "Power On this virtual machine",
    });
    expect(method(german.body, "VirtualMachine.powerOn")).toMatchObject({
      label: "Virtuelle Maschine einschalten",
      // No German summary: the English one, key by key.
      summary: "Power On this virtual machine",
    });
    expect(method(german.body, "com.example.backup.run")).toMatchObject({
      label: "Sicherung ausführen",
      summary: "Sichert eine virtuelle Maschine",
    });

    expect(english.body.state[0]).toEqual({
      _typeName: "ElementDescription",
      key: "queued",
      label: "Queued",
      summary: "Task is queued",
    });
    expect(german.body.state[0].label).toBe("In Warteschlange");
    expect(german.body.reason[0]).toMatchObject({
      key: "TaskReasonUser",
      label: "Benutzeraufgabe",
    });
    // A reason without catalog text shows the key's last segment.
    expect(english.body.reason[1]).toMatchObject({
      key: "TaskReasonSystem",
      label: "TaskReasonSystem",
    });
  });

  it("needs a session", async () => {
    const result = await server.call(
      "GET",
      "/TaskManager/TaskManager/description",
    );
    expect(result.body._typeName).toBe("NotAuthenticated");
  });
});

describe("TaskManager task store bound", () => {
  let server: TestServer;
  let ext: string;

  beforeAll(async () => {
    server = await startServer({ maxTasks: 3 });
    ext = await server.login("ext");
    await registerBackup(server, ext);
  });
  afterAll(() => server.close());

  const finish = async (key: string, state: "success" | "error") => {
    const result = await server.call("POST", `/Task/${key}/SetTaskState`, {
      session: ext,
      body: { state },
    });
    expect(result.status).toBe(204);
  };
  const infoStatus = async (key: string) =>
    (await server.call("GET", `/Task/${key}/info`, { session: ext })).status;
  const recentKeys = async () =>
    (await server.call("GET", `${TM}/recentTask`, { session: ext })).body.map(
      (ref: { value: string }) => ref.value,
    );

  it("drops finished tasks first, rejects when none", async () => {
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) keys.push((await createTask(server, ext)).key);
    const [first, second, third] = keys as [string, string, string];

    // Every stored task is unfinished: CreateTask faults and stores nothing.
    for (let i = 0; i < 2; i++) {
      const full = await server.call("POST", `${TM}/CreateTask`, {
        session: ext,
        body: {
          obj: VM,
          taskTypeId: "com.example.backup.run",
          cancelable: true,
        },
      });
      expect(full.status).toBe(500);
      expect(full.body._typeName).toBe("InvalidState");
      expect(full.body.msg).toContain("at most 3 tasks");
      expect(full.body.msg).toContain("raise maxTasks");
    }
    expect(await recentKeys()).toEqual(keys);
    const warnings = server.logsWith(
      "task store is full of unfinished tasks; CreateTask is rejected until tasks finish",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ maxTasks: 3, unfinished: 3 });

    // The task that finished longest ago goes first, whatever its age.
    await finish(third, "success");
    await finish(first, "error");
    const fourth = (await createTask(server, ext)).key;
    expect(fourth).toBe(`task-${Number(third.slice(5)) + 1}`);
    expect(await infoStatus(third)).toBe(500);
    expect(await infoStatus(first)).toBe(200);
    expect(await infoStatus(second)).toBe(200);

    const fifth = (await createTask(server, ext)).key;
    expect(await infoStatus(first)).toBe(500);
    expect(await recentKeys()).toEqual([second, fourth, fifth]);
    expect(server.context.tasks.size).toBe(3);
  });
});
