/**
 * Writes any value as JSON-like text for fallbacks and diagnostics, within a
 * length bound. It never throws and never expands shared references
 * without end: BigInts are written as numbers, a reference back to an
 * enclosing object as "[Circular]", a property whose getter throws as
 * "[unreadable]", and output stops with "…" at `maxLength` characters.
 */
export function describeValue(value: unknown, maxLength = 10_000): string {
  if (typeof value === "string") return cut(value, maxLength);
  const writer = new BoundedWriter(maxLength);
  try {
    writer.write(value, 0);
  } catch {
    // A proxy whose traps throw can fail even the type checks.
    return "[unreadable]";
  }
  return writer.text();
}

/** Shortens text for a diagnostic message. */
export function preview(text: string, maxLength = 200): string {
  return cut(text, maxLength);
}

function cut(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}

/** Nesting deeper than this is written as "…". */
const MAX_NESTING = 32;

class BoundedWriter {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly ancestors = new Set<object>();
  /** True once text was left out because the output was full. */
  private dropped = false;

  constructor(private readonly maxLength: number) {}

  get full(): boolean {
    return this.length >= this.maxLength;
  }

  text(): string {
    const text = this.parts.join("");
    // Output that fills the bound exactly can still have lost its closing
    // brackets, so the mark depends on what was left out.
    return this.dropped ? `${text.slice(0, this.maxLength)}…` : text;
  }

  private append(text: string): void {
    if (this.full) {
      this.dropped = true;
      return;
    }
    if (this.length + text.length > this.maxLength) this.dropped = true;
    this.parts.push(text);
    this.length += text.length;
  }

  write(value: unknown, depth: number): void {
    if (this.full) {
      this.dropped = true;
      return;
    }
    switch (typeof value) {
      case "string":
        this.append(depth === 0 ? value : JSON.stringify(value));
        return;
      case "number":
        this.append(Number.isFinite(value) ? String(value) : "null");
        return;
      case "bigint":
      case "boolean":
        this.append(String(value));
        return;
      case "undefined":
      case "function":
      case "symbol":
        this.append(depth === 0 ? String(typeof value) : "null");
        return;
    }
    if (value === null || value === undefined) return this.append("null");
    if (value instanceof Date) {
      return this.append(
        Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString(),
      );
    }
    if (this.ancestors.has(value)) return this.append('"[Circular]"');
    if (depth >= MAX_NESTING) return this.append('"…"');

    this.ancestors.add(value);
    if (Array.isArray(value)) this.writeArray(value, depth);
    else this.writeObject(value, depth);
    this.ancestors.delete(value);
  }

  private writeArray(items: readonly unknown[], depth: number): void {
    this.append("[");
    for (let index = 0; index < items.length && !this.full; index++) {
      if (index > 0) this.append(",");
      this.write(
        readSafely(() => items[index]),
        depth + 1,
      );
    }
    this.append("]");
  }

  private writeObject(object: object, depth: number): void {
    this.append("{");
    let first = true;
    for (const key of readSafely(() => Object.keys(object)) ?? []) {
      if (this.full) break;
      const item = readSafely(
        () => (object as Record<string, unknown>)[key],
        UNREADABLE,
      );
      if (item === undefined || typeof item === "function") continue;
      if (!first) this.append(",");
      first = false;
      this.append(`${JSON.stringify(key)}:`);
      this.write(item === UNREADABLE ? "[unreadable]" : item, depth + 1);
    }
    this.append("}");
  }
}

const UNREADABLE = Symbol("unreadable");

function readSafely<T, F = undefined>(read: () => T, fallback?: F): T | F {
  try {
    return read();
  } catch {
    return fallback as F;
  }
}
