/**
 * Writes any value as JSON-like text for fallbacks and diagnostics. It never
 * throws: BigInts are written as numbers, and values JSON cannot hold
 * (cycles, getters that throw, objects without a prototype that have no
 * string form) fall back to a type description.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  }
  try {
    const text = JSON.stringify(value, (_key, item: unknown) =>
      typeof item === "bigint" ? Number(item) : item,
    );
    if (text !== undefined) return text;
  } catch {
    // Falls through to the type description.
  }
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
