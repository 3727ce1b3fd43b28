import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, USERS, type TestServer } from "./helpers/test-server.js";

const SM = "/SessionManager/SessionManager";

describe("SessionManager", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      supportedLocaleList: ["en", "de", "de_AT", "fr"],
    });
  });
  afterAll(() => server.close());

  it("Login returns a UserSession and session id", async () => {
    const result = await server.call("POST", `${SM}/Login`, {
      body: {
        userName: "admin",
        password: USERS.admin.password,
        locale: "de_AT",
      },
    });
    expect(result.status).toBe(200);
    const id = result.headers.get("vmware-api-session-id");
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(result.body).toMatchObject({
      _typeName: "UserSession",
      userName: "admin",
      fullName: "admin user",
      locale: "de_AT",
      messageLocale: "de",
    });
    expect(result.body.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body.key).not.toBe(id);
    expect(Date.parse(result.body.loginTime)).not.toBeNaN();
    expect(result.body.lastActiveTime).toBe(result.body.loginTime);
  });

  it("Login logs the session key, never the id", async () => {
    const before = server.logsWith("user logged in").length;
    const id = await server.login("viewer");
    const records = server.logsWith("user logged in");
    expect(records.length).toBe(before + 1);
    const record = records.at(-1)!;
    expect(record["userName"]).toBe("viewer");
    expect(JSON.stringify(record)).not.toContain(id);
    expect(String(record["sessionId"])).toBe(`${id.slice(0, 6)}...`);
  });

  it("Login without locale uses the default", async () => {
    const id = await server.login("viewer");
    const current = await server.call("GET", `${SM}/currentSession`, {
      session: id,
    });
    expect(current.body.locale).toBe("en");
    expect(current.body.messageLocale).toBe("en");
  });

  it("wrong password is InvalidLogin", async () => {
    const result = await server.call("POST", `${SM}/Login`, {
      body: { userName: "admin", password: "nope" },
    });
    expect(result.status).toBe(500);
    expect(result.body._typeName).toBe("InvalidLogin");
    expect(result.headers.get("vmware-api-session-id")).toBeNull();
    const failure = server
      .logsWith("login failed: wrong user name or password")
      .at(-1);
    expect(failure?.["userName"]).toBe("admin");
    expect(JSON.stringify(failure)).not.toContain("nope");
  });

  it("unknown user is InvalidLogin", async () => {
    const result = await server.call("POST", `${SM}/Login`, {
      body: { userName: "mallory", password: "x" },
    });
    expect(result.body._typeName).toBe("InvalidLogin");
  });

  it("Login with an invalid locale is InvalidLocale", async () => {
    for (const locale of ["no locale!", "ja"]) {
      const result = await server.call("POST", `${SM}/Login`, {
        body: { userName: "admin", password: USERS.admin.password, locale },
      });
      expect(result.status).toBe(500);
      expect(result.body._typeName).toBe("InvalidLocale");
      // vSphere's wording, without the "error invalid-locale:" prefix of
      // the engine's diagnostic.
      expect(result.body.msg).toMatch(
        new RegExp(`^Invalid or unknown locale provided: '${locale}' `),
      );
      expect(result.body.msg).not.toContain("invalid-locale");
    }
  });

  it("SetLocale changes the message locale", async () => {
    const id = await server.login("viewer", "en");
    const set = await server.call("POST", `${SM}/SetLocale`, {
      session: id,
      body: { locale: "de-DE" },
    });
    expect(set.status).toBe(204);
    const current = await server.call("GET", `${SM}/currentSession`, {
      session: id,
    });
    expect(current.body.locale).toBe("de_DE");
    expect(current.body.messageLocale).toBe("de");
  });

  it("SetLocale keeps the locale on InvalidLocale", async () => {
    const id = await server.login("viewer", "de");
    const set = await server.call("POST", `${SM}/SetLocale`, {
      session: id,
      body: { locale: "xx_INVALID_" },
    });
    expect(set.status).toBe(500);
    expect(set.body._typeName).toBe("InvalidLocale");
    expect(set.body.msg).toMatch(
      /^Invalid or unknown locale provided: 'xx_INVALID_' /,
    );
    const current = await server.call("GET", `${SM}/currentSession`, {
      session: id,
    });
    expect(current.body.locale).toBe("de");
  });

  it("SetLocale with Basic is NotAuthenticated", async () => {
    const result = await server.call("POST", `${SM}/SetLocale`, {
      basic: { user: "admin", password: USERS.admin.password },
      body: { locale: "de" },
    });
    expect(result.body._typeName).toBe("NotAuthenticated");
    expect(result.body.msg).toContain("Basic credentials create none");
  });

  it("Logout ends the session", async () => {
    const id = await server.login("viewer");
    const logout = await server.call("POST", `${SM}/Logout`, { session: id });
    expect(logout.status).toBe(204);
    const after = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        session: id,
      },
    );
    expect(after.status).toBe(500);
    expect(after.body._typeName).toBe("NotAuthenticated");
    expect(after.body.object).toEqual({
      _typeName: "ManagedObjectReference",
      type: "TaskManager",
      value: "TaskManager",
    });
    expect(after.body.privilegeId).toBe("System.View");
    expect(server.logsWith("user logged out").length).toBeGreaterThan(0);
  });

  it("Logout without a session is NotAuthenticated", async () => {
    const result = await server.call("POST", `${SM}/Logout`);
    expect(result.body._typeName).toBe("NotAuthenticated");
  });

  it("currentSession without a session is unset", async () => {
    const result = await server.call("GET", `${SM}/currentSession`);
    expect(result.status).toBe(204);
    expect(result.text).toBe("");
  });

  it("currentSession counts calls", async () => {
    const id = await server.login("viewer");
    await server.call("GET", `${SM}/currentSession`, { session: id });
    const second = await server.call("GET", `${SM}/currentSession`, {
      session: id,
    });
    expect(second.body.callCount).toBe(2);
  });

  it("locale properties need no login", async () => {
    const defaultLocale = await server.call("GET", `${SM}/defaultLocale`);
    expect(defaultLocale.status).toBe(200);
    expect(defaultLocale.headers.get("content-type")).toContain(
      "application/json",
    );
    expect(defaultLocale.body).toBe("en");
    const supported = await server.call("GET", `${SM}/supportedLocaleList`);
    expect(supported.body).toEqual(["en", "de", "de_AT", "fr"]);
    const messages = await server.call("GET", `${SM}/messageLocaleList`);
    expect(messages.body).toEqual(["de", "en"]);
  });

  it("Authorization Session scheme works", async () => {
    const id = await server.login("viewer");
    for (const authorization of [`Session ${id}`, id]) {
      const result = await server.call("GET", `${SM}/currentSession`, {
        headers: { authorization },
      });
      expect(result.status).toBe(200);
      expect(result.body.userName).toBe("viewer");
    }
  });

  it("Basic credentials work per request", async () => {
    const result = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        basic: { user: "viewer", password: USERS.viewer.password },
      },
    );
    expect(result.status).toBe(200);
    expect(Array.isArray(result.body)).toBe(true);
    const current = await server.call("GET", `${SM}/currentSession`, {
      basic: { user: "viewer", password: USERS.viewer.password },
    });
    expect(current.status).toBe(204);
  });

  it("wrong Basic password is InvalidLogin", async () => {
    const result = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        basic: { user: "viewer", password: "wrong" },
      },
    );
    expect(result.body._typeName).toBe("InvalidLogin");
    const malformed = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        headers: { authorization: "Basic bm8tY29sb24=" },
      },
    );
    expect(malformed.body._typeName).toBe("InvalidLogin");
  });

  it("unknown session id is NotAuthenticated", async () => {
    const result = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      {
        session: "0".repeat(64),
      },
    );
    expect(result.body._typeName).toBe("NotAuthenticated");
  });

  it("wrong manager id is ManagedObjectNotFound", async () => {
    const result = await server.call(
      "POST",
      "/SessionManager/SessionMgr/Login",
      {
        body: { userName: "admin", password: USERS.admin.password },
      },
    );
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({
      _typeName: "ManagedObjectNotFound",
      obj: {
        _typeName: "ManagedObjectReference",
        type: "SessionManager",
        value: "SessionMgr",
      },
    });
  });

  it("Login without password is InvalidRequest", async () => {
    const result = await server.call("POST", `${SM}/Login`, {
      body: { userName: "admin" },
    });
    expect(result.body._typeName).toBe("InvalidRequest");
    expect(result.body.msg).toContain("required property 'password'");
  });
});

describe("session timeout", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ sessionTimeoutSeconds: 0.3 });
  });
  afterAll(() => server.close());

  it("idle session expires", async () => {
    const id = await server.login("viewer");
    const early = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      { session: id },
    );
    expect(early.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const late = await server.call(
      "GET",
      "/TaskManager/TaskManager/recentTask",
      { session: id },
    );
    expect(late.status).toBe(500);
    expect(late.body._typeName).toBe("NotAuthenticated");
    const expired = server.logsWith("session expired after the idle timeout");
    expect(expired.at(-1)?.["userName"]).toBe("viewer");
  });

  it("activity keeps a session alive", async () => {
    const id = await server.login("viewer");
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const result = await server.call(
        "GET",
        "/TaskManager/TaskManager/recentTask",
        {
          session: id,
        },
      );
      expect(result.status).toBe(200);
    }
  });
});
