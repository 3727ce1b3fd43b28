import type { AddressInfo } from "node:net";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { Locmsg } from "../engine/locmsg.js";
import {
  ConfigError,
  defaultServerConfig,
  loadServerConfig,
  withEnvironmentAdmin,
  type ServerConfig,
} from "../server/config.js";
import {
  hashPassword,
  parsePasswordHash,
  type ParsedHash,
} from "../server/passwords.js";
import { CliError, EXIT_OK } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import { parseCommandArgs } from "./parse-options.js";
import { SHIPPED_CATALOGS } from "./session-options.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8989;

export const SERVE_HELP = `Usage: locmsg serve [options]

Runs an HTTP server that speaks a subset of the vSphere VI/JSON API under
/sdk/vim25/{release}: SessionManager (Login, SetLocale), TaskManager
(CreateTask), Task, ExtensionManager and LocalizationManager, with every
TaskInfo rendered in the caller's session locale. docs/server.md describes
the endpoints and the configuration file.

Options:
  --config FILE     server configuration (YAML): users, locales, limits;
                    see docs/examples/server-config.yaml
  --host H          address to listen on (default ${DEFAULT_HOST}, or the
                    configuration's host); must not be empty, 0.0.0.0
                    listens on every interface
  --port P          TCP port, 0 for any free port (default ${DEFAULT_PORT}, or the
                    configuration's port)
  --catalogs DIR    catalog folder laid out as DIR/<locale>/<catalog>.yaml
                    (default: the configuration's catalogs, else the
                    catalogs shipped with locmsg)
  -h, --help        show this help

Environment:
  LOCMSG_ADMIN_USER, LOCMSG_ADMIN_PASSWORD
                    when both are set, add this user with every privilege

Logs go to standard output as JSON lines. SIGHUP reads the catalog folder
again; when the new read has an error, the server logs it and keeps the
catalogs it has. SIGTERM or SIGINT stops the server. Exit status: 0
stopped by a signal, 2 invalid configuration or options, or the server
could not start.`;

const OPTIONS = {
  config: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  catalogs: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export async function serveCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("serve", {
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new CliError(`serve takes no arguments, got '${positionals[0]}'`);
  }
  if (values.config === "") {
    throw new CliError(
      "invalid --config '': the value is empty; name a configuration file, or leave out --config",
    );
  }

  const config = withEnvironmentAdmin(
    await readConfig(values.config),
    await environmentAdmin(),
  );
  if (config.users.length === 0) {
    throw new CliError(
      "no users are configured, so nobody can log in; pass --config FILE with users (see docs/examples/server-config.yaml) or set LOCMSG_ADMIN_USER and LOCMSG_ADMIN_PASSWORD",
    );
  }
  const host =
    values.host !== undefined
      ? readHost(values.host)
      : (config.host ?? DEFAULT_HOST);
  const port =
    values.port !== undefined
      ? readPort(values.port)
      : (config.port ?? DEFAULT_PORT);
  const catalogDir = values.catalogs ?? config.catalogs ?? SHIPPED_CATALOGS;
  // The base catalogs, read again on SIGHUP with Locmsg.reload.
  const base = await Locmsg.fromDirectory(catalogDir, {
    limits: config.limits,
  });
  if (base.catalogs.locales().length === 0) {
    throw new CliError(
      `no catalogs found in ${catalogDir}; pass --catalogs DIR with DIR/<locale>/<catalog>.yaml files`,
    );
  }

  // Loaded here so the other commands do not pay for loading fastify.
  const { buildServer } = await import("../server/app.js");
  const { app, context } = await buildServer({
    config,
    catalogs: base,
    logger: { level: "info" },
  });
  for (const diagnostic of base.loadDiagnostics) {
    app.log.warn({ catalogs: catalogDir }, formatDiagnostic(diagnostic));
  }
  // Compiled before listening, so no request waits for the first build.
  context.bundles.current();
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE"
        ? `port ${port} is already in use; choose another with --port`
        : (error as Error).message;
    throw new CliError(`cannot listen on ${host}:${port}: ${reason}`);
  }
  const address = app.server.address() as AddressInfo;
  app.log.info(
    {
      host: address.address,
      port: address.port,
      catalogs: catalogDir,
      locales: base.catalogs.locales(),
      users: config.users.length,
      defaultLocale: config.defaultLocale,
    },
    "locmsg server started",
  );

  let reloading: Promise<unknown> = Promise.resolve();
  const reload = () => {
    reloading = context
      .reloadCatalogs("SIGHUP")
      .then((outcome) => {
        // Compile the new bundles now rather than in the next request.
        if (outcome.replaced) context.bundles.current();
      })
      .catch((error: unknown) =>
        app.log.error(
          { err: error, trigger: "SIGHUP" },
          "catalog reload failed with an unexpected error",
        ),
      );
  };
  process.on("SIGHUP", reload);
  const signal = await waitForStopSignal();
  process.off("SIGHUP", reload);
  app.log.info({ signal }, "stopping the server");
  await reloading;
  await app.close();
  app.log.info({ signal }, "locmsg server stopped");
  return EXIT_OK;
}

async function readConfig(file: string | undefined): Promise<ServerConfig> {
  if (file === undefined) return defaultServerConfig();
  try {
    return await loadServerConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new CliError(`invalid configuration: ${error.message}`);
    }
    throw error;
  }
}

/** Reads the administrator from the environment: both variables or neither. */
async function environmentAdmin(): Promise<
  { userName: string; password: ParsedHash } | undefined
> {
  const userName = process.env["LOCMSG_ADMIN_USER"];
  const password = process.env["LOCMSG_ADMIN_PASSWORD"];
  if (userName === undefined && password === undefined) return undefined;
  if (!userName || !password) {
    const missing = userName ? "LOCMSG_ADMIN_PASSWORD" : "LOCMSG_ADMIN_USER";
    throw new CliError(
      `${missing} is empty or not set; set both LOCMSG_ADMIN_USER and LOCMSG_ADMIN_PASSWORD, or neither`,
    );
  }
  if (userName.includes(":")) {
    throw new CliError("LOCMSG_ADMIN_USER must not contain ':'");
  }
  return {
    userName,
    password: parsePasswordHash(await hashPassword(password)) as ParsedHash,
  };
}

/**
 * Checks `--host`. Node.js listens on every interface for an empty host, so
 * an unset shell variable in `--host "$HOST"` would expose the server.
 */
function readHost(text: string): string {
  if (text.trim() === "") {
    throw new CliError(
      `invalid --host '${text}': the address is empty, which would listen on every network interface; give an address such as 127.0.0.1, or 0.0.0.0 to listen on every interface on purpose`,
    );
  }
  if (text !== text.trim()) {
    throw new CliError(
      `invalid --host '${text}': the address has spaces around it; write the address alone`,
    );
  }
  return text;
}

function readPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliError(
      `invalid --port '${text}': give a TCP port from 0 to 65535 (0 picks a free port)`,
    );
  }
  return port;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      resolve(signal);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
