// The demo page of `locmsg serve` in headless Chromium: it logs in, lists
// the server's tasks rendered by locmsg/browser, follows their progress,
// switches locale and shows markup in values as text.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import {
  createTask,
  registerBackup,
  startServer,
  type TestServer,
} from "../server/helpers/test-server.js";
import { launchChromium, type HeadlessChromium } from "./chromium.js";

const SCREENSHOT = path.resolve("test-output/demo-page.png");

let server: TestServer;
let browser: HeadlessChromium;
let page: Page;
let ext: string;
let taskKey: string;

async function taskText(): Promise<string> {
  const item = page.locator(`li[data-key="${taskKey}"]`);
  await item.waitFor();
  return item.innerText();
}

describe("demo page", () => {
  beforeAll(async () => {
    if (!existsSync("dist/browser/index.js")) {
      throw new Error(
        "dist/browser/index.js is missing; run 'npm run build' first",
      );
    }
    const { catalogs } = await loadCatalogDirectory("catalogs");
    server = await startServer({}, catalogs);
    ext = await server.login("ext", "en");
    await registerBackup(server, ext);
    const created = await createTask(server, ext);
    taskKey = created.key;
    const described = await server.call(
      "POST",
      `/Task/${taskKey}/SetTaskDescription`,
      {
        session: ext,
        body: {
          description: {
            _typeName: "LocalizableMessage",
            key: "com.vmware.locmsg.ipAddress",
            arg: [
              {
                _typeName: "KeyAnyValue",
                key: "address",
                value: { _typeName: "string", _value: "<b>10.0.0.1</b>" },
              },
            ],
          },
        },
      },
    );
    expect(described.status).toBe(204);

    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await page.fill('input[name="userName"]', "viewer");
    await page.fill('input[name="password"]', "viewer-pw");
    await page.click("button");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the task in English", async () => {
    const text = await taskText();
    expect(text).toContain("Run backup");
    expect(text).toContain("Queued");
  });

  it("shows markup as text", async () => {
    expect(await taskText()).toContain("IP address is <b>10.0.0.1</b>");
    expect(await page.locator(`li[data-key="${taskKey}"] b`).count()).toBe(0);
  });

  it("follows progress", async () => {
    const running = await server.call("POST", `/Task/${taskKey}/SetTaskState`, {
      session: ext,
      body: { state: "running" },
    });
    expect(running.status).toBe(204);
    const progress = await server.call(
      "POST",
      `/Task/${taskKey}/UpdateProgress`,
      {
        session: ext,
        body: { percentDone: 40 },
      },
    );
    expect(progress.status).toBe(204);
    // The page polls once a second.
    await expect.poll(taskText, { timeout: 10_000 }).toContain("Running 40%");
  });

  it("switches locale", async () => {
    await page.selectOption("#locale", "de");
    await expect.poll(taskText, { timeout: 10_000 }).toContain("Sicherung");
    const text = await taskText();
    expect(text).toContain("Sicherung ausführen");
    // German puts a no-break space before the percent sign.
    expect(text).toMatch(/Wird ausgeführt 40\s%/);
    expect(text).toContain("Die IP-Adresse lautet <b>10.0.0.1</b>");
    expect(await page.locator("#chain").innerText()).toBe("chain: de > en");
  });

  it("takes a screenshot", async () => {
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
