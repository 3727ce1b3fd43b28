import type { CST, LineCounter } from "yaml";

/** A 1-based line and column, with columns counted in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** Line and column lookups for offsets into one YAML source text. */
export class SourceText {
  constructor(
    readonly text: string,
    private readonly lineCounter: LineCounter,
  ) {}

  position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    // linePos returns line 0 for a source without newlines.
    return { line: Math.max(line, 1), column: col };
  }

  /** Returns the text of a 1-based line, without its line break. */
  lineText(line: number): string | undefined {
    const starts = this.lineCounter.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const next = starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }
}

/**
 * Offsets of the anchor (`&name`) and tag (`!tag`) tokens of a YAML stream.
 * The composed nodes keep the anchor name and the resolved tag but not where
 * they were written, so the loader finds that here.
 */
export class NodePropertyTokens {
  private readonly anchors: CST.SourceToken[] = [];
  private readonly tags: CST.SourceToken[] = [];

  constructor(tokens: readonly CST.Token[]) {
    for (const token of tokens) this.collect(token);
    this.anchors.sort((a, b) => a.offset - b.offset);
    this.tags.sort((a, b) => a.offset - b.offset);
  }

  /**
   * Offset of the `&name` token that belongs to the node starting at
   * `nodeStart`. Properties are written right before their node, so it is
   * the last such token before that offset.
   */
  anchorOffset(name: string, nodeStart: number): number {
    const source = `&${name}`;
    const matching = this.anchors.filter(
      (token) => token.source === source && token.offset < nodeStart,
    );
    return matching.at(-1)?.offset ?? nodeStart;
  }

  /**
   * Finds the tag token of the node that starts at `nodeStart` and carries
   * the resolved tag `tag`. That is the last token before the node written
   * as `tag`. When none matches, for example because a `%TAG` handle such as
   * `!e!name` is not resolved here, it is the last tag token before the node.
   */
  tagToken(
    tag: string,
    nodeStart: number,
  ): { offset: number; source: string } | undefined {
    const before = this.tags.filter((token) => token.offset < nodeStart);
    const matching = before.filter((token) => tagMatches(token.source, tag));
    const found = matching.at(-1) ?? before.at(-1);
    return found && { offset: found.offset, source: found.source };
  }

  private collect(token: CST.Token | null | undefined): void {
    if (!token) return;
    switch (token.type) {
      case "anchor":
        this.anchors.push(token);
        return;
      case "tag":
        this.tags.push(token);
        return;
      case "document":
        this.collectAll(token.start);
        this.collect(token.value);
        this.collectAll(token.end);
        return;
      case "block-scalar":
        this.collectAll(token.props);
        return;
      case "block-map":
      case "block-seq":
        for (const item of token.items) this.collectItem(item);
        return;
      case "flow-collection":
        for (const item of token.items) this.collectItem(item);
        return;
      default:
        return;
    }
  }

  private collectItem(item: CST.CollectionItem): void {
    this.collectAll(item.start);
    this.collect(item.key);
    this.collectAll(item.sep);
    this.collect(item.value);
  }

  private collectAll(tokens: readonly CST.Token[] | undefined): void {
    for (const token of tokens ?? []) this.collect(token);
  }
}

/** Checks whether a tag written as `source` resolves to `tag` without `%TAG` directives. */
function tagMatches(source: string, tag: string): boolean {
  if (source === tag || source === `!<${tag}>`) return true;
  return (
    source.startsWith("!!") && `tag:yaml.org,2002:${source.slice(2)}` === tag
  );
}
