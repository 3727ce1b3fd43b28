/**
 * Writes any value as JSON-like text for fallbacks and diagnostics, with the
 * result of the server's src/render/describe-value.ts. Nested strings and
 * keys are JSON, dates ISO 8601 without quotes and BigInts numbers. A
 * reference back to an enclosing object is "[Circular]", nesting deeper
 * than 32 is "…", and the text is cut with "…" after `maxLength` characters.
 * It appends in the server's steps, so the cut falls at the same place.
 * NOTE: a getter or proxy trap that throws stops the render with its error,
 * as everywhere in this runtime, where the server writes "[unreadable]".
 */
export function describeValue(value: unknown, maxLength = 10_000): string {
  let text = "";
  // Set once text is left out: output that fills the bound exactly can
  // still have lost its closing brackets.
  let dropped: unknown;
  const ancestors: unknown[] = [];
  const append = (part: string) => {
    if (text.length < maxLength) text += part;
    else dropped = 1;
  };
  const write = (value: any, depth: number): void => {
    if (value instanceof Date) {
      append(value.toJSON() ?? "Invalid Date");
    } else if (typeof value == "bigint") {
      append(`${value}`);
    } else if (typeof value != "object" || !value) {
      // An outermost string is written as it is, and an outermost undefined,
      // function or symbol as its type name. Nested, those three are null.
      append(
        depth || typeof value != "string"
          ? (JSON.stringify(value) ?? (depth ? "null" : typeof value))
          : value,
      );
    } else if (ancestors.includes(value)) {
      append('"[Circular]"');
    } else if (depth > 31) {
      append('"…"');
    } else {
      const array = Array.isArray(value);
      let separator = "";
      ancestors.push(value);
      append(array ? "[" : "{");
      for (const key of array ? value.keys() : Object.keys(value)) {
        const item = value[key];
        // Objects leave out undefined and functions, but arrays write them as null.
        if (
          text.length < maxLength &&
          (array || (item !== undefined && typeof item != "function"))
        ) {
          append(separator);
          separator = ",";
          if (!array) append(`${JSON.stringify(key)}:`);
          write(item, depth + 1);
        }
      }
      append(array ? "]" : "}");
      ancestors.pop();
    }
  };
  write(value, 0);
  return dropped || text.length > maxLength
    ? `${text.slice(0, maxLength)}…`
    : text;
}
