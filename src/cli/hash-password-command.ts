import { parseArgs } from "node:util";
import {
  checkScryptParameters,
  DEFAULT_SCRYPT,
  hashPassword,
} from "../server/passwords.js";
import { CliError, EXIT_OK } from "./cli-error.js";
import type { CommandIo } from "./command-io.js";

export const HASH_PASSWORD_HELP = `Usage: locmsg hash-password [options]

Reads a password from standard input and prints its scrypt hash in the
form the server configuration's passwordHash field takes:
  $scrypt$ln=17,r=8,p=1$<salt>$<hash>
Piped input is read up to the first line break; at a terminal the
password is read without echo.

Example:
  printf '%s' 'my password' | locmsg hash-password

Options:
  --cost-log2 N     log2 of the scrypt cost N, from 10 to 20 (default 17,
                    the minimum OWASP recommends); each step doubles the
                    time and memory a login takes
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
  const { values, positionals } = parseArgs({
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
    parameters.costLog2 = Number(values["cost-log2"]);
    const problem = checkScryptParameters(parameters);
    if (problem) throw new CliError(`invalid --cost-log2: ${problem}`);
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
