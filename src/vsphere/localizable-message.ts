import { isRecord, unwrapViJson } from "./vi-json.js";

/** One argument of a message: keyed (`KeyAnyValue`) or positional only. */
export interface MessageArgument {
  key: string | undefined;
  value: unknown;
}

/** A LocalizableMessage in the shape the renderer works on. */
export interface MessageInput {
  key: string;
  args: MessageArgument[];
  /** The text the server already rendered, used when no catalog has the key. */
  message?: string;
}

function toArgument(item: unknown): MessageArgument {
  const value = unwrapViJson(item);
  if (
    isRecord(value) &&
    typeof value["key"] === "string" &&
    Object.hasOwn(value, "value")
  ) {
    return { key: value["key"], value: value["value"] };
  }
  return { key: undefined, value };
}

/** Reports whether a decoded value looks like a LocalizableMessage. */
export function isLocalizableMessage(value: unknown): boolean {
  if (!isRecord(value) || typeof value["key"] !== "string") return false;
  const typeName = value["_typeName"];
  if (typeName !== undefined) return typeName === "LocalizableMessage";
  return "arg" in value || "message" in value;
}

/**
 * Reads a LocalizableMessage (plain or VI/JSON), or a VirtualMachineMessage
 * (`{id, argument, text}`, whose arguments are a plain list). Returns a
 * string describing the problem when the value is neither. Argument values
 * stay as they came; the renderer unwraps VI/JSON values as it reads them.
 */
export function readMessageInput(input: unknown): MessageInput | string {
  const value = unwrapViJson(input);
  if (!isRecord(value)) {
    return "expected a LocalizableMessage object with a string 'key'";
  }

  const key = unwrapViJson(value["key"] ?? value["id"]);
  if (typeof key !== "string") {
    return "the message has no string 'key' (or 'id' for a VirtualMachineMessage)";
  }

  const rawArgs = unwrapViJson(value["arg"] ?? value["argument"] ?? []);
  if (!Array.isArray(rawArgs)) {
    return `'arg' of message '${key}' must be an array of KeyAnyValue objects or values`;
  }

  const text = unwrapViJson(value["message"] ?? value["text"]);
  const result: MessageInput = { key, args: rawArgs.map(toArgument) };
  if (typeof text === "string") result.message = text;
  return result;
}
