/**
 * The server configuration file (YAML): users with scrypt password hashes
 * and privileges, locale settings, limits and the names of inventory
 * objects. `docs/server.md` describes every field.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LIMITS, resolveLimits, type Limits } from "../limits.js";
import { normalizeVsphereLocale } from "../locales/locale-tag.js";
import { ConfigError, ConfigNode, ConfigSource } from "./config-yaml.js";
import { parsePasswordHash, type ParsedHash } from "./passwords.js";
import {
  ALL_PRIVILEGES_WILDCARD,
  GRANTABLE_PRIVILEGES,
  IMPLIED_PRIVILEGES,
} from "./privileges.js";

export { ConfigError };

export interface UserConfig {
  userName: string;
  fullName: string;
  password: ParsedHash;
  /** Privileges as granted, `*` for all. */
  privileges: string[];
}

/** An inventory object's display name, for `TaskInfo.entityName`. */
export interface InventoryName {
  type: string;
  value: string;
  name: string;
  /** A `locmsg` catalog key that localizes the name; `name` is its fallback. */
  nameKey?: string;
}

export interface ServerConfig {
  host?: string;
  port?: number;
  /** Catalog folder, resolved against the configuration file's folder. */
  catalogs?: string;
  defaultLocale: string;
  supportedLocaleList?: string[];
  /** Idle time after which a session ends, in seconds. */
  sessionTimeoutSeconds: number;
  /**
   * Input limits of the engine and the server (src/limits.ts), defaults
   * filled in; `maxRequestBodyBytes` is the largest request body.
   */
  limits: Limits;
  /**
   * Tasks kept. At the bound, CreateTask drops the task that finished
   * longest ago, and faults when no stored task has finished.
   */
  maxTasks: number;
  users: UserConfig[];
  inventory: InventoryName[];
}

/** vCenter Server's default idle session timeout: 30 minutes. */
export const DEFAULT_SESSION_TIMEOUT_SECONDS = 1800;
export const DEFAULT_MAX_TASKS = 10_000;
const MIN_SESSION_TIMEOUT_SECONDS = 1;
/** One week. */
const MAX_SESSION_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** Bounds of `limits.maxRequestBodyBytes`: Login needs about 1 KiB. */
const MIN_BODY_LIMIT_BYTES = 1024;
const MAX_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

const TOP_LEVEL_FIELDS = [
  "host",
  "port",
  "catalogs",
  "defaultLocale",
  "supportedLocaleList",
  "sessionTimeoutSeconds",
  "bodyLimitBytes",
  "limits",
  "maxTasks",
  "users",
  "inventory",
];
const USER_FIELDS = ["userName", "fullName", "passwordHash", "privileges"];
const INVENTORY_FIELDS = ["type", "value", "name", "nameKey"];

/** Returns the configuration used when no file is given. */
export function defaultServerConfig(): ServerConfig {
  return {
    defaultLocale: "en",
    sessionTimeoutSeconds: DEFAULT_SESSION_TIMEOUT_SECONDS,
    limits: { ...DEFAULT_LIMITS },
    maxTasks: DEFAULT_MAX_TASKS,
    users: [],
    inventory: [],
  };
}

/** Reads and checks a configuration file; raises ConfigError naming the bad field. */
export async function loadServerConfig(file: string): Promise<ServerConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file; check the path"
        : `cannot be read: ${(error as Error).message}`;
    throw new ConfigError(file, 1, 1, "", reason);
  }
  return parseServerConfig(text, file);
}

/** Parses configuration text; `file` names it in errors and anchors `catalogs`. */
export function parseServerConfig(text: string, file: string): ServerConfig {
  const root = new ConfigSource(file, text).root();
  const config = defaultServerConfig();
  if (root.isMissing) return config;
  const fields = root.fields(TOP_LEVEL_FIELDS);
  const field = (name: string) => ConfigNode.field(fields, root, name);

  if (fields.has("host")) config.host = readHost(field("host"));
  if (fields.has("port")) config.port = readPort(field("port"));
  if (fields.has("catalogs")) {
    config.catalogs = path.resolve(
      path.dirname(file),
      field("catalogs").string(),
    );
  }
  if (fields.has("defaultLocale")) {
    config.defaultLocale = readLocale(field("defaultLocale"));
  }
  if (fields.has("supportedLocaleList")) {
    const node = field("supportedLocaleList");
    const items = node.items();
    if (items.length === 0) {
      node.fail(
        "the list is empty, so no locale would be accepted; list at least one locale, or leave the field out to accept every locale Intl can format",
      );
    }
    config.supportedLocaleList = items.map(readLocale);
  }
  if (fields.has("sessionTimeoutSeconds")) {
    config.sessionTimeoutSeconds = readNumber(
      field("sessionTimeoutSeconds"),
      MIN_SESSION_TIMEOUT_SECONDS,
      MAX_SESSION_TIMEOUT_SECONDS,
      true,
    );
  }
  const limits = fields.has("limits") ? readLimits(field("limits")) : {};
  if (fields.has("bodyLimitBytes")) {
    // The older name of limits.maxRequestBodyBytes.
    const node = field("bodyLimitBytes");
    if (limits.maxRequestBodyBytes !== undefined) {
      node.fail(
        "bodyLimitBytes and limits.maxRequestBodyBytes both set the request body limit; keep only limits.maxRequestBodyBytes",
      );
    }
    limits.maxRequestBodyBytes = readBodyLimit(node);
  }
  config.limits = resolveLimits(limits);
  if (fields.has("maxTasks")) {
    config.maxTasks = readNumber(field("maxTasks"), 1, 10_000_000, true);
  }
  if (fields.has("users")) config.users = readUsers(field("users"));
  if (fields.has("inventory")) {
    config.inventory = readInventory(field("inventory"));
  }
  return config;
}

