/**
 * Argument values as text, and LocalizableMessages, as the server renderer
 * does it (src/render/format-value.ts, src/render/render-message.ts and
 * src/vsphere/). Strings stay as they are, and numbers, dates and lists
 * format through `Intl`. Nested messages render in the same chain, managed
 * object references show their id and objects with a `name` that name.
 * VI/JSON wrapped values (`{"_typeName": "int", "_value": 3}`) are
 * unwrapped as they are read.
 */
import { renderEntry, type Argument } from "./render-parts.js";
import {
  dateFormat,
  intl,
  maxDepth,
  report,
  type Origin,
} from "./render-state.js";

/** A LocalizableMessage (or VirtualMachineMessage) as the renderer reads it. */
export interface MessageInput {
  key: string;
  args: Argument[];
  message?: string | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Unwraps one level of VI/JSON: wrapped numbers, dateTimes and booleans
 * become values, and an `ArrayOf…` its array.
 * NOTE: the server decodes other wrapped values deeply (decodeViJson);
 * reading them lazily gives the same text except for wrapped values inside
 * a managed object reference.
 */
export function unwrap(value: unknown): unknown {
  if (!isRecord(value) || !Object.hasOwn(value, "_value")) return value;
  const type = value["_typeName"];
  const wrapped = value["_value"];
  if (typeof type !== "string") return value;
  if (typeof wrapped !== "string") return wrapped;
  if (/^(byte|short|int|long|float|double)$/.test(type)) return Number(wrapped);
  if (type === "dateTime" && !isNaN(Date.parse(wrapped))) {
    return new Date(wrapped);
  }
  return type === "boolean" ? wrapped === "true" : wrapped;
}

export function formatValue(
  raw: unknown,
  stack: readonly string[],
  origin: Origin | undefined,
): string {
  const value = unwrap(raw);
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return intl(Intl.NumberFormat, {}).format(value);
    case "boolean":
      return `${value}`;
  }
  if (value instanceof Date) {
    if (!isNaN(+value)) return dateFormat().format(value);
    report("invalid-argument", origin, "Invalid Date");
    return "Invalid Date";
  }
  if (Array.isArray(value)) {
    return intl(Intl.ListFormat, { type: "unit", style: "short" }).format(
      value.map((item) => formatValue(item, stack, origin)),
    );
  }
  if (isRecord(value)) {
    const type = value["_typeName"];
    if (
      typeof value["key"] === "string" &&
      (type === undefined
        ? "arg" in value || "message" in value
        : type === "LocalizableMessage")
    ) {
      const input = readMessage(value);
      if (!input) return json(value);
      if (stack.length < maxDepth) return renderMessage(input, stack);
      report("lookup-depth", origin, input.key);
      return input.key;
    }
    if (
      typeof value["value"] === "string" &&
      (type === "ManagedObjectReference" ||
        (Object.keys(value).length === 2 && typeof value["type"] === "string"))
    ) {
      return value["value"];
    }
    const name = unwrap(value["name"]);
    if (typeof name === "string") return name;
  }
  const text = json(value);
  report("invalid-argument", origin, text);
  return text;
}

/**
 * Reads a LocalizableMessage `{key, arg, message}` or a VirtualMachineMessage
 * `{id, argument, text}`; undefined when it is neither.
 */
export function readMessage(raw: unknown): MessageInput | undefined {
  const value = unwrap(raw);
  if (!isRecord(value)) return undefined;
  const key = unwrap(value["key"] ?? value["id"]);
  const args = unwrap(value["arg"] ?? value["argument"] ?? []);
  const text = unwrap(value["message"] ?? value["text"]);
  if (typeof key !== "string" || !Array.isArray(args)) return undefined;
  return {
    key,
    args: args.map((item: unknown) => {
      const arg = unwrap(item);
      return isRecord(arg) &&
        typeof arg["key"] === "string" &&
        Object.hasOwn(arg, "value")
        ? { key: arg["key"], value: arg["value"] }
        : { value: arg };
    }),
    message: typeof text === "string" ? text : undefined,
  };
}

/**
 * Renders a message from the `locmsg` catalogs; an unknown key renders the
 * message's own text, else `key (name = value, …)` and `missing-message`.
 */
export function renderMessage(
  { key, args, message }: MessageInput,
  stack: readonly string[] = [],
): string {
  const text = renderEntry("locmsg", key, args, [...stack, key]);
  if (text !== undefined) return text;
  if (message) return message;
  report("missing-message", { key, catalog: "locmsg" }, key);
  const described = args.map(
    ({ key, value }, index) =>
      `${key ?? index + 1} = ${
        typeof value === "string"
          ? value
          : value instanceof Date
            ? isNaN(+value)
              ? "Invalid Date"
              : value.toISOString()
            : json(value)
      }`,
  );
  return `${key || "(message without a key)"}${described.length ? ` (${described.join(", ")})` : ""}`;
}

export function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? `${value}`;
  } catch {
    return `${value}`;
  }
}
