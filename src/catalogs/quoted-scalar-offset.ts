/** Source code units that one step reads, and value code units they produce. */
interface Unit {
  source: number;
  value: number;
}

/**
 * A reader of one unit at `index`: one escape, or up to `remaining` code
 * units written as they are. It gives undefined where source and value diverge.
 */
type QuotedStep = (
  text: string,
  index: number,
  remaining: number,
) => Unit | undefined;

/**
 * Finds the offset in `text` of value offset `offset` of the quoted scalar
 * opened at `quoteOffset`, following escapes and `''`. Returns undefined
 * past the closing quote or a line break.
 */
export function quotedSourceOffset(
  text: string,
  quoteOffset: number,
  offset: number,
): number | undefined {
  const step = text[quoteOffset] === '"' ? doubleQuotedStep : singleQuotedStep;
  let index = quoteOffset + 1;
  let produced = 0;
  while (produced < offset) {
    const unit = step(text, index, offset - produced);
    if (!unit) return undefined;
    index += unit.source;
    produced += unit.value;
  }
  // An offset inside an escape, such as half of `\U0001F600`, has no position.
  return produced === offset ? index : undefined;
}

const doubleQuotedStep: QuotedStep = (text, index, remaining) => {
  const char = text[index];
  if (char === undefined || char === '"' || isLineBreak(char)) {
    return undefined;
  }
  if (char !== "\\") return plainRun(text, index, remaining);
  const escape = text[index + 1];
  switch (escape) {
    case undefined:
    case "\n":
    case "\r":
      return undefined;
    case "x":
      return { source: 4, value: 1 };
    case "u":
      return { source: 6, value: 1 };
    case "U": {
      const codePoint = Number.parseInt(text.slice(index + 2, index + 10), 16);
      return { source: 10, value: codePoint > 0xffff ? 2 : 1 };
    }
    default:
      return { source: 2, value: 1 };
  }
};

const singleQuotedStep: QuotedStep = (text, index, remaining) => {
  const char = text[index];
  if (char === undefined || isLineBreak(char)) return undefined;
  if (char === "'") {
    return text[index + 1] === "'" ? { source: 2, value: 1 } : undefined;
  }
  return plainRun(text, index, remaining);
};

function isLineBreak(char: string | undefined): boolean {
  return char === "\n" || char === "\r";
}

/**
 * Reads a character that the value keeps as written, or up to `remaining`
 * spaces and tabs. A run that ends at a line break gives undefined, because
 * YAML drops it when it folds the line.
 */
function plainRun(
  text: string,
  index: number,
  remaining: number,
): Unit | undefined {
  let end = index;
  while (text[end] === " " || text[end] === "\t") end++;
  if (end === index) return { source: 1, value: 1 };
  if (isLineBreak(text[end])) return undefined;
  const length = Math.min(end - index, remaining);
  return { source: length, value: length };
}
