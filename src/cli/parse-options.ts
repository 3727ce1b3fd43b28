import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error.js";

/**
 * Parses the arguments of `command` (such as "import vmsg") like
 * `parseArgs`, and rejects a string option given more than once unless it
 * is `multiple`. `parseArgs` keeps the last value, so `--out a --out b`
 * would silently write to b. Errors are one-line `CliError`s that point to
 * the command's help.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  let tokens;
  try {
    ({ tokens } = parseArgs({ ...config, tokens: true }));
  } catch (error) {
    throw parseError(error, command);
  }
  const seen = new Map<string, string | undefined>();
  for (const token of tokens ?? []) {
    if (token.kind !== "option") continue;
    const option = config.options?.[token.name];
    if (option?.type !== "string" || option.multiple) continue;
    if (seen.has(token.name)) {
      throw new CliError(
        `--${token.name} given twice (${quote(seen.get(token.name))} and ${quote(token.value)}); pass it once; see 'locmsg ${command} --help'`,
      );
    }
    seen.set(token.name, token.value);
  }
  return parseArgs(config);
}

/** Quotes an option value for a one-line message, escaping control characters. */
function quote(value: string | undefined): string {
  const text = value ?? "";
  return /[\u0000-\u001f\u007f]/.test(text)
    ? JSON.stringify(text)
    : `'${text}'`;
}

/**
 * Turns an error of `parseArgs` into a one-line `CliError`. Node's texts
 * span several lines, and the unknown-option text leaves a quote open.
 */
function parseError(error: unknown, command: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code?.startsWith("ERR_PARSE_ARGS")) return error;
  const message = (error as Error).message;
  const help = `see 'locmsg ${command} --help'`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /'([^']*)'/.exec(message)?.[1] ?? message;
    return new CliError(
      `unknown option '${option}'; put a value that starts with '-' after '--'; ${help}`,
    );
  }
  const oneLine = message.replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
  return new CliError(`${oneLine}; ${help}`);
}
