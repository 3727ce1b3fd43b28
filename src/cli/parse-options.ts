import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error.js";

/**
 * Parses a command's arguments like `parseArgs`, and rejects a string
 * option given more than once unless it is `multiple`. `parseArgs` keeps
 * the last value, so `--out a --out b` would silently write to b.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const { tokens } = parseArgs({ ...config, tokens: true });
  const seen = new Map<string, string | undefined>();
  for (const token of tokens ?? []) {
    if (token.kind !== "option") continue;
    const option = config.options?.[token.name];
    if (option?.type !== "string" || option.multiple) continue;
    if (seen.has(token.name)) {
      throw new CliError(
        `--${token.name} given twice ('${seen.get(token.name)}' and '${token.value}'); pass it once`,
      );
    }
    seen.set(token.name, token.value);
  }
  return parseArgs(config);
}
