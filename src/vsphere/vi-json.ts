/**
 * Decoding of the VI/JSON wire form. Values of type `any` arrive wrapped as
 * `{"_typeName": "int", "_value": 3}`; data objects carry `_typeName` beside
 * their properties. Decoded objects have no prototype, so keys such as
 * `__proto__` stay ordinary properties.
 */

const NUMBER_TYPES = new Set([
  "byte",
  "short",
  "int",
  "long",
  "float",
  "double",
]);

export type DecodedObject = { [property: string]: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Decodes a wrapped primitive such as `{"_typeName":"int","_value":3}`;
 * any other wrapped value goes to `decodeInner`.
 */
function decodeWrapped(
  typeName: string,
  value: unknown,
  decodeInner: (inner: unknown) => unknown,
): unknown {
  if (NUMBER_TYPES.has(typeName)) {
    const number = typeof value === "string" ? Number(value) : value;
    return typeof number === "number" ? number : value;
  }
  if (typeName === "dateTime" && typeof value === "string") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (typeName === "boolean" && typeof value === "string") {
    return value === "true";
  }
  return decodeInner(value);
}

/**
 * Unwraps one level of VI/JSON: `{"_typeName":"int","_value":3}` becomes 3,
 * a `dateTime` becomes a `Date`, an `ArrayOf…` becomes its array. Anything
 * else is returned as it is. The renderer calls this on each value it
 * reads, so arguments are never copied as a whole.
 */
export function unwrapViJson(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return value;
  const record = value as Record<string, unknown>;
  const typeName = record["_typeName"];
  if (typeof typeName !== "string" || !Object.hasOwn(record, "_value"))
    return value;
  const wrapped = record["_value"];
  if (typeName.startsWith("ArrayOf") && Array.isArray(wrapped)) return wrapped;
  return decodeWrapped(typeName, wrapped, (inner) => inner);
}

/**
 * Turns a VI/JSON value into plain form: wrapped primitives become numbers,
 * booleans, strings, `Date`s or arrays; objects keep their properties and
 * their `_typeName`. Plain JSON passes through unchanged in meaning.
 */
export function decodeViJson(value: unknown): unknown {
  try {
    return decodeNode(value, 0, new Map());
  } catch {
    // Only a proxy whose traps throw gets here; it reads as no value.
    return undefined;
  }
}

/**
 * Decodes one node. `seen` maps each object already decoded to its result,
 * so an object referenced twice is decoded once and a cycle stays a cycle
 * instead of being expanded.
 */
function decodeNode(
  value: unknown,
  depth: number,
  seen: Map<object, unknown>,
): unknown {
  // A document nested this deep is hostile or broken; keep it as it is.
  if (depth > 64) return value;
  // Already decoded values, such as a Date, pass through unchanged.
  if (typeof value !== "object" || value === null || value instanceof Date)
    return value;
  const known = seen.get(value);
  if (known !== undefined) return known;

  if (Array.isArray(value)) {
    const items: unknown[] = [];
    seen.set(value, items);
    for (const item of value) items.push(decodeNode(item, depth + 1, seen));
    return items;
  }

  const record = value as Record<string, unknown>;
  const typeName = readProperty(record, "_typeName");
  if (typeof typeName === "string" && Object.hasOwn(record, "_value")) {
    const inner = readProperty(record, "_value");
    return decodeWrapped(typeName, inner, (rest) =>
      decodeNode(rest, depth + 1, seen),
    );
  }

  const decoded: DecodedObject = Object.create(null);
  seen.set(value, decoded);
  for (const property of Object.keys(record)) {
    decoded[property] = decodeNode(
      readProperty(record, property),
      depth + 1,
      seen,
    );
  }
  return decoded;
}

/** Reads a property; a getter that throws reads as undefined. */
function readProperty(
  record: Record<string, unknown>,
  property: string,
): unknown {
  try {
    return record[property];
  } catch {
    return undefined;
  }
}

export function isManagedObjectReference(
  value: unknown,
): value is { type: string; value: string } {
  return (
    isRecord(value) &&
    (value["_typeName"] === "ManagedObjectReference" ||
      (Object.keys(value).length === 2 &&
        typeof value["type"] === "string" &&
        typeof value["value"] === "string")) &&
    typeof value["value"] === "string"
  );
}

export { isRecord };
