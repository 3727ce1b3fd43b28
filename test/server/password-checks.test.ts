import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKOFF_THRESHOLD } from "../../src/server/login-backoff.js";
import {
  hashPassword,
  parsePasswordHash,
  type ParsedHash,
} from "../../src/server/passwords.js";
import {
  startServer,
  userConfigs,
  USERS,
  type TestServer,
} from "./helpers/test-server.js";

const LOGIN = "/SessionManager/SessionManager/Login";
const BUSY_LOG =
  "password check rejected: too many password checks are waiting";
const PAUSED_LOG =
  "logins for this user name are paused after repeated failures";

function login(server: TestServer, userName: string, password: string) {
  return server.call("POST", LOGIN, { body: { userName, password } });
}

/** Waits until `condition` holds; fails after `timeoutMs`. */
async function until(
  condition: () => boolean,
  description: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("password check semaphore", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("rejects logins beyond the queue", async () => {
    const checks = server.context.auth.passwordChecks;
    const { maxConcurrent, maxQueued } = checks.limits;
    expect(maxConcurrent).toBeGreaterThanOrEqual(1);
    expect(maxQueued).toBe(maxConcurrent * 8);
    const completed = checks.completed;

    // Hold every slot, so logins that arrive now have to wait.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const heldSlots = Array.from({ length: maxConcurrent }, () =>
      checks.run(() => gate),
    );
    expect(checks.active).toBe(maxConcurrent);

    // Distinct names, so the failure back-off does not reject any of them.
    const queued = Array.from({ length: maxQueued }, (_, i) =>
      login(server, `queued-${i}`, "wrong"),
    );
    await until(() => checks.waiting === maxQueued, "the queue to fill");

    // The queue is full, so these get a response while the slots are held.
    const busy = await Promise.all(
      [1, 2, 3].map((i) => login(server, `busy-${i}`, "wrong")),
    );
    for (const result of busy) {
      expect(result.status).toBe(503);
      expect(result.headers.get("retry-after")).toBe("1");
      expect(result.body._typeName).toBe("SystemError");
      expect(result.body.reason).toBe("too many password checks waiting");
    }
    expect(checks.rejected).toBe(3);
    expect(server.logsWith(BUSY_LOG).length).toBe(3);
    expect(server.logsWith("request failed with an unexpected error")).toEqual(
      [],
    );

    open();
    await Promise.all(heldSlots);
    for (const result of await Promise.all(queued)) {
      expect(result.body._typeName).toBe("InvalidLogin");
    }
    expect(checks.peakActive).toBe(maxConcurrent);
    expect(checks.completed).toBe(completed + maxConcurrent + maxQueued);
    expect(checks.active).toBe(0);
    expect(checks.waiting).toBe(0);

    // The semaphore is free again.
    await server.login("admin");
  });

  it("caps concurrency under a flood", async () => {
    const checks = server.context.auth.passwordChecks;
    const completed = checks.completed;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(server, `flood-${i}`, "x")),
    );
    for (const result of results) {
      expect(["InvalidLogin", "SystemError"]).toContain(result.body._typeName);
    }
    const answered = results.filter(
      (result) => result.body._typeName === "InvalidLogin",
    ).length;
    expect(checks.completed).toBe(completed + answered);
    expect(checks.peakActive).toBeLessThanOrEqual(checks.limits.maxConcurrent);
  });
});

describe("unknown user names", () => {
  let server: TestServer;
  let costly: ParsedHash;

  beforeAll(async () => {
    // One user hashed at a higher cost than the ln=10 test users.
    costly = parsePasswordHash(
      await hashPassword("costly-pw", {
        costLog2: 12,
        blockSize: 8,
        parallelization: 1,
      }),
    ) as ParsedHash;
    server = await startServer({
      users: [
        ...(await userConfigs()),
        {
          userName: "costly",
          fullName: "costly",
          password: costly,
          privileges: [],
        },
      ],
    });
  });
  afterAll(() => server.close());

  it("check against the costliest hash", async () => {
    const dummy = server.context.auth.unknownUserHash;
    expect(dummy.costLog2).toBe(12);
    expect(dummy.blockSize).toBe(8);
    expect(dummy.parallelization).toBe(1);
    expect(dummy.hash.length).toBe(costly.hash.length);

    const checks = server.context.auth.passwordChecks;
    const completed = checks.completed;
    const result = await login(server, "nobody", "x");
    expect(result.body._typeName).toBe("InvalidLogin");
    expect(checks.completed).toBe(completed + 1);
  });

  it("mixed costs are warned about", () => {
    const warnings = server.logsWith(
      "users have password hashes of different scrypt costs, so the time a failed login takes can tell a known user name from an unknown one; hash every password with the same parameters",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!["dummyCostLog2"]).toBe(12);
  });
});

describe("failure back-off", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  /** Sends BACKOFF_THRESHOLD wrong passwords for `userName`. */
  async function failRepeatedly(userName: string) {
    for (let i = 0; i < BACKOFF_THRESHOLD; i++) {
      const result = await login(server, userName, `wrong-${i}`);
      expect(result.body.msg).toBe(
        "Cannot complete login due to an incorrect user name or password.",
      );
    }
  }

  it("pauses a name without a password check", async () => {
    const checks = server.context.auth.passwordChecks;
    await failRepeatedly("viewer");
    const paused = server.logsWith(PAUSED_LOG).at(-1);
    expect(paused?.["userName"]).toBe("viewer");
    expect(paused?.["failures"]).toBe(BACKOFF_THRESHOLD);

    const completed = checks.completed;
    const result = await login(server, "viewer", USERS.viewer.password);
    expect(result.body._typeName).toBe("InvalidLogin");
    expect(result.body.msg).toMatch(
      /^Cannot complete login: too many failed logins for user name 'viewer' in a row; try again in \d+ s\.$/,
    );
    expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    const basic = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        basic: { user: "viewer", password: USERS.viewer.password },
      },
    );
    expect(basic.body._typeName).toBe("InvalidLogin");
    expect(checks.completed).toBe(completed);
  });

  it("pauses an unknown name the same way", async () => {
    await failRepeatedly("mallory");
    const result = await login(server, "mallory", "x");
    expect(result.body.msg).toMatch(
      /^Cannot complete login: too many failed logins for user name 'mallory' in a row/,
    );
  });

  it("leaves other names alone", async () => {
    await server.login("admin");
  });

  it("lets the name in after the pause", async () => {
    // The first pause is one second; poll until it is over.
    let result = await login(server, "viewer", USERS.viewer.password);
    const deadline = Date.now() + 15_000;
    while (result.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await login(server, "viewer", USERS.viewer.password);
    }
    expect(result.status).toBe(200);
    // Success clears the count, so one more failure does not pause.
    await login(server, "viewer", "wrong");
    await server.login("viewer");
  });
});
