/**
 * Encoding of values in the VI/JSON wire form: data objects carry
 * `_typeName`, values of type `any` are wrapped as
 * `{"_typeName": "int", "_value": 3}`, and dates are ISO 8601 strings.
 */
import { isRecord } from "../vsphere/vi-json.js";

export interface WireMoRef {
  _typeName: "ManagedObjectReference";
  type: string;
  value: string;
}

export function moRef(type: string, value: string): WireMoRef {
  return { _typeName: "ManagedObjectReference", type, value };
}

/** The largest and smallest values of `xsd:int`; other whole numbers are `long`. */
const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

/**
 * Wraps a value stored in an `any` slot. A value already in wire form (an
 * object with `_typeName`) is kept as it is, so what a client sent is
 * returned unchanged. A bare string, number, boolean or string list is
 * wrapped with its xsd type. Returns undefined for a value that has no
 * type to name, such as an object without `_typeName`.
 */
export function wrapAny(value: unknown): unknown {
  if (isRecord(value) && typeof value["_typeName"] === "string") return value;
  if (typeof value === "string") return { _typeName: "string", _value: value };
  if (typeof value === "boolean")
    return { _typeName: "boolean", _value: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const typeName = !Number.isInteger(value)
      ? "double"
      : value >= INT_MIN && value <= INT_MAX
        ? "int"
        : "long";
    return { _typeName: typeName, _value: value };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return { _typeName: "ArrayOfString", _value: value };
  }
  return undefined;
}

/** Reports whether `wrapAny` can encode a value. */
export function isEncodableAny(value: unknown): boolean {
  return wrapAny(value) !== undefined;
}

export function dateTime(date: Date): string {
  return date.toISOString();
}

/** `vim.ElementDescription`. */
export interface WireElementDescription {
  _typeName: "ElementDescription";
  key: string;
  label: string;
  summary: string;
}

export function elementDescription(
  key: string,
  label: string,
  summary: string,
): WireElementDescription {
  return { _typeName: "ElementDescription", key, label, summary };
}

/** A plain `LocalizableMessage` in wire form, arguments wrapped. */
export interface StoredMessage {
  key: string;
  arg?: { key: string; value: unknown }[];
  message?: string;
}

export function localizableMessage(message: StoredMessage): object {
  const wire: Record<string, unknown> = {
    _typeName: "LocalizableMessage",
    key: message.key,
  };
  if (message.arg) {
    wire["arg"] = message.arg.map((argument) => ({
      _typeName: "KeyAnyValue",
      key: argument.key,
      value: wrapAny(argument.value),
    }));
  }
  if (message.message !== undefined) wire["message"] = message.message;
  return wire;
}

/** Adds the optional properties that are set, leaving unset ones out as VI/JSON does. */
export function withOptional(
  target: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) target[name] = value;
  }
  return target;
}
