import {
  DEFAULT_SCRYPT,
  hashPassword,
  MAX_HASH_MEMORY_BYTES,
  maxCostLog2,
  MIN_COST_LOG2,
  scryptMemoryBytes,
} from "../server/passwords.js";
import { CliError, EXIT_OK } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";
import { parseCommandArgs } from "./parse-options.js";

/** The largest --cost-log2 whose hash fits the server's memory limit with r=8. */
const MAX_CLI_COST_LOG2 = maxCostLog2(DEFAULT_SCRYPT.blockSize);
const MIB = 1024 * 1024;

export const HASH_PASSWORD_HELP = `Usage: locmsg hash-password [options]

Reads a password from standard input and prints its scrypt hash in the
form the server configuration's passwordHash field takes:
  $scrypt$ln=17,r=8,p=1$<salt>$<hash>
Piped input is read up to the first line break; at a terminal the
password is read without echo.

Example:
  printf '%s' 'my password' | locmsg hash-password

Options:
  --cost-log2 N     log2 of the scrypt cost N, a whole number from
                    ${MIN_COST_LOG2} to ${MAX_CLI_COST_LOG2} (default 17, the minimum OWASP
                    recommends); each step doubles the time and memory a
                    login takes, and ${MAX_CLI_COST_LOG2} needs ${scryptMemoryBytes({ ...DEFAULT_SCRYPT, costLog2: MAX_CLI_COST_LOG2 }) / MIB} MiB, the server's limit
  -h, --help        show this help

Exit status: 0 printed, 2 empty password or unusable options.`;

const OPTIONS = {
  "cost-log2": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export async function hashPasswordCommand(
  argv: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("hash-password", {
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HASH_PASSWORD_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new CliError(
      "hash-password reads the password from standard input, never from the command line, where other users can see it",
    );
  }
  const parameters = { ...DEFAULT_SCRYPT };
  if (values["cost-log2"] !== undefined) {
    parameters.costLog2 = readCostLog2(values["cost-log2"]);
  }

  const password = process.stdin.isTTY
    ? await readHidden(io)
    : firstLine(await readAll());
  if (password === "") {
    throw new CliError("the password is empty; type or pipe a password");
  }
  io.stdout(await hashPassword(password, parameters));
  return EXIT_OK;
}

/** Accepts only a plain decimal whole number in range: no sign, spaces, exponent or hex. */
function readCostLog2(text: string): number {
  const range = `a whole number from ${MIN_COST_LOG2} to ${MAX_CLI_COST_LOG2}`;
  if (!/^[1-9][0-9]{0,2}$/.test(text)) {
    throw new CliError(`invalid --cost-log2 '${text}': give ${range}`);
  }
  const costLog2 = Number(text);
  if (costLog2 < MIN_COST_LOG2) {
    throw new CliError(`invalid --cost-log2 '${text}': give ${range}`);
  }
  if (costLog2 > MAX_CLI_COST_LOG2) {
    const mib = scryptMemoryBytes({ ...DEFAULT_SCRYPT, costLog2 }) / MIB;
    throw new CliError(
      `invalid --cost-log2 '${text}': give ${range}; ${costLog2} needs ${mib} MiB per password check, over the server's limit of ${MAX_HASH_MEMORY_BYTES / MIB} MiB`,
    );
  }
  return costLog2;
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** Reads one line from the terminal in raw mode, so the password is not echoed. */
function readHidden(io: CommandIo): Promise<string> {
  io.stderr("Password:");
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let password = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString("utf8")) {
        if (character === "\r" || character === "\n") return finish();
        if (character === "\u0003") {
          return finish(new CliError("cancelled"));
        }
        if (character === "\u007f" || character === "\b") {
          password = [...password].slice(0, -1).join("");
        } else {
          password += character;
        }
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
