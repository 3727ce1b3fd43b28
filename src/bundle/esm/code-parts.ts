/**
 * Pieces of generated code that the writers of render functions
 * (module-writer.ts) and of fast functions (fast-writer.ts) share.
 */
import type { Mf2Message, Mf2Pattern } from "../../browser/bundle-format.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * True when generated code may read argument `name` as `a.name`: it is an
 * identifier, and no object inherits a property of that name, so that the
 * read finds only an own property of a plain object.
 */
export function isPlainName(name: string): boolean {
  return IDENTIFIER.test(name) && !(name in Object.prototype);
}

/**
 * `if (k === key) return …;` for each variant key of a `.match`, the first
 * variant with a key winning as in the interpreters, then the `*` variant.
 */
export function variantLines(
  message: Mf2Message,
  write: (pattern: Mf2Pattern) => string,
): string[] {
  const lines: string[] = [];
  const seen = new Set<string | 0>();
  let fallback: string | undefined;
  for (const [key, pattern] of message.v) {
    if (seen.has(key)) continue;
    seen.add(key);
    const body = write(pattern);
    if (key === 0) fallback = body;
    else lines.push(`if (k === ${JSON.stringify(key)}) return ${body};`);
  }
  if (fallback === undefined) {
    throw new Error("an MF2 .match message without a * variant");
  }
  lines.push(`return ${fallback};`);
  return lines;
}