/** Reads `host`; an empty one would make Node.js listen on every interface. */
function readHost(node: ConfigNode): string {
  const host = node.string();
  if (host.trim() === "") {
    node.fail(
      "the host is empty, which would listen on every network interface; give an address such as 127.0.0.1, or 0.0.0.0 to listen on every interface on purpose",
    );
  }
  if (host !== host.trim()) {
    node.fail(`'${host}' has spaces around it; write the address alone`);
  }
  return host;
}

function readPort(node: ConfigNode): number {
  return readNumber(node, 0, 65535, true);
}

function readNumber(
  node: ConfigNode,
  min: number,
  max: number,
  integer: boolean,
): number {
  const value = node.number();
  if (integer && !Number.isInteger(value)) {
    node.fail(
      `${value} is not a whole number; use a whole number from ${min} to ${max}`,
    );
  }
  if (value < min || value > max) {
    node.fail(`${value} is out of range; use ${min} to ${max}`);
  }
  return value;
}

/** Reads the `limits` mapping: any limit of src/limits.ts, each a whole number. */
function readLimits(node: ConfigNode): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [name, valueNode] of node.fields(Object.keys(DEFAULT_LIMITS))) {
    limits[name as keyof Limits] =
      name === "maxRequestBodyBytes"
        ? readBodyLimit(valueNode)
        : readLimit(valueNode);
  }
  return limits;
}

function readBodyLimit(node: ConfigNode): number {
  return readNumber(node, MIN_BODY_LIMIT_BYTES, MAX_BODY_LIMIT_BYTES, true);
}

function readLimit(node: ConfigNode): number {
  const value = node.number();
  if (!Number.isSafeInteger(value) || value < 1) {
    node.fail(
      `${value} is not a valid limit; use a whole number of at least 1`,
    );
  }
  return value;
}

function readLocale(node: ConfigNode): string {
  const text = node.string();
  const locale = normalizeVsphereLocale(text);
  if (locale === undefined) {
    node.fail(`'${text}' is not a locale; use a form such as en, de or zh_CN`);
  }
  return locale;
}

function readUsers(node: ConfigNode): UserConfig[] {
  const seen = new Set<string>();
  return node.items().map((item) => {
    const fields = item.fields(USER_FIELDS);
    const field = (name: string) => ConfigNode.field(fields, item, name);
    const userNameNode: ConfigNode = field("userName");
    const userName = userNameNode.string();
    if (userName === "" || userName.includes(":")) {
      userNameNode.fail("a user name must be non-empty and contain no ':'");
    }
    if (seen.has(userName))
      userNameNode.fail(`user '${userName}' is listed twice`);
    seen.add(userName);

    const hashNode: ConfigNode = field("passwordHash");
    const password = parsePasswordHash(hashNode.string());
    if (typeof password === "string") hashNode.fail(password);

    return {
      userName,
      fullName: fields.has("fullName") ? field("fullName").string() : userName,
      password,
      privileges: field("privileges").items().map(readPrivilege),
    };
  });
}

function readPrivilege(node: ConfigNode): string {
  const privilege = node.string();
  const known: readonly string[] = [
    ALL_PRIVILEGES_WILDCARD,
    ...GRANTABLE_PRIVILEGES,
    ...IMPLIED_PRIVILEGES,
  ];
  if (!known.includes(privilege)) {
    node.fail(
      `unknown privilege '${privilege}'; use '*' for all, or any of ${GRANTABLE_PRIVILEGES.join(", ")}`,
    );
  }
  return privilege;
}

/** Reads `inventory`, rejecting a second entry for the same managed object. */
function readInventory(node: ConfigNode): InventoryName[] {
  const seen = new Map<string, string>();
  return node.items().map((item) => {
    const entry = readInventoryName(item);
    const id = `${entry.type}:${entry.value}`;
    const first = seen.get(id);
    if (first !== undefined) {
      item.fail(
        `${entry.type} '${entry.value}' is listed twice, first as ${first}; keep one entry per managed object`,
      );
    }
    seen.set(id, item.path);
    return entry;
  });
}

function readInventoryName(node: ConfigNode): InventoryName {
  const fields = node.fields(INVENTORY_FIELDS);
  const field = (name: string) => ConfigNode.field(fields, node, name);
  const entry: InventoryName = {
    type: readNonEmpty(
      field("type"),
      "a managed object type such as VirtualMachine",
    ),
    value: readNonEmpty(field("value"), "a managed object id such as vm-42"),
    name: readNonEmpty(field("name"), "the display name, such as web01"),
  };
  if (fields.has("nameKey")) {
    entry.nameKey = readNonEmpty(
      field("nameKey"),
      "a locmsg catalog key, or leave nameKey out to use name in every locale",
    );
  }
  return entry;
}

/** Reads text that must not be empty; `expected` describes a valid value. */
function readNonEmpty(node: ConfigNode, expected: string): string {
  const text = node.string();
  if (text.trim() === "") node.fail(`the value is empty; give ${expected}`);
  return text;
}

/**
 * Adds an administrator with every privilege from `LOCMSG_ADMIN_USER` and
 * the hash of `LOCMSG_ADMIN_PASSWORD`, when both are set. The entry
 * replaces a configured user of the same name.
 */
export function withEnvironmentAdmin(
  config: ServerConfig,
  admin: { userName: string; password: ParsedHash } | undefined,
): ServerConfig {
  if (!admin) return config;
  const users = config.users.filter((user) => user.userName !== admin.userName);
  users.push({
    userName: admin.userName,
    fullName: admin.userName,
    password: admin.password,
    privileges: [ALL_PRIVILEGES_WILDCARD],
  });
  return { ...config, users };
}
