import type { Arguments, Compiled } from "./fast-render.js";

/** Resolves one placeholder of a compiled message; see `FastRender`. */
export type ResolvePart<Part> = (
  part: Part,
  args: Arguments,
  depth: number,
) => string | undefined;

/**
 * Joins literal text and placeholders into one closure. The common shapes,
 * up to three placeholders, concatenate fixed variables as a hand-written
 * template literal would, and longer messages loop over their pieces.
 * Every closure calls the one `resolve` function, so its call sites see a
 * single target instead of a different closure per placeholder.
 */
export function concatParts<Part>(
  pieces: readonly (string | Part)[],
  resolve: ResolvePart<Part>,
): Compiled {
  // Normalized to text, placeholder, text, ..., text, so every closure
  // below starts and ends with (possibly empty) literal text.
  const texts: string[] = [""];
  const parts: Part[] = [];
  for (const piece of pieces) {
    if (typeof piece === "string") {
      texts[texts.length - 1] += piece;
    } else {
      parts.push(piece);
      texts.push("");
    }
  }
  const [t0 = "", t1 = "", t2 = "", t3 = ""] = texts;
  const [p1, p2, p3] = parts as [Part, Part, Part];
  switch (parts.length) {
    case 0:
      return t0;
    case 1:
      return (args, depth) => {
        const v1 = resolve(p1, args, depth);
        return v1 === undefined ? undefined : t0 + v1 + t1;
      };
    case 2:
      return (args, depth) => {
        const v1 = resolve(p1, args, depth);
        if (v1 === undefined) return undefined;
        const v2 = resolve(p2, args, depth);
        return v2 === undefined ? undefined : t0 + v1 + t1 + v2 + t2;
      };
    case 3:
      return (args, depth) => {
        const v1 = resolve(p1, args, depth);
        if (v1 === undefined) return undefined;
        const v2 = resolve(p2, args, depth);
        if (v2 === undefined) return undefined;
        const v3 = resolve(p3, args, depth);
        return v3 === undefined ? undefined : t0 + v1 + t1 + v2 + t2 + v3 + t3;
      };
    default:
      return (args, depth) => {
        let text = t0;
        for (let index = 0; index < parts.length; index++) {
          const value = resolve(parts[index]!, args, depth);
          if (value === undefined) return undefined;
          text += value + texts[index + 1]!;
        }
        return text;
      };
  }
}
