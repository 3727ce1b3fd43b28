/**
 * Compares strings by UTF-16 code units, like `Array#sort` without a
 * comparator, so the order does not depend on the ICU collation of the
 * machine.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
