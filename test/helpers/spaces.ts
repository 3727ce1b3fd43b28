/**
 * Replaces U+202F (narrow no-break space) with a plain space in every string.
 * ICU versions differ on which of the two goes before AM/PM, so date
 * expectations are written with plain spaces.
 */
export function plainSpaces<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u202f", " ") as T;
  if (Array.isArray(value)) return value.map(plainSpaces) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, plainSpaces(item)]),
    ) as T;
  }
  return value;
}
