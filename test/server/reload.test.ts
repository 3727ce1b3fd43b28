import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle } from "../../src/browser/bundle-format.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import {
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "./helpers/test-server.js";

const CATALOG = "/LocalizationManager/LocalizationManager/catalog";
const STATUS_KEY = "com.example.backup.status";

/** Writes `<dir>/<locale>/<catalog>.yaml` files of `key: "text"` lines. */
async function writeCatalogs(
  dir: string,
  texts: Record<string, Record<string, Record<string, string>>>,
): Promise<void> {
  for (const [locale, catalogs] of Object.entries(texts)) {
    await mkdir(path.join(dir, locale), { recursive: true });
    for (const [name, entries] of Object.entries(catalogs)) {
      const lines = Object.entries(entries).map(
        ([key, text]) => `${key}: ${JSON.stringify(text)}\n`,
      );
      await writeFile(path.join(dir, locale, `${name}.yaml`), lines.join(""));
    }
  }
}

const BASE = {
  en: {
    locmsg: { [STATUS_KEY]: "Backing up {vm}" },
    task: { "com.example.backup.run.label": "Base backup label" },
  },
  de: {
    locmsg: { [STATUS_KEY]: "Sichere {vm}" },
    task: { "com.example.backup.run.label": "Basis-Sicherung" },
  },
};

describe("catalog reload", { timeout: 60_000 }, () => {
  let dir: string;
  let server: TestServer;
  let ext: string;
  let de: string;
  let taskKey: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "locmsg-server-reload-"));
    await writeCatalogs(dir, BASE);
    server = await startServer({}, await Locmsg.fromDirectory(dir));
    ext = await server.login("ext", "en");
    de = await server.login("viewer", "de");
    await registerBackup(server, ext);
    taskKey = (await createTask(server, ext)).key;
    const described = await server.call(
      "POST",
      `/Task/${taskKey}/SetTaskDescription`,
      {
        session: ext,
        body: {
          description: {
            key: STATUS_KEY,
            arg: [{ key: "vm", value: "web01" }],
          },
        },
      },
    );
    expect(described.status).toBe(204);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const description = async () =>
    (await server.call("GET", `/Task/${taskKey}/info`, { session: de })).body
      .description.message;
  const germanTaskBundle = async (): Promise<Bundle> => {
    const list = (await server.call("GET", CATALOG, { session: de })).body;
    const entry = list.find(
      (item: { locale: string; catalogName: string }) =>
        item.locale === "de" && item.catalogName === "task",
    );
    const response = await fetch(`${server.origin}${entry.catalogUri}`, {
      headers: { "vmware-api-session-id": de },
    });
    return (await response.json()) as Bundle;
  };

  it("renders the new files after a reload", async () => {
    expect(await description()).toBe("Sichere web01");
    await writeCatalogs(dir, {
      de: {
        locmsg: { [STATUS_KEY]: "Sicherung von {vm} läuft" },
        task: {
          "com.example.backup.run.label": "Neue Basis-Sicherung",
          "com.example.backup.verify.label": "Sicherung prüfen",
        },
      },
    });
    const generation = server.context.state.generation;
    const outcome = await server.context.reloadCatalogs("test");
    expect(outcome.replaced).toBe(true);
    expect(server.context.state.generation).toBe(generation + 1);
    expect(await description()).toBe("Sicherung von web01 läuft");
    expect(server.logsWith("catalogs reloaded").at(-1)).toMatchObject({
      trigger: "test",
      locales: ["de", "en"],
      extensions: 1,
    });
  });

  it("re-applies extension resources", async () => {
    const bundle = await germanTaskBundle();
    // The extension's label still wins over the reloaded base catalog.
    expect(bundle.messages["com.example.backup.run.label"]).toBe(
      "Sicherung ausführen",
    );
    expect(bundle.messages["com.example.backup.verify.label"]).toBe(
      "Sicherung prüfen",
    );
  });

  it("truncated file keeps the old text", async () => {
    const before = await germanTaskBundle();
    const generation = server.context.state.generation;
    const file = path.join(dir, "de", "locmsg.yaml");
    const text = `${STATUS_KEY}: "Sicherung von {vm} ist fertig"\n`;
    await writeFile(file, text.slice(0, text.indexOf("ist") + 2));

    const outcome = await server.context.reloadCatalogs("test");
    expect(outcome.replaced).toBe(false);
    expect(outcome.diagnostics[0]).toMatchObject({
      severity: "error",
      locale: "de",
    });
    expect(server.context.state.generation).toBe(generation);
    expect(await description()).toBe("Sicherung von web01 läuft");
    expect(await germanTaskBundle()).toEqual(before);
    const failure = server
      .logsWith("catalog reload failed; keeping the previous catalogs")
      .at(-1)!;
    expect(failure["level"]).toBe(50);
    expect(failure["reason"]).toBe("the catalog folder has errors");
    expect(failure["errors"]).toBeGreaterThan(0);
    expect(String((failure["diagnostics"] as string[])[0])).toContain(file);

    await writeFile(file, text);
    expect((await server.context.reloadCatalogs("test")).replaced).toBe(true);
    expect(await description()).toBe("Sicherung von web01 ist fertig");
  });

  it("empty folder keeps the catalogs", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "locmsg-server-empty-"));
    try {
      await writeCatalogs(empty, BASE);
      const other = await startServer({}, await Locmsg.fromDirectory(empty));
      try {
        await rm(path.join(empty, "en"), { recursive: true });
        await rm(path.join(empty, "de"), { recursive: true });
        const outcome = await other.context.reloadCatalogs("test");
        expect(outcome.replaced).toBe(false);
        expect(
          other
            .logsWith("catalog reload failed; keeping the previous catalogs")
            .at(-1)?.["reason"],
        ).toBe("the catalog folder has no catalogs");
        expect(other.context.state.engine.catalogs.locales()).toEqual([
          "de",
          "en",
        ]);
      } finally {
        await other.close();
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("concurrent reloads run one at a time", async () => {
    const start = server.logs.length;
    const outcomes = await Promise.all([
      server.context.reloadCatalogs("first"),
      server.context.reloadCatalogs("second"),
      server.context.reloadCatalogs("third"),
    ]);
    expect(outcomes.map((outcome) => outcome.replaced)).toEqual([
      true,
      true,
      true,
    ]);
    const sequence = server.logs
      .slice(start)
      .filter((record) =>
        ["reloading catalogs", "catalogs reloaded"].includes(record.msg),
      )
      .map((record) => `${record.msg}:${String(record["trigger"])}`);
    expect(sequence).toEqual([
      "reloading catalogs:first",
      "catalogs reloaded:first",
      "reloading catalogs:second",
      "catalogs reloaded:second",
      "reloading catalogs:third",
      "catalogs reloaded:third",
    ]);
  });
});

describe("catalog reload without a folder", () => {
  it("logs an error and keeps the catalogs", async () => {
    const server = await startServer();
    try {
      const outcome = await server.context.reloadCatalogs("test");
      expect(outcome.replaced).toBe(false);
      const failure = server
        .logsWith("catalog reload failed; keeping the previous catalogs")
        .at(-1)!;
      expect(failure["level"]).toBe(50);
      expect(JSON.stringify(failure["err"])).toContain("Locmsg.fromDirectory");
      expect(server.context.state.generation).toBe(0);
    } finally {
      await server.close();
    }
  });
});
