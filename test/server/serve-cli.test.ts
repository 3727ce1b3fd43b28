import { execFile, execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hashPassword,
  parsePasswordHash,
  verifyPassword,
  type ParsedHash,
} from "../../src/server/passwords.js";
import { runCli } from "../helpers/run-cli.js";
import { backupExtension } from "./helpers/test-server.js";
import {
  spawnServe,
  waitForLog,
  waitForLogCount,
  type ServeProcess,
} from "./helpers/serve-process.js";

const FAST = { costLog2: 10, blockSize: 8, parallelization: 1 };

function hasCurl(): boolean {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs curl and returns its output with the status code on the last line. */
function curl(args: string[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    execFile(
      "curl",
      ["-s", "-w", "\n%{http_code}", ...args],
      (error, stdout) => {
        if (error) return reject(error);
        const lines = stdout.split("\n");
        const status = Number(lines.pop());
        const text = lines.join("\n");
        resolve({ status, body: text === "" ? undefined : JSON.parse(text) });
      },
    );
  });
}

// Each case starts the built CLI, which loads the catalogs; a busy machine needs time.
describe("locmsg serve", { timeout: 30_000 }, () => {
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "locmsg-serve-"));
    configFile = path.join(dir, "server.yaml");
    const admin = await hashPassword("admin-pw", FAST);
    const ext = await hashPassword("ext-pw", FAST);
    writeFileSync(
      configFile,
      [
        "defaultLocale: en",
        "users:",
        `  - {userName: admin, passwordHash: "${admin}", privileges: ["*"]}`,
        `  - {userName: ext, passwordHash: "${ext}", privileges: [Extension.Register, Task.Create, Task.Update]}`,
        "inventory:",
        "  - {type: VirtualMachine, value: vm-42, name: web01}",
        "",
      ].join("\n"),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("running", () => {
    let serve: ServeProcess;
    let base: string;
    let session: string;

    beforeAll(async () => {
      serve = spawnServe(["--port", "0", "--config", configFile]);
      const started = await waitForLog(serve, "locmsg server started");
      expect(started["host"]).toBe("127.0.0.1");
      base = `http://127.0.0.1:${started["port"]}/sdk/vim25/8.0.3.0`;
      const login = await fetch(`${base}/SessionManager/SessionManager/Login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          userName: "ext",
          password: "ext-pw",
          locale: "de",
        }),
      });
      session = login.headers.get("vmware-api-session-id")!;
      const register = await fetch(
        `${base}/ExtensionManager/ExtensionManager/RegisterExtension`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "vmware-api-session-id": session,
          },
          body: JSON.stringify({ extension: backupExtension() }),
        },
      );
      expect(register.status).toBe(204);
    }, 30_000);

    afterAll(async () => {
      if (serve.child.exitCode === null) serve.child.kill("SIGKILL");
      await serve.exited;
    });

    it("answers on 127.0.0.1", async () => {
      const response = await fetch(
        `${base}/SessionManager/SessionManager/messageLocaleList`,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(
        expect.arrayContaining(["de", "en"]),
      );
    });

    const body = JSON.stringify({
      obj: {
        _typeName: "ManagedObjectReference",
        type: "VirtualMachine",
        value: "vm-42",
      },
      taskTypeId: "com.example.backup.run",
      initiatedBy: "VSPHERE.LOCAL\\alice",
      cancelable: true,
    });
    const credentials = [
      [
        "Basic",
        () =>
          `Authorization: Basic ${Buffer.from("ext:ext-pw").toString("base64")}`,
      ],
      ["Authorization session", () => `Authorization: Session ${session}`],
      ["session header", () => `vmware-api-session-id: ${session}`],
    ] as const;

    for (const [name, header] of credentials) {
      it(`curl CreateTask with ${name}`, async () => {
        const url = `${base}/TaskManager/TaskManager/CreateTask`;
        // NOTE: without curl on the machine the same request goes through fetch.
        const result = hasCurl()
          ? await curl([
              "-X",
              "POST",
              "-H",
              header(),
              "-H",
              "Content-Type: application/json",
              "-d",
              body,
              url,
            ])
          : await fetch(url, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                [header().split(": ")[0]!]: header()
                  .split(": ")
                  .slice(1)
                  .join(": "),
              },
              body,
            }).then(async (response) => ({
              status: response.status,
              body: await response.json(),
            }));
        expect(result.status).toBe(200);
        expect(result.body).toMatchObject({
          _typeName: "TaskInfo",
          descriptionId: "com.example.backup.run",
          state: "queued",
          entityName: "web01",
          reason: {
            _typeName: "TaskReasonUser",
            userName: "VSPHERE.LOCAL\\alice",
          },
        });
      });
    }

    it("logs faults it returns", async () => {
      await fetch(`${base}/Task/task-999/info`, {
        headers: { "vmware-api-session-id": session },
      });
      const record = await waitForLog(serve, "request rejected with a fault");
      expect(record["fault"]).toBe("ManagedObjectNotFound");
    });

    it("stops on SIGTERM with a log line", async () => {
      serve.child.kill("SIGTERM");
      const { code } = await serve.exited;
      expect(code).toBe(0);
      const stopped = serve.logs.find(
        (record) => record["msg"] === "locmsg server stopped",
      );
      expect(stopped?.["signal"]).toBe("SIGTERM");
      expect(
        serve.logs.some((record) => record["msg"] === "stopping the server"),
      ).toBe(true);
    });
  });

  it("refuses an invalid configuration", async () => {
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "defaultLocale: en\nusers:\n  - userName: a\n    passwordHash: plain\n    privileges: []\n",
    );
    const serve = spawnServe(["--port", "0", "--config", bad]);
    const { code } = await serve.exited;
    expect(code).toBe(2);
    expect(serve.stderr()).toBe(
      `locmsg serve: invalid configuration: ${bad}:4:19: 'users[0].passwordHash': not a scrypt hash of the form $scrypt$ln=17,r=8,p=1$<salt>$<hash>; create one with 'locmsg hash-password'\n`,
    );
    expect(serve.logs).toEqual([]);
  });

  it("refuses YAML syntax errors", async () => {
    const bad = path.join(dir, "syntax.yaml");
    writeFileSync(bad, "defaultLocale: en\nusers: [\n");
    const serve = spawnServe(["--port", "0", "--config", bad]);
    expect((await serve.exited).code).toBe(2);
    expect(serve.stderr()).toMatch(
      new RegExp(`invalid configuration: ${bad}:3:1: invalid YAML`),
    );
  });

  it("refuses to start without users", async () => {
    const serve = spawnServe(["--port", "0"]);
    expect((await serve.exited).code).toBe(2);
    expect(serve.stderr()).toContain("no users are configured");
  });

  it("refuses half the admin variables", async () => {
    const serve = spawnServe(["--port", "0"], { LOCMSG_ADMIN_USER: "root" });
    expect((await serve.exited).code).toBe(2);
    expect(serve.stderr()).toContain(
      "LOCMSG_ADMIN_PASSWORD is empty or not set",
    );
  });

  it("refuses an invalid port", async () => {
    const serve = spawnServe(["--port", "http", "--config", configFile]);
    expect((await serve.exited).code).toBe(2);
    expect(serve.stderr()).toContain("invalid --port 'http'");
  });

  it("refuses an empty --host", async () => {
    // As `--host "$HOST"` passes it when HOST is unset.
    for (const host of ["", " "]) {
      const serve = spawnServe([
        "--port",
        "0",
        "--config",
        configFile,
        "--host",
        host,
      ]);
      expect((await serve.exited).code, `'${host}'`).toBe(2);
      expect(serve.stderr()).toBe(
        `locmsg serve: invalid --host '${host}': the address is empty, which would listen on every network interface; give an address such as 127.0.0.1, or 0.0.0.0 to listen on every interface on purpose\n`,
      );
      expect(serve.logs).toEqual([]);
    }
  });

  it("refuses an empty configured host", async () => {
    const bad = path.join(dir, "empty-host.yaml");
    writeFileSync(bad, `host: ""\n${readFileSync(configFile, "utf8")}`);
    const serve = spawnServe(["--port", "0", "--config", bad]);
    expect((await serve.exited).code).toBe(2);
    expect(serve.stderr()).toContain(
      `invalid configuration: ${bad}:1:7: 'host': the host is empty`,
    );
    expect(serve.logs).toEqual([]);
  });

  it("refuses a port in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(0, "127.0.0.1", resolve),
    );
    const { port } = blocker.address() as { port: number };
    try {
      const serve = spawnServe([
        "--port",
        String(port),
        "--config",
        configFile,
      ]);
      expect((await serve.exited).code).toBe(2);
      expect(serve.stderr()).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("adds the environment administrator", async () => {
    const serve = spawnServe(["--port", "0"], {
      LOCMSG_ADMIN_USER: "root",
      LOCMSG_ADMIN_PASSWORD: "s3cret",
    });
    try {
      const started = await waitForLog(serve, "locmsg server started");
      const base = `http://127.0.0.1:${started["port"]}/sdk/vim25/8.0.3.0`;
      const login = await fetch(`${base}/SessionManager/SessionManager/Login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userName: "root", password: "s3cret" }),
      });
      expect(login.status).toBe(200);
      const register = await fetch(
        `${base}/ExtensionManager/ExtensionManager/RegisterExtension`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "vmware-api-session-id": login.headers.get(
              "vmware-api-session-id",
            )!,
          },
          body: JSON.stringify({ extension: backupExtension() }),
        },
      );
      expect(register.status).toBe(204);
      expect(
        serve.logs.map((record) => JSON.stringify(record)).join("\n"),
      ).not.toContain("s3cret");
    } finally {
      serve.child.kill("SIGTERM");
      expect((await serve.exited).code).toBe(0);
    }
  }, 30_000);
});

describe("locmsg serve catalog reload", { timeout: 60_000 }, () => {
  const STATUS_KEY = "com.example.backup.status";
  let dir: string;
  let statusFile: string;
  let serve: ServeProcess;
  let base: string;
  let session: string;
  let taskKey: string;

  const call = async (method: string, url: string, body?: string) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        "content-type": "application/json",
        "vmware-api-session-id": session,
      },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const description = async () =>
    (await call("GET", `/Task/${taskKey}/info`)).body.description.message;
  const writeStatus = (text: string) =>
    writeFileSync(statusFile, `${STATUS_KEY}: ${JSON.stringify(text)}\n`);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "locmsg-serve-reload-"));
    for (const locale of ["en", "de"]) {
      mkdirSync(path.join(dir, "catalogs", locale), { recursive: true });
    }
    writeFileSync(
      path.join(dir, "catalogs", "en", "locmsg.yaml"),
      `${STATUS_KEY}: "Backing up {vm}"\n`,
    );
    statusFile = path.join(dir, "catalogs", "de", "locmsg.yaml");
    writeStatus("Sichere {vm}");
    const ext = await hashPassword("ext-pw", FAST);
    const configFile = path.join(dir, "server.yaml");
    writeFileSync(
      configFile,
      [
        "catalogs: catalogs",
        "limits:",
        "  maxRequestBodyBytes: 2048",
        "users:",
        `  - {userName: ext, passwordHash: "${ext}", privileges: ["*"]}`,
        "",
      ].join("\n"),
    );
    serve = spawnServe(["--port", "0", "--config", configFile]);
    const started = await waitForLog(serve, "locmsg server started");
    base = `http://127.0.0.1:${started["port"]}/sdk/vim25/8.0.3.0`;
    const login = await fetch(`${base}/SessionManager/SessionManager/Login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        userName: "ext",
        password: "ext-pw",
        locale: "de",
      }),
    });
    session = login.headers.get("vmware-api-session-id")!;
    const register = await call(
      "POST",
      "/ExtensionManager/ExtensionManager/RegisterExtension",
      JSON.stringify({ extension: backupExtension() }),
    );
    expect(register.status).toBe(204);
    const created = await call(
      "POST",
      "/TaskManager/TaskManager/CreateTask",
      JSON.stringify({
        obj: { type: "VirtualMachine", value: "vm-42" },
        taskTypeId: "com.example.backup.run",
        cancelable: false,
      }),
    );
    taskKey = created.body.key;
    const described = await call(
      "POST",
      `/Task/${taskKey}/SetTaskDescription`,
      JSON.stringify({
        description: { key: STATUS_KEY, arg: [{ key: "vm", value: "web01" }] },
      }),
    );
    expect(described.status).toBe(204);
  }, 60_000);

  afterAll(async () => {
    if (serve.child.exitCode === null) serve.child.kill("SIGKILL");
    await serve.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it("compiles bundles before listening", () => {
    const messages = serve.logs.map((record) => record["msg"]);
    const built = messages.indexOf("catalog bundles built");
    expect(built).toBeGreaterThanOrEqual(0);
    expect(built).toBeLessThan(messages.indexOf("locmsg server started"));
  });

  it("takes the body limit from the configuration", async () => {
    const result = await call(
      "POST",
      "/TaskManager/TaskManager/CreateTask",
      " ".repeat(3000),
    );
    expect(result.status).toBe(413);
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain("2048 bytes");
  });

  it("SIGHUP reloads changed files", async () => {
    expect(await description()).toBe("Sichere web01");
    writeStatus("Sicherung von {vm} läuft");
    serve.child.kill("SIGHUP");
    const reloaded = await waitForLogCount(serve, "catalogs reloaded", 1);
    expect(reloaded["trigger"]).toBe("SIGHUP");
    expect(await description()).toBe("Sicherung von web01 läuft");
  });

  it("SIGHUP keeps catalogs on a cut file", async () => {
    const text = `${STATUS_KEY}: "Sicherung von {vm} ist fertig"\n`;
    writeFileSync(statusFile, text.slice(0, text.indexOf("ist") + 2));
    serve.child.kill("SIGHUP");
    const failed = await waitForLogCount(
      serve,
      "catalog reload failed; keeping the previous catalogs",
      1,
    );
    expect(failed["trigger"]).toBe("SIGHUP");
    expect(failed["reason"]).toBe("the catalog folder has errors");
    expect(String((failed["diagnostics"] as string[])[0])).toContain(
      statusFile,
    );
    expect(serve.child.exitCode).toBeNull();
    expect(await description()).toBe("Sicherung von web01 läuft");
  });

  it("stops on SIGTERM after reloads", async () => {
    serve.child.kill("SIGTERM");
    expect((await serve.exited).code).toBe(0);
    expect(
      serve.logs.filter((record) => Number(record["level"]) >= 50),
    ).toHaveLength(1);
  });
});

// Each case starts the built CLI, which loads the catalogs; a busy machine needs time.
describe("locmsg hash-password", { timeout: 30_000 }, () => {
  it("hashes a piped password", async () => {
    const result = await runCli(
      ["hash-password", "--cost-log2", "10"],
      "pass word\n",
    );
    expect(result.code).toBe(0);
    const parsed = parsePasswordHash(result.stdout.trim()) as ParsedHash;
    expect(typeof parsed).toBe("object");
    expect(await verifyPassword("pass word", parsed)).toBe(true);
  });

  it("rejects an empty password", async () => {
    const result = await runCli(["hash-password"], "\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the password is empty");
  });

  for (const value of [
    "abc",
    "0x10",
    "1e1",
    " 12",
    "12 ",
    "+12",
    "012",
    "9",
    "-1",
  ]) {
    it(`rejects --cost-log2 '${value}'`, async () => {
      // The = form, because parseArgs reads "-1" after a space as an option.
      const result = await runCli(
        ["hash-password", `--cost-log2=${value}`],
        "pw\n",
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `locmsg hash-password: invalid --cost-log2 '${value}': give a whole number from 10 to 18\n`,
      );
    });
  }

  it("rejects a cost over the memory limit", async () => {
    const result = await runCli(["hash-password", "--cost-log2", "20"], "pw\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "locmsg hash-password: invalid --cost-log2 '20': give a whole number from 10 to 18; 20 needs 1024 MiB per password check, over the server's limit of 256 MiB\n",
    );
  });

  it("help gives the range it accepts", async () => {
    const result = await runCli(["hash-password", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("10 to 18 (default 17");
  });

  it("rejects a password argument", async () => {
    const result = await runCli(["hash-password", "secret"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("never from the command line");
  });
});
