import { mkdtemp, mkdir, symlink, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";

async function catalogFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "locmsg-reload-"));
  await mkdir(path.join(dir, "en"));
  await mkdir(path.join(dir, "de"));
  await writeFile(
    path.join(dir, "en", "locmsg.yaml"),
    'greeting: "Hello {name}"\n',
  );
  await writeFile(
    path.join(dir, "de", "locmsg.yaml"),
    'greeting: "Hallo {name}"\n',
  );
  return dir;
}

const greeting = { key: "greeting", arg: [{ key: "name", value: "Ana" }] };

describe("Locmsg.reload", () => {
  it("replaces catalogs that load cleanly", async () => {
    const dir = await catalogFolder();
    const engine = await Locmsg.fromDirectory(dir);
    const session = engine.createSession({ locale: "de" });
    expect(session.format(greeting)).toBe("Hallo Ana");

    await writeFile(
      path.join(dir, "de", "locmsg.yaml"),
      'greeting: "Servus {name}"\n',
    );
    const result = await engine.reload();
    expect(result.replaced).toBe(true);
    expect(session.format(greeting)).toBe("Servus Ana");
  });

  it("keeps catalogs when a file is cut short", async () => {
    const dir = await catalogFolder();
    const engine = await Locmsg.fromDirectory(dir);
    const session = engine.createSession({ locale: "de" });

    await writeFile(
      path.join(dir, "de", "locmsg.yaml"),
      'greeting: "Servus {na',
    );
    const result = await engine.reload();
    expect(result.replaced).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      code: "yaml-syntax",
      locale: "de",
    });
    expect(session.format(greeting)).toBe("Hallo Ana");
  });

  it("keeps catalogs when a file vanishes while loading", async () => {
    const dir = await catalogFolder();
    const engine = await Locmsg.fromDirectory(dir);
    const session = engine.createSession({ locale: "de" });

    // A link whose target is gone is listed but cannot be read, as a file
    // deleted between listing and reading is.
    await rm(path.join(dir, "de", "locmsg.yaml"));
    await symlink(
      path.join(dir, "gone.yaml"),
      path.join(dir, "de", "locmsg.yaml"),
    );
    const result = await engine.reload();
    expect(result.replaced).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain(
      "file-read",
    );
    expect(session.format(greeting)).toBe("Hallo Ana");
  });

  it("updates the message locales", async () => {
    const dir = await catalogFolder();
    const engine = await Locmsg.fromDirectory(dir);
    const session = engine.createSession({ locale: "fr" });
    expect(session.messageLocale).toBe("en");

    await mkdir(path.join(dir, "fr"));
    await writeFile(
      path.join(dir, "fr", "locmsg.yaml"),
      'greeting: "Bonjour {name}"\n',
    );
    await engine.reload();
    expect(engine.settings.messageLocaleList).toEqual(["de", "en", "fr"]);
    expect(session.messageLocale).toBe("fr");
    expect(session.format(greeting)).toBe("Bonjour Ana");
  });

  it("needs a folder to read", async () => {
    const engine = new Locmsg(
      (await Locmsg.fromDirectory(await catalogFolder())).catalogs,
    );
    await expect(engine.reload()).rejects.toThrow(/Locmsg.fromDirectory/);
  });
});

describe("Locmsg.reload limits", () => {
  it("applies the engine's limits", async () => {
    const dir = await catalogFolder();
    const engine = await Locmsg.fromDirectory(dir, {
      limits: { maxMessageLength: 20 },
    });
    await writeFile(
      path.join(dir, "de", "locmsg.yaml"),
      `greeting: "${"x".repeat(30)} {name}"\n`,
    );
    const result = await engine.reload();
    expect(result.replaced).toBe(false);
    expect(result.diagnostics[0]?.code).toBe("limit-exceeded");
    expect(result.diagnostics[0]?.message).toMatch(/maxMessageLength = 20/);
  });
});
