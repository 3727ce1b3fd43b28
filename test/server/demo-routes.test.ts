import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startServer,
  testCatalogs,
  type TestServer,
} from "./helpers/test-server.js";

const RUNTIME_MISSING =
  "the demo page cannot run: the compiled locmsg/browser files are missing; run 'npm run build' in the locmsg package before starting the server";

/** Fetches `path` and checks that it is a logged NotFound fault with status 404. */
async function expectNotFound(server: TestServer, url: string) {
  const logged = server.logsWith("request rejected with a fault").length;
  const response = await fetch(`${server.origin}${url}`);
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toContain("application/json");
  const fault = await response.json();
  expect(fault).toEqual({
    _typeName: "NotFound",
    msg: `No demo file '${url}'; the demo page is /demo/.`,
  });
  const records = server.logsWith("request rejected with a fault");
  expect(records.length).toBe(logged + 1);
  expect(records.at(-1)!["fault"]).toBe("NotFound");
}

describe("demo routes", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("serves the built runtime", async () => {
    const response = await fetch(
      `${server.origin}/demo/locmsg-browser/index.js`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
  });

  for (const url of [
    "/demo/bundles/__proto__",
    "/demo/bundles/constructor",
    "/demo/bundles/en/nothing.json",
    "/demo/locmsg-browser/nothere.js",
    "/demo/locmsg-browser/INDEX.js",
    "/demo/locmsg-browser/..%2Fpackage.json",
  ]) {
    it(`${url} is NotFound`, async () => {
      await expectNotFound(server, url);
    });
  }

  it("logs no warning for a missing file", () => {
    expect(server.logs.filter((record) => record.level >= 40)).toEqual([]);
  });
});

describe("demo routes without a built runtime", () => {
  let server: TestServer;
  let empty: string;

  beforeAll(async () => {
    empty = mkdtempSync(path.join(tmpdir(), "locmsg-demo-"));
    server = await startServer({}, testCatalogs(), { demoRuntimeDir: empty });
  });
  afterAll(async () => {
    await server.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it("warns once at startup", async () => {
    const before = server.logsWith(RUNTIME_MISSING);
    expect(before).toHaveLength(1);
    expect(before[0]!["missing"]).toEqual(["index.js", "mf2.js"]);
    expect(before[0]!["dir"]).toBe(empty);

    for (let i = 0; i < 3; i++) {
      await expectNotFound(server, "/demo/locmsg-browser/index.js");
    }
    expect(server.logsWith(RUNTIME_MISSING)).toHaveLength(1);
    expect(server.logs.filter((record) => record.level >= 40)).toHaveLength(1);
  });
});
