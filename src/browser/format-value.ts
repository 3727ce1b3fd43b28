/**
 * Argument values as text, and LocalizableMessages, as the server renderer
 * does it (src/render/format-value.ts, src/render/render-message.ts and
 * src/vsphere/). Strings stay as they are, and numbers, dates and lists
 * format through `Intl`. Nested messages render in the same chain, managed
 * object references show their id and objects with a `name` that name.
 * VI/JSON wrapped values (`{"_typeName": "int", "_value": 3}`) are
 * unwrapped as they are read.
 */
import { describeValue } from "./describe-value.js";
import { renderEntry } from "./render-parts.js";
import {
  dateFormat,
  intl,
  MAX_ARGUMENT_LENGTH,
  maxDepth,
  report,
  takeStep,
  type Argument,
  type Origin,
} from "./render-state.js";

/**
 * A LocalizableMessage (or VirtualMachineMessage) as the renderer reads it:
 * the key, the arguments, and the message's own text (false or empty when
 * it has none).
 */
export type MessageInput = [
  key: string,
  args: Argument[],
  message?: string | false | undefined,
];

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Unwraps one level of VI/JSON: wrapped numbers, dateTimes and booleans
 * become values, and an `ArrayOf…` its array.
 * NOTE: the server decodes other wrapped values deeply (decodeViJson);
 * reading them lazily gives the same text except for wrapped values inside
 * a managed object reference.
 */
export function unwrap(value: unknown): any {
  const type =
    isRecord(value) && Object.hasOwn(value, "_value") && value["_typeName"];
  if (typeof type !== "string") return value;
  const wrapped = (value as Record<string, unknown>)["_value"];
  if (typeof wrapped !== "string") return wrapped;
  if (/^(byte|short|int|long|float|double)$/.test(type)) return Number(wrapped);
  if (type === "boolean") return wrapped === "true";
  return type === "dateTime" && !isNaN(Date.parse(wrapped))
    ? new Date(wrapped)
    : wrapped;
}

/**
 * Formats an argument value. Lists nested `maxDepth` deep are written as
 * their JSON preview, as on the server, so no input exhausts the stack, and
 * each list item takes a step of the render budget.
 */
export function formatValue(
  raw: unknown,
  stack: readonly string[],
  origin: Origin | undefined,
  depth = 0,
): string {
  const value = unwrap(raw);
  const type = typeof value;
  if (type === "string" || type === "boolean") return `${value}`;
  if (type === "number" || type === "bigint") {
    return intl(Intl.NumberFormat, {}).format(value);
  }
  if (value instanceof Date && !isNaN(+value)) {
    return dateFormat().format(value);
  }
  if (Array.isArray(value)) {
    if (depth >= maxDepth) return describeValue(value, MAX_ARGUMENT_LENGTH);
    // Once the budget is spent, every later step fails too, so the items
    // after that point are left out, as the server's loop leaves them.
    return intl(Intl.ListFormat, { type: "unit", style: "short" }).format(
      value.flatMap((item) =>
        takeStep(origin) ? [formatValue(item, stack, origin, depth + 1)] : [],
      ),
    );
  }
  if (isRecord(value)) {
    const typeName = value["_typeName"];
    if (
      typeof value["key"] === "string" &&
      (typeName === undefined
        ? "arg" in value || "message" in value
        : typeName === "LocalizableMessage")
    ) {
      const input = readMessage(value);
      if (!input) return describeValue(value);
      if (stack.length < maxDepth) return renderMessage(input, stack);
      report("lookup-depth", origin, input[0]);
      return input[0];
    }
    if (
      typeof value["value"] === "string" &&
      (typeName === "ManagedObjectReference" ||
        (Object.keys(value).length === 2 && typeof value["type"] === "string"))
    ) {
      return value["value"];
    }
    const name = unwrap(value["name"]);
    if (typeof name === "string") return name;
  }
  // Reached by an invalid Date, an object without a name, undefined and the like.
  const text = describeValue(value);
  report("invalid-argument", origin, text, "warning");
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
  return [
    key,
    // A `KeyAnyValue` is keyed; anything else is a positional value.
    args.map((item: unknown) => {
      const arg = unwrap(item);
      return isRecord(arg) &&
        typeof arg["key"] === "string" &&
        Object.hasOwn(arg, "value")
        ? (arg as Argument)
        : { value: arg };
    }),
    typeof text === "string" && text,
  ];
}

/**
 * Renders a message from the `locmsg` catalogs; an unknown key renders the
 * message's own text, else `key (name = value, …)` and `missing-message`.
 */
export function renderMessage(
  [key, args, message]: MessageInput,
  stack: readonly string[] = [],
): string {
  const text = renderEntry("locmsg", key, args, [...stack, key]);
  if (text !== undefined) return text;
  if (message) return message;
  report("missing-message", { key, catalog: "locmsg" }, key, "warning");
  const described = args.map(
    ({ key, value }, index) =>
      `${key ?? index + 1} = ${describeValue(value, 1_000)}`,
  );
  return `${key || "(message without a key)"}${described.length ? ` (${described.join(", ")})` : ""}`;
}
