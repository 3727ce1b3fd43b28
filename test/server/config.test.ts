import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/limits.js";
import {
  ConfigError,
  loadServerConfig,
  parseServerConfig,
  withEnvironmentAdmin,
} from "../../src/server/config.js";
import {
  parsePasswordHash,
  type ParsedHash,
} from "../../src/server/passwords.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import {
  createTask,
  registerBackup,
  startServer,
} from "./helpers/test-server.js";

const HASH =
  "$scrypt$ln=10,r=8,p=1$vd8CAkQ6mXOJN92GNw4rsg$X6lR1aK4zzdWK/6nAmjXIcMB/NPYak2nfnvOO8g17Z0";

function configError(text: string): ConfigError {
  try {
    parseServerConfig(text, "server.yaml");
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("server configuration", () => {
  it("loads the shipped sample", async () => {
    const file = path.resolve("docs/examples/server-config.yaml");
    const config = await loadServerConfig(file);
    expect(config.defaultLocale).toBe("en");
    expect(config.port).toBe(8989);
    expect(config.host).toBe("127.0.0.1");
    expect(config.users.map((user) => user.userName)).toEqual([
      "administrator@vsphere.local",
      "backup-service",
      "alice",
    ]);
    expect(config.users[0]!.privileges).toEqual(["*"]);
    expect(config.limits.maxRequestBodyBytes).toBe(1048576);
    expect(config.users[0]!.password.costLog2).toBe(17);
    expect(config.inventory[0]).toEqual({
      type: "VirtualMachine",
      value: "vm-42",
      name: "web01",
    });
  });

  it("empty file gives defaults", () => {
    const config = parseServerConfig("", "server.yaml");
    expect(config.defaultLocale).toBe("en");
    expect(config.sessionTimeoutSeconds).toBe(1800);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.users).toEqual([]);
  });

  it("reads the limits mapping", () => {
    const config = parseServerConfig(
      "limits:\n  maxArguments: 5\n  maxRequestBodyBytes: 2048\n",
      "server.yaml",
    );
    expect(config.limits).toEqual({
      ...DEFAULT_LIMITS,
      maxArguments: 5,
      maxRequestBodyBytes: 2048,
    });
  });

  it("reads bodyLimitBytes as the body limit", () => {
    const config = parseServerConfig("bodyLimitBytes: 4096\n", "server.yaml");
    expect(config.limits.maxRequestBodyBytes).toBe(4096);
    expect(config.limits.maxArguments).toBe(DEFAULT_LIMITS.maxArguments);
  });

  it("normalizes locales", () => {
    const config = parseServerConfig(
      "defaultLocale: de-DE\nsupportedLocaleList: [zh-Hant-TW, EN]\n",
      "server.yaml",
    );
    expect(config.defaultLocale).toBe("de_DE");
    expect(config.supportedLocaleList).toEqual(["zh_TW", "en"]);
  });

  it("resolves catalogs against the file", () => {
    const config = parseServerConfig(
      "catalogs: ../catalogs\n",
      "/etc/locmsg/server.yaml",
    );
    expect(config.catalogs).toBe(path.resolve("/etc/catalogs"));
  });

  const cases: [string, string, string, number, number, string][] = [
    [
      "unknown field",
      "defaultLocale: en\nport: 80\nprot: 81\n",
      "prot",
      3,
      1,
      "unknown field",
    ],
    [
      "bad locale",
      "defaultLocale: not a locale\n",
      "defaultLocale",
      1,
      16,
      "is not a locale",
    ],
    [
      "wrong type",
      "sessionTimeoutSeconds: soon\n",
      "sessionTimeoutSeconds",
      1,
      24,
      "expected a number",
    ],
    ["out of range", "port: 70000\n", "port", 1, 7, "out of range"],
    [
      "bad privilege",
      `users:\n  - userName: a\n    passwordHash: "${HASH}"\n    privileges: [Task.Craete]\n`,
      "users[0].privileges[0]",
      4,
      18,
      "unknown privilege 'Task.Craete'",
    ],
    [
      "bad hash",
      "users:\n  - userName: a\n    passwordHash: secret\n    privileges: []\n",
      "users[0].passwordHash",
      3,
      19,
      "not a scrypt hash",
    ],
    [
      "missing hash",
      "users:\n  - userName: a\n    privileges: []\n",
      "users[0].passwordHash",
      2,
      5,
      "missing",
    ],
    [
      "duplicate user",
      `users:\n  - {userName: a, passwordHash: "${HASH}", privileges: []}\n  - {userName: a, passwordHash: "${HASH}", privileges: []}\n`,
      "users[1].userName",
      3,
      16,
      "listed twice",
    ],
    ["YAML syntax", "users: [\n", "", 2, 1, "invalid YAML"],
    ["duplicate key", "port: 1\nport: 2\n", "", 2, 1, "invalid YAML"],
    ["not a mapping", "- a\n- b\n", "", 1, 1, "expected a mapping"],
    [
      "unknown limit",
      "limits:\n  maxArgs: 5\n",
      "limits.maxArgs",
      2,
      3,
      "unknown field; known fields are maxMessageLength, maxPlaceholders",
    ],
    [
      "zero limit",
      "limits:\n  maxArguments: 0\n",
      "limits.maxArguments",
      2,
      17,
      "0 is not a valid limit; use a whole number of at least 1",
    ],
    [
      "fractional limit",
      "limits:\n  maxArguments: 2.5\n",
      "limits.maxArguments",
      2,
      17,
      "2.5 is not a valid limit",
    ],
    [
      "limit of wrong type",
      "limits:\n  maxArguments: many\n",
      "limits.maxArguments",
      2,
      17,
      "expected a number",
    ],
    [
      "tiny body limit",
      "limits:\n  maxRequestBodyBytes: 10\n",
      "limits.maxRequestBodyBytes",
      2,
      24,
      "10 is out of range; use 1024 to 104857600",
    ],
    [
      "two body limits",
      "limits:\n  maxRequestBodyBytes: 4096\nbodyLimitBytes: 4096\n",
      "bodyLimitBytes",
      3,
      17,
      "keep only limits.maxRequestBodyBytes",
    ],
    [
      "limits not a mapping",
      "limits: 5\n",
      "limits",
      1,
      9,
      "expected a mapping",
    ],
    [
      "inventory field",
      "inventory:\n  - {type: VirtualMachine, value: vm-1, nme: web}\n",
      "inventory[0].nme",
      2,
      41,
      "unknown field",
    ],
    [
      "empty host",
      'host: ""\n',
      "host",
      1,
      7,
      "the host is empty, which would listen on every network interface; give an address such as 127.0.0.1, or 0.0.0.0 to listen on every interface on purpose",
    ],
    ["blank host", 'host: "  "\n', "host", 1, 7, "the host is empty"],
    [
      "empty locale list",
      "supportedLocaleList: []\n",
      "supportedLocaleList",
      1,
      22,
      "the list is empty, so no locale would be accepted; list at least one locale, or leave the field out to accept every locale Intl can format",
    ],
    [
      "fractional session timeout",
      "sessionTimeoutSeconds: 0.01\n",
      "sessionTimeoutSeconds",
      1,
      24,
      "0.01 is not a whole number; use a whole number from 1 to 604800",
    ],
    [
      "zero session timeout",
      "sessionTimeoutSeconds: 0\n",
      "sessionTimeoutSeconds",
      1,
      24,
      "0 is out of range; use 1 to 604800",
    ],
    [
      "duplicate inventory entry",
      "inventory:\n  - {type: VirtualMachine, value: vm-1, name: a}\n  - {type: VirtualMachine, value: vm-1, name: b}\n",
      "inventory[1]",
      3,
      5,
      "VirtualMachine 'vm-1' is listed twice, first as inventory[0]; keep one entry per managed object",
    ],
    [
      "empty nameKey",
      'inventory:\n  - {type: VirtualMachine, value: vm-1, name: a, nameKey: ""}\n',
      "inventory[0].nameKey",
      2,
      59,
      "the value is empty; give a locmsg catalog key, or leave nameKey out to use name in every locale",
    ],
    [
      "empty inventory value",
      'inventory:\n  - {type: VirtualMachine, value: "", name: a}\n',
      "inventory[0].value",
      2,
      35,
      "the value is empty; give a managed object id such as vm-42",
    ],
  ];

  for (const [name, text, field, line, column, reason] of cases) {
    it(`reports ${name} with its position`, () => {
      const error = configError(text);
      expect(error.field).toBe(field);
      expect(error.line).toBe(line);
      expect(error.column).toBe(column);
      expect(error.reason).toContain(reason);
      expect(error.message.startsWith(`server.yaml:${line}:${column}: `)).toBe(
        true,
      );
    });
  }

  it("same value under two types is no duplicate", () => {
    const config = parseServerConfig(
      "inventory:\n  - {type: VirtualMachine, value: x-1, name: a}\n  - {type: HostSystem, value: x-1, name: b}\n",
      "server.yaml",
    );
    expect(config.inventory.map((entry) => entry.name)).toEqual(["a", "b"]);
  });

  it("missing file is a ConfigError", async () => {
    await expect(loadServerConfig("/nonexistent/server.yaml")).rejects.toThrow(
      "/nonexistent/server.yaml:1:1: no such file; check the path",
    );
  });

  it("environment admin replaces a namesake", () => {
    const config = parseServerConfig(
      `users:\n  - {userName: root, passwordHash: "${HASH}", privileges: []}\n`,
      "server.yaml",
    );
    const password = parsePasswordHash(HASH) as ParsedHash;
    const merged = withEnvironmentAdmin(config, { userName: "root", password });
    expect(merged.users).toHaveLength(1);
    expect(merged.users[0]!.privileges).toEqual(["*"]);
  });
});

describe("configured limits", () => {
  it("reach rendering and the body limit", async () => {
    const server = await startServer(
      {
        limits: resolveLimits({
          maxArguments: 1,
          maxArgumentLength: 3,
          maxRequestBodyBytes: 2048,
        }),
      },
      buildCatalogs({ en: { locmsg: { "com.example.pair": "{a}|{b}" } } }),
    );
    try {
      const ext = await server.login("ext");
      await registerBackup(server, ext);
      const task = await createTask(server, ext);
      const described = await server.call(
        "POST",
        `/Task/${task.key}/SetTaskDescription`,
        {
          session: ext,
          body: {
            description: {
              key: "com.example.pair",
              arg: [
                { key: "a", value: "abcdef" },
                { key: "b", value: "second" },
              ],
            },
          },
        },
      );
      expect(described.status).toBe(204);
      const info = await server.call("GET", `/Task/${task.key}/info`, {
        session: ext,
      });
      // The second argument is over maxArguments, the first is cut to 3 characters.
      expect(info.body.description.message).toBe("abc|{b}");

      const oversized = await server.call(
        "POST",
        `/Task/${task.key}/SetTaskDescription`,
        {
          session: ext,
          body: { description: { key: "k", message: "x".repeat(2100) } },
        },
      );
      expect(oversized.status).toBe(413);
      expect(oversized.body.msg).toContain("2048 bytes");
    } finally {
      await server.close();
    }
  });
});
