/**
 * Limits that guard against hostile or broken input: catalogs from
 * translators and vendors, arguments from servers, requests from clients.
 * Every limit is an option with a safe default; docs/limits.md lists them.
 * Exceeding one reports a `limit-exceeded` diagnostic that names the limit,
 * the value and the option that raises it.
 */
export interface Limits {
  /** Characters in one catalog message or template. */
  maxMessageLength: number;
  /** Placeholders in one catalog message or template. */
  maxPlaceholders: number;
  /** Nesting of `{1}` lookups, label lookups and nested messages. */
  maxLookupDepth: number;
  /** Placeholders one render may resolve, nested lookups included. */
  maxRenderSteps: number;
  /** Bytes of one catalog file. */
  maxCatalogFileBytes: number;
  /** Keys in one catalog file. */
  maxKeysPerCatalog: number;
  /** Arguments of one message. */
  maxArguments: number;
  /** Characters of one string argument value. */
  maxArgumentLength: number;
  /** Bytes of one HTTP request body. */
  maxRequestBodyBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxMessageLength: 65_536,
  maxPlaceholders: 1_000,
  maxLookupDepth: 16,
  maxRenderSteps: 100_000,
  maxCatalogFileBytes: 16 * 1024 * 1024,
  maxKeysPerCatalog: 200_000,
  maxArguments: 1_000,
  maxArgumentLength: 1_048_576,
  maxRequestBodyBytes: 1_048_576,
});

/** Fills the limits a caller left out with the defaults, rejecting invalid ones. */
export function resolveLimits(limits: Partial<Limits> = {}): Limits {
  const resolved = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(limits)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) {
      throw new TypeError(
        `unknown limit '${name}'; known limits: ${Object.keys(DEFAULT_LIMITS).join(", ")}`,
      );
    }
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(
        `limit ${name} is ${String(value)}; use a whole number of at least 1`,
      );
    }
    resolved[name as keyof Limits] = value;
  }
  return resolved;
}

/** Writes the message of a `limit-exceeded` diagnostic. */
export function describeLimit(
  what: string,
  value: number,
  name: keyof Limits,
  max: number,
): string {
  return `${what} is ${value}, over the limit ${name} = ${max}; shorten the input, or raise limits.${name} if the input is trusted`;
}
