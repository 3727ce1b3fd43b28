import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const CATALOG = "/LocalizationManager/LocalizationManager/catalog";

interface MessageCatalog {
  _typeName: string;
  moduleName: string;
  catalogName: string;
  locale: string;
  catalogUri: string;
  lastModified: string;
  md5sum: string;
  version: string;
}

describe("LocalizationManager.catalog", () => {
  let server: TestServer;
  let de: string;

  beforeAll(async () => {
    server = await startServer();
    de = await server.login("viewer", "de");
  });
  afterAll(() => server.close());

  const list = async (session: string): Promise<MessageCatalog[]> =>
    (await server.call("GET", CATALOG, { session })).body;

  it("lists the locale chain's catalogs", async () => {
    const catalogs = await list(de);
    const ids = catalogs.map(
      (catalog) => `${catalog.locale}/${catalog.catalogName}`,
    );
    expect(ids).toEqual([
      "de/enum",
      "de/fault",
      "de/locmsg",
      "de/task",
      "en/enum",
      "en/fault",
      "en/locmsg",
      "en/task",
    ]);
    const task = catalogs.find((catalog) => catalog.catalogName === "task")!;
    expect(task).toMatchObject({
      _typeName: "LocalizationManagerMessageCatalog",
      moduleName: "task",
      catalogUri: "/catalogs/de/task.json",
      version: "1",
    });
    expect(task.md5sum).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(task.lastModified)).not.toBeNaN();
    const core = catalogs.find((catalog) => catalog.catalogName === "locmsg")!;
    expect(core.moduleName).toBe("");
  });

  it("English session lists English only", async () => {
    const en = await server.login("viewer", "en");
    const catalogs = await list(en);
    expect(new Set(catalogs.map((catalog) => catalog.locale))).toEqual(
      new Set(["en"]),
    );
  });

  it("serves catalogs with matching md5", async () => {
    for (const catalog of await list(de)) {
      const response = await fetch(`${server.origin}${catalog.catalogUri}`, {
        headers: { "vmware-api-session-id": de },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(
        "application/json",
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(createHash("md5").update(bytes).digest("hex")).toBe(
        catalog.md5sum,
      );
      expect(response.headers.get("etag")).toBe(`"${catalog.md5sum}"`);
    }
    const response = await server.call("GET", "/catalogs/de/task.json", {
      session: de,
    });
    expect(response.body["VirtualMachine.powerOn.label"]).toBe(
      "Virtuelle Maschine einschalten",
    );
  });

  it("answers If-None-Match with 304", async () => {
    const [first] = await list(de);
    const response = await fetch(`${server.origin}${first!.catalogUri}`, {
      headers: {
        "vmware-api-session-id": de,
        "if-none-match": `"${first!.md5sum}"`,
      },
    });
    expect(response.status).toBe(304);
  });

  it("extension changes bump version and md5", async () => {
    const before = (await list(de)).find(
      (catalog) => catalog.catalogUri === "/catalogs/de/task.json",
    )!;
    await registerBackup(server, await server.login("ext"));
    const after = (await list(de)).find(
      (catalog) => catalog.catalogUri === "/catalogs/de/task.json",
    )!;
    expect(after.md5sum).not.toBe(before.md5sum);
    expect(after.version).toBe("2");
    expect(Date.parse(after.lastModified)).toBeGreaterThanOrEqual(
      Date.parse(before.lastModified),
    );
    const body = await server.call("GET", "/catalogs/de/task.json", {
      session: de,
    });
    expect(body.body["com.example.backup.run.label"]).toBe(
      "Sicherung ausführen",
    );
    const unchanged = (await list(de)).find(
      (catalog) => catalog.catalogUri === "/catalogs/de/enum.json",
    )!;
    expect(unchanged.version).toBe("1");
  });

  it("catalog files need credentials", async () => {
    const response = await server.call("GET", "/catalogs/de/task.json");
    expect(response.status).toBe(500);
    expect(response.body._typeName).toBe("NotAuthenticated");
  });

  it("unknown catalog file is 404", async () => {
    for (const path of [
      "/catalogs/de/nothing.json",
      "/catalogs/xx/task.json",
      "/catalogs/de/task.yaml",
    ]) {
      const response = await server.call("GET", path, { session: de });
      expect(response.status, path).toBe(404);
      expect(response.body._typeName, path).toBe("NotFound");
    }
  });
});
