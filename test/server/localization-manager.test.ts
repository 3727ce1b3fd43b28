import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, Manifest } from "../../src/browser/bundle-format.js";
import { createLocmsg } from "../../src/browser/index.js";
import {
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const CATALOG = "/LocalizationManager/LocalizationManager/catalog";
const BUNDLE_URI = /^\/catalogs\/([a-zA-Z_]+)\/([a-z]+)\.([0-9a-f]{16})\.json$/;

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

describe("LocalizationManager.catalog", { timeout: 60_000 }, () => {
  let server: TestServer;
  let de: string;

  beforeAll(async () => {
    server = await startServer();
    de = await server.login("viewer", "de");
  });
  afterAll(() => server.close());

  const list = async (session: string): Promise<MessageCatalog[]> => {
    const result = await server.call("GET", CATALOG, { session });
    expect(result.status).toBe(200);
    return result.body;
  };
  const find = async (locale: string, name: string) =>
    (await list(de)).find(
      (catalog) => catalog.locale === locale && catalog.catalogName === name,
    )!;
  const download = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}${path}`, {
      headers: { "vmware-api-session-id": de, ...headers },
    });

  it("lists the locale chain's bundles", async () => {
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
    for (const catalog of catalogs) {
      const match = BUNDLE_URI.exec(catalog.catalogUri);
      expect(match, catalog.catalogUri).not.toBeNull();
      expect(match![1]).toBe(catalog.locale);
      expect(match![2]).toBe(catalog.catalogName);
      expect(match![3]).toBe(catalog.version);
      expect(catalog._typeName).toBe("LocalizationManagerMessageCatalog");
      expect(catalog.md5sum).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(catalog.lastModified)).not.toBeNaN();
    }
    const task = catalogs.find((catalog) => catalog.catalogName === "task")!;
    expect(task.moduleName).toBe("task");
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

  it("serves bundles with matching md5", async () => {
    for (const catalog of await list(de)) {
      const response = await download(catalog.catalogUri);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(
        "application/json; charset=utf-8",
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(createHash("md5").update(bytes).digest("hex")).toBe(
        catalog.md5sum,
      );
      expect(response.headers.get("etag")).toBe(`"${catalog.md5sum}"`);
      expect(response.headers.get("cache-control")).toBe(
        "private, max-age=31536000, immutable",
      );
      expect(response.headers.get("last-modified")).toBe(
        new Date(catalog.lastModified).toUTCString(),
      );
      const bundle = JSON.parse(bytes.toString("utf8")) as Bundle;
      expect(bundle.format).toBe(1);
      expect(bundle.locale).toBe(catalog.locale);
      expect(bundle.catalog).toBe(catalog.catalogName);
    }
    const task = await find("de", "task");
    const bundle = (await (await download(task.catalogUri)).json()) as Bundle;
    expect(bundle.messages["VirtualMachine.powerOn.label"]).toBe(
      "Virtuelle Maschine einschalten",
    );
  });

  it("answers If-None-Match with 304", async () => {
    const { catalogUri, md5sum } = await find("de", "enum");
    for (const header of [
      `"${md5sum}"`,
      `W/"${md5sum}"`,
      `"0123", "${md5sum}"`,
      "*",
    ]) {
      const response = await download(catalogUri, {
        "if-none-match": header,
      });
      expect(response.status, header).toBe(304);
      expect(await response.text(), header).toBe("");
      expect(response.headers.get("etag"), header).toBe(`"${md5sum}"`);
    }
    const stale = await download(catalogUri, { "if-none-match": '"0123"' });
    expect(stale.status).toBe(200);
  });

  it("serves the manifest without caching", async () => {
    const response = await download("/catalogs/manifest.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const manifest = (await response.json()) as Manifest;
    const listed = await list(de);
    for (const catalog of listed) {
      const entry = manifest.catalogs.find(
        (item) => `/catalogs/${item.catalogUri}` === catalog.catalogUri,
      );
      expect(entry?.md5sum, catalog.catalogUri).toBe(catalog.md5sum);
      expect(entry?.lastModified, catalog.catalogUri).toBe(
        catalog.lastModified,
      );
    }
  });

  it("extension resources enter the bundles", async () => {
    const before = await find("de", "task");
    const enumBefore = await find("de", "enum");
    const ext = await server.login("ext", "de");
    await registerBackup(server, ext);

    const after = await find("de", "task");
    expect(after.catalogUri).not.toBe(before.catalogUri);
    expect(after.md5sum).not.toBe(before.md5sum);
    expect(after.version).not.toBe(before.version);
    expect(Date.parse(after.lastModified)).toBeGreaterThanOrEqual(
      Date.parse(before.lastModified),
    );
    const bundle = (await (await download(after.catalogUri)).json()) as Bundle;
    expect(bundle.messages["com.example.backup.run.label"]).toBe(
      "Sicherung ausführen",
    );
    expect(bundle.messages["VirtualMachine.powerOn.label"]).toBe(
      "Virtuelle Maschine einschalten",
    );

    // An unchanged catalog keeps its file and date.
    expect(await find("de", "enum")).toEqual(enumBefore);
    // A client holding the earlier list can still download it.
    const old = await download(before.catalogUri);
    expect(old.status).toBe(200);
    const oldBundle = (await old.json()) as Bundle;
    expect(oldBundle.messages["com.example.backup.run.label"]).toBeUndefined();
  });

  it("bundles render with locmsg/browser", async () => {
    const ext = await server.login("ext", "de");
    const task = await createTask(server, ext);
    const manifest = (await (
      await download("/catalogs/manifest.json")
    ).json()) as Manifest;
    const bundles: Bundle[] = [];
    for (const catalog of await list(de)) {
      bundles.push(
        (await (await download(catalog.catalogUri)).json()) as Bundle,
      );
    }
    const locmsg = createLocmsg(manifest, bundles, { locale: "de" });
    expect(locmsg.chain).toEqual(["de", "en"]);
    const info = await server.call("GET", `/Task/${task.key}/info`, {
      session: de,
    });
    const rendered = locmsg.renderTaskInfo(info.body);
    expect(rendered.name).toBe("Sicherung ausführen");
    expect(rendered.state).toBe("In Warteschlange");
  });

  it("demo page serves the same build", async () => {
    const response = await fetch(`${server.origin}/demo/bundles/manifest.json`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Manifest;
    for (const catalog of await list(de)) {
      const entry = manifest.catalogs.find(
        (item) =>
          item.locale === catalog.locale &&
          item.catalogName === catalog.catalogName,
      );
      expect(`/catalogs/${entry?.catalogUri}`).toBe(catalog.catalogUri);
      expect(entry?.md5sum).toBe(catalog.md5sum);
      const demoFile = await fetch(
        `${server.origin}/demo/bundles/${entry!.catalogUri}`,
        { headers: { "if-none-match": `"${catalog.md5sum}"` } },
      );
      expect(demoFile.status).toBe(304);
    }
    const builds = server.logsWith("catalog bundles built");
    const generations = builds.map((record) => record["generation"]);
    expect(new Set(generations).size).toBe(generations.length);
  });

  it("catalog files need credentials", async () => {
    const { catalogUri } = await find("de", "task");
    for (const path of [catalogUri, "/catalogs/manifest.json"]) {
      const response = await server.call("GET", path);
      expect(response.status, path).toBe(500);
      expect(response.body._typeName, path).toBe("NotAuthenticated");
    }
  });

  it("unknown catalog file is 404", async () => {
    for (const path of [
      "/catalogs/de/nothing.json",
      "/catalogs/xx/task.json",
      "/catalogs/de/task.json",
      "/catalogs/de/task.0000000000000000.json",
      "/catalogs/",
    ]) {
      const response = await server.call("GET", path, { session: de });
      expect(response.status, path).toBe(404);
      expect(response.body._typeName, path).toBe("NotFound");
    }
  });
});
