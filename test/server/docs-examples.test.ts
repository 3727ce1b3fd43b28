import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { loadServerConfig } from "../../src/server/config.js";
import { startServer, type TestServer } from "./helpers/test-server.js";

const DOC = path.resolve("docs/server.md");
const DOCUMENTED_ORIGIN = "http://127.0.0.1:8989";

/** Returns the `sh` blocks of docs/server.md that run curl, in document order. */
function curlExamples(): string[] {
  const text = readFileSync(DOC, "utf8");
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map(
    (match) => match[1]!,
  );
  return blocks.filter((block) => block.trimStart().startsWith("curl "));
}

/** Runs a documented command with `sh`, against `origin`; returns status and body. */
function runExample(
  command: string,
  origin: string,
): Promise<{ status: number; body: any }> {
  // Only the origin and curl's output options differ from the document.
  const script = command
    .replaceAll(DOCUMENTED_ORIGIN, origin)
    .replace(/^curl /, "curl -s -w '\\n%{http_code}' ");
  return new Promise((resolve, reject) => {
    execFile("sh", ["-c", script], (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const lines = stdout.split("\n");
      const status = Number(lines.pop());
      const text = lines.join("\n");
      resolve({ status, body: text === "" ? undefined : JSON.parse(text) });
    });
  });
}

// The sample users' hashes have ln=17, so each Basic check takes a while.
describe("docs/server.md curl examples", { timeout: 60_000 }, () => {
  let server: TestServer;

  beforeAll(async () => {
    const config = await loadServerConfig(
      path.resolve("docs/examples/server-config.yaml"),
    );
    server = await startServer(
      config,
      await Locmsg.fromDirectory(path.resolve("catalogs")),
    );
  }, 60_000);
  afterAll(() => server.close());

  it("register, then create a task", async () => {
    const [register, create, ...rest] = curlExamples();
    expect(rest).toEqual([]);
    expect(register).toContain("RegisterExtension");
    expect(create).toContain("CreateTask");

    const registered = await runExample(register!, server.origin);
    expect(registered.body).toBeUndefined();
    expect(registered.status).toBe(204);

    const created = await runExample(create!, server.origin);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      _typeName: "TaskInfo",
      key: "task-1",
      descriptionId: "com.example.backup.run",
      state: "queued",
      entityName: "web01",
      reason: { _typeName: "TaskReasonUser", userName: "backup-service" },
    });

    // As the document states, a second registration is rejected.
    const again = await runExample(register!, server.origin);
    expect(again.status).toBe(500);
    expect(again.body).toMatchObject({
      _typeName: "InvalidArgument",
      invalidProperty: "extension.key",
    });
  });
});
