/**
 * Typed reading of a YAML configuration document, so every problem is
 * reported with the file, line and column of the value and the dotted
 * path of the field (`users[1].privileges[0]`).
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type YAMLMap,
} from "yaml";

/** An invalid configuration, located at `file:line:column`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The dotted path of the bad field; empty for the whole document. */
    readonly field: string,
    readonly reason: string,
  ) {
    const what = field === "" ? "" : `'${field}': `;
    super(`${file}:${line}:${column}: ${what}${reason}`);
    this.name = "ConfigError";
  }
}

/** A YAML node with its field path, which reports errors at its position. */
export class ConfigNode {
  constructor(
    readonly source: ConfigSource,
    readonly node: Node | null,
    readonly path: string,
    /** Offset to report for a field that is missing: its parent's. */
    private readonly fallbackOffset: number,
  ) {}

  fail(reason: string): never {
    const offset = this.node?.range?.[0] ?? this.fallbackOffset;
    const { line, column } = this.source.position(offset);
    throw new ConfigError(this.source.file, line, column, this.path, reason);
  }

  get isMissing(): boolean {
    return this.node === null;
  }

  /** Returns the mapping's fields, and raises for an unknown field or a non-mapping. */
  fields(known: readonly string[]): Map<string, ConfigNode> {
    if (!isMap(this.node)) this.fail("expected a mapping of fields");
    const fields = new Map<string, ConfigNode>();
    for (const pair of (this.node as YAMLMap).items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const keyAt: ConfigNode = new ConfigNode(
        this.source,
        keyNode,
        this.path,
        this.offset(),
      );
      if (name === undefined) keyAt.fail("field names must be plain text");
      if (!known.includes(name)) {
        new ConfigNode(
          this.source,
          keyNode,
          this.join(name),
          this.offset(),
        ).fail(`unknown field; known fields are ${known.join(", ")}`);
      }
      fields.set(
        name,
        new ConfigNode(
          this.source,
          (pair.value as Node | null) ?? null,
          this.join(name),
          keyNode?.range?.[0] ?? this.offset(),
        ),
      );
    }
    return fields;
  }

  /** The field, or a missing node that reports at this mapping. */
  static field(
    fields: Map<string, ConfigNode>,
    parent: ConfigNode,
    name: string,
  ): ConfigNode {
    return (
      fields.get(name) ??
      new ConfigNode(parent.source, null, parent.join(name), parent.offset())
    );
  }

  items(): ConfigNode[] {
    if (!isSeq(this.node)) this.fail("expected a list");
    return this.node.items.map(
      (item, index) =>
        new ConfigNode(
          this.source,
          (item as Node | null) ?? null,
          `${this.path}[${index}]`,
          this.offset(),
        ),
    );
  }

  string(): string {
    if (!isScalar(this.node) || typeof this.node.value !== "string") {
      this.fail(
        this.isMissing ? "missing; give a text value" : "expected text",
      );
    }
    return this.node.value as string;
  }

  number(): number {
    if (!isScalar(this.node) || typeof this.node.value !== "number") {
      this.fail(
        this.isMissing ? "missing; give a number" : "expected a number",
      );
    }
    return this.node.value as number;
  }

  private offset(): number {
    return this.node?.range?.[0] ?? this.fallbackOffset;
  }

  private join(name: string): string {
    return this.path === "" ? name : `${this.path}.${name}`;
  }
}

/** One configuration file's text and line table. */
export class ConfigSource {
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  }

  /** Parses the document; raises a ConfigError for YAML syntax problems. */
  root(): ConfigNode {
    const document = parseDocument(this.text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
    });
    const [error] = document.errors;
    if (error) {
      const { line, column } = this.position(error.pos[0]);
      const reason = error.message.split("\n")[0] ?? error.message;
      throw new ConfigError(
        this.file,
        line,
        column,
        "",
        `invalid YAML: ${reason}`,
      );
    }
    return new ConfigNode(this, document.contents as Node | null, "", 0);
  }
}
