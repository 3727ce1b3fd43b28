/**
 * The options of `:number`, `:integer` and `:datetime` resolved to `Intl`
 * options at build time, the way `messageformat` 4.0.0 resolves them when
 * it formats (lib/functions/number.js and datetime.js of that package), so
 * the browser runtime passes them to `Intl` as they are.
 *
 * Every function here throws an `UnsupportedMf2` with the reason when an
 * option is outside the compiled subset. `messageformat` would report such
 * an option and format without it, which a catalog author should fix.
 */
export class UnsupportedMf2 extends Error {}

type IntlOptions = Record<string, string | number | boolean>;

const NUMBER_INTEGER_OPTIONS = new Set([
  "minimumIntegerDigits",
  "minimumFractionDigits",
  "maximumFractionDigits",
  "minimumSignificantDigits",
  "maximumSignificantDigits",
  "roundingIncrement",
]);
const NUMBER_STRING_OPTIONS = new Set([
  "roundingMode",
  "roundingPriority",
  "select",
  "signDisplay",
  "trailingZeroDisplay",
  "useGrouping",
]);
const INTEGER_INTEGER_OPTIONS = new Set([
  "minimumIntegerDigits",
  "maximumSignificantDigits",
]);
const INTEGER_STRING_OPTIONS = new Set([
  "select",
  "signDisplay",
  "useGrouping",
]);

function positiveInteger(name: string, value: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(value)) {
    throw new UnsupportedMf2(
      `option ${name}=${value} is not a non-negative integer`,
    );
  }
  return Number(value);
}

/**
 * `Intl.NumberFormat` options of a `:number` or `:integer` expression;
 * `inherited` are those of the declaration its operand names.
 */
export function numberOptions(
  fn: "number" | "integer",
  options: Record<string, string>,
  inherited: IntlOptions = {},
): IntlOptions {
  const resolved: IntlOptions = { ...inherited, style: "decimal" };
  if (fn === "integer") {
    resolved["maximumFractionDigits"] = 0;
    delete resolved["minimumFractionDigits"];
    delete resolved["minimumSignificantDigits"];
  }
  const integers =
    fn === "number" ? NUMBER_INTEGER_OPTIONS : INTEGER_INTEGER_OPTIONS;
  const strings =
    fn === "number" ? NUMBER_STRING_OPTIONS : INTEGER_STRING_OPTIONS;
  // Other option names are ignored, as messageformat ignores them.
  for (const [name, value] of Object.entries(options)) {
    if (integers.has(name)) resolved[name] = positiveInteger(name, value);
    else if (strings.has(name)) resolved[name] = value;
  }
  if (resolved["select"] === "plural") {
    // messageformat 4.0.0 passes it to Intl.PluralRules as type 'plural',
    // which throws, so the message would always render its `*` variant.
    throw new UnsupportedMf2(
      "select=plural fails in messageformat 4.0.0; leave select out for plural selection",
    );
  }
  if (resolved["useGrouping"] === "never") resolved["useGrouping"] = false;
  try {
    new Intl.NumberFormat("en", resolved);
    new Intl.PluralRules("en", {
      ...resolved,
      type: resolved["select"] === "ordinal" ? "ordinal" : "cardinal",
    } as Intl.PluralRulesOptions);
  } catch (error) {
    throw new UnsupportedMf2(
      `the options are invalid for Intl.NumberFormat: ${(error as Error).message}`,
    );
  }
  return resolved;
}

const DATE_FIELDS = new Set([
  "weekday",
  "day-weekday",
  "month-day",
  "month-day-weekday",
  "year-month-day",
  "year-month-day-weekday",
]);

function oneOf(
  options: Record<string, string>,
  name: string,
  allowed: readonly string[] | Set<string>,
): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const values = [...allowed];
  if (!values.includes(value)) {
    throw new UnsupportedMf2(
      `option ${name}=${value} is not one of ${values.join(", ")}`,
    );
  }
  return value;
}

/**
 * `Intl.DateTimeFormat` options of a `:datetime` expression; `inherited`
 * are those of the declaration its operand names, whose `calendar`,
 * `hour12` and `timeZone` carry over.
 */
export function dateTimeOptions(
  options: Record<string, string>,
  inherited?: IntlOptions,
): IntlOptions {
  if (
    inherited &&
    inherited["timeZone"] === undefined &&
    options["timeZone"] !== undefined
  ) {
    // The server formats the declaration in the session's time zone and
    // then refuses to convert it to another one.
    throw new UnsupportedMf2(
      "timeZone on a declared :datetime value is not supported; set it in the declaration",
    );
  }
  inherited ??= {};
  const resolved: IntlOptions = {};
  for (const name of ["calendar", "hour12", "timeZone"]) {
    if (inherited[name] !== undefined) resolved[name] = inherited[name]!;
  }
  if (options["calendar"] !== undefined) {
    resolved["calendar"] = options["calendar"];
  }
  const hour12 = oneOf(options, "hour12", ["true", "false"]);
  if (hour12 !== undefined) resolved["hour12"] = hour12 === "true";
  const timeZone = options["timeZone"];
  if (timeZone === "input") {
    throw new UnsupportedMf2("timeZone=input is not supported");
  }
  if (timeZone !== undefined) {
    if (
      resolved["timeZone"] !== undefined &&
      resolved["timeZone"] !== timeZone
    ) {
      throw new UnsupportedMf2("time zone conversion is not supported");
    }
    resolved["timeZone"] = timeZone;
  }

  const fields = new Set(
    (oneOf(options, "dateFields", DATE_FIELDS) ?? "year-month-day").split("-"),
  );
  const dateLength = oneOf(options, "dateLength", ["long", "medium", "short"]);
  if (fields.has("year")) resolved["year"] = "numeric";
  if (fields.has("month")) {
    resolved["month"] =
      dateLength === "long"
        ? "long"
        : dateLength === "short"
          ? "numeric"
          : "short";
  }
  if (fields.has("day")) resolved["day"] = "numeric";
  if (fields.has("weekday")) {
    resolved["weekday"] = dateLength === "long" ? "long" : "short";
  }
  const precision = oneOf(options, "timePrecision", [
    "hour",
    "minute",
    "second",
  ]);
  resolved["hour"] = "numeric";
  if (precision !== "hour") resolved["minute"] = "numeric";
  if (precision === "second") resolved["second"] = "numeric";
  const zoneStyle = oneOf(options, "timeZoneStyle", ["long", "short"]);
  if (zoneStyle !== undefined) resolved["timeZoneName"] = zoneStyle;

  try {
    new Intl.DateTimeFormat("en", resolved);
  } catch (error) {
    throw new UnsupportedMf2(
      `the options are invalid for Intl.DateTimeFormat: ${(error as Error).message}`,
    );
  }
  return resolved;
}
