import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backupExtension,
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const EM = "/ExtensionManager/ExtensionManager";

describe("ExtensionManager", () => {
  let server: TestServer;
  let ext: string;
  let viewer: string;

  beforeAll(async () => {
    server = await startServer();
    ext = await server.login("ext");
    viewer = await server.login("viewer", "de");
  });
  afterAll(() => server.close());

  const register = (extension: unknown, session = ext) =>
    server.call("POST", `${EM}/RegisterExtension`, {
      session,
      body: { extension },
    });
  const find = (extensionKey: string) =>
    server.call("POST", `${EM}/FindExtension`, {
      session: viewer,
      body: { extensionKey },
    });
  const germanLabel = async (taskTypeId: string) => {
    const description = await server.call(
      "GET",
      "/TaskManager/TaskManager/description",
      {
        session: viewer,
      },
    );
    return description.body.methodInfo.find(
      (element: { key: string }) => element.key === taskTypeId,
    )?.label;
  };

  it("registers and finds an extension", async () => {
    const result = await register(backupExtension("com.example.one"));
    expect(result.status).toBe(204);
    const found = await find("com.example.one");
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      _typeName: "Extension",
      key: "com.example.one",
      description: { _typeName: "Description", label: "Backup" },
      version: "1.0.0",
      company: "Example",
      taskList: [
        { _typeName: "ExtensionTaskTypeInfo", taskID: "com.example.one.run" },
      ],
    });
    expect(found.body.resourceList[1]).toMatchObject({
      _typeName: "ExtensionResourceInfo",
      locale: "de",
      module: "task",
    });
    expect(Date.parse(found.body.lastHeartbeatTime)).not.toBeNaN();
    const list = await server.call("GET", `${EM}/extensionList`, {
      session: viewer,
    });
    expect(
      list.body.map((extension: { key: string }) => extension.key),
    ).toContain("com.example.one");
    expect(server.logsWith("extension registered").at(-1)).toMatchObject({
      extensionKey: "com.example.one",
      userName: "ext",
    });
  });

  it("German resources render at once", async () => {
    expect(await germanLabel("com.example.two.run")).toBeUndefined();
    await registerBackup(server, ext, "com.example.two");
    expect(await germanLabel("com.example.two.run")).toBe(
      "Sicherung ausführen",
    );
  });

  it("accepts plain JSON without _typeName", async () => {
    const result = await register({
      key: "com.example.plain",
      description: { label: "Plain", summary: "No type names" },
      version: "2",
      taskList: [{ taskID: "com.example.plain.sync" }],
      resourceList: [
        {
          locale: "de-DE",
          module: "task",
          data: [{ key: "com.example.plain.sync.label", value: "Abgleich" }],
        },
      ],
    });
    expect(result.status).toBe(204);
    const de = await server.login("viewer", "de_DE");
    const description = await server.call(
      "GET",
      "/TaskManager/TaskManager/description",
      {
        session: de,
      },
    );
    const element = description.body.methodInfo.find(
      (item: { key: string }) => item.key === "com.example.plain.sync",
    );
    expect(element.label).toBe("Abgleich");
    const locales = await server.call(
      "GET",
      "/SessionManager/SessionManager/messageLocaleList",
    );
    expect(locales.body).toContain("de_DE");
  });

  it("duplicate key is InvalidArgument", async () => {
    await register(backupExtension("com.example.dup"));
    const again = await register(backupExtension("com.example.dup"));
    expect(again.status).toBe(500);
    expect(again.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "extension.key",
    });
  });

  it("UpdateExtension replaces resources", async () => {
    await registerBackup(server, ext, "com.example.upd");
    const changed = backupExtension("com.example.upd");
    changed.resourceList[1]!.data[0]!.value = "Sicherung starten";
    const result = await server.call("POST", `${EM}/UpdateExtension`, {
      session: ext,
      body: { extension: changed },
    });
    expect(result.status).toBe(204);
    expect(await germanLabel("com.example.upd.run")).toBe("Sicherung starten");
  });

  it("UpdateExtension of unknown key is NotFound", async () => {
    const result = await server.call("POST", `${EM}/UpdateExtension`, {
      session: ext,
      body: { extension: backupExtension("com.example.missing") },
    });
    expect(result.body._typeName).toBe("NotFound");
  });

  it("UnregisterExtension removes labels and task types", async () => {
    await registerBackup(server, ext, "com.example.gone");
    const info = await createTask(server, ext, {
      taskTypeId: "com.example.gone.run",
    });
    expect(info.state).toBe("queued");

    const result = await server.call("POST", `${EM}/UnregisterExtension`, {
      session: ext,
      body: { extensionKey: "com.example.gone" },
    });
    expect(result.status).toBe(204);
    expect(await germanLabel("com.example.gone.run")).toBeUndefined();

    const found = await find("com.example.gone");
    expect(found.status).toBe(204);
    const create = await server.call(
      "POST",
      "/TaskManager/TaskManager/CreateTask",
      {
        session: ext,
        body: {
          obj: { type: "VirtualMachine", value: "vm-1" },
          taskTypeId: "com.example.gone.run",
          cancelable: false,
        },
      },
    );
    expect(create.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "taskType",
    });

    // Existing tasks stay, showing the key's last segment without labels.
    const kept = await server.call("GET", `/Task/${info.key}/info`, {
      session: viewer,
    });
    expect(kept.body.descriptionId).toBe("com.example.gone.run");
  });

  it("UnregisterExtension of unknown key is NotFound", async () => {
    const result = await server.call("POST", `${EM}/UnregisterExtension`, {
      session: ext,
      body: { extensionKey: "com.example.never" },
    });
    expect(result.body._typeName).toBe("NotFound");
  });

  it("invalid resources are InvalidArgument", async () => {
    const cases = [
      [
        "bad locale",
        { locale: "not a locale", module: "task", data: [] },
        "locale 'not a locale'",
      ],
      [
        "bad module",
        { locale: "de", module: "no.dots", data: [] },
        "module is 'no.dots'",
      ],
      [
        "template error",
        {
          locale: "de",
          module: "task",
          data: [{ key: "a.label", value: "broken {" }],
        },
        "key 'a.label'",
      ],
    ] as const;
    for (const [index, [name, resource, text]] of cases.entries()) {
      const extension = {
        ...backupExtension(`com.example.bad${index}`),
        resourceList: [resource],
      };
      const result = await register(extension);
      expect(result.status, name).toBe(500);
      expect(result.body, name).toMatchObject({
        _typeName: "InvalidArgument",
        invalidProperty: "extension.resourceList",
      });
      expect(result.body.msg, name).toContain(text);
      expect(result.body.msg, name).toContain("resourceList[0]");
      const found = await find(extension.key);
      expect(found.status, name).toBe(204);
    }
  });

  it("non-string resource value is InvalidRequest", async () => {
    const extension = {
      ...backupExtension("com.example.number"),
      resourceList: [
        { locale: "de", module: "task", data: [{ key: "a", value: 7 }] },
      ],
    };
    const result = await register(extension);
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain(
      "'extension.resourceList.0.data.0.value' must be of type string",
    );
  });

  it("task type of another extension is InvalidArgument", async () => {
    await registerBackup(server, ext, "com.example.owner");
    const thief = {
      ...backupExtension("com.example.thief"),
      taskList: [{ taskID: "com.example.owner.run" }],
    };
    const result = await register(thief);
    expect(result.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "extension.taskList",
    });
    expect(result.body.msg).toContain("com.example.owner");
  });

  it("unknown Extension property is InvalidRequest", async () => {
    const result = await register({
      ...backupExtension("com.example.extra"),
      colour: "red",
    });
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain("unknown property 'colour'");
  });

  it("needs Extension.Register", async () => {
    const result = await register(
      backupExtension("com.example.denied"),
      viewer,
    );
    expect(result.body).toMatchObject({
      _typeName: "NoPermission",
      privilegeId: "Extension.Register",
    });
  });

  it("FindExtension of unknown key is unset", async () => {
    const result = await find("com.example.nothing");
    expect(result.status).toBe(204);
    expect(result.text).toBe("");
  });
});
