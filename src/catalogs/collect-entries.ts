import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { compileMf2 } from "../mf2/compile-mf2.js";
import { parseMessage } from "../parse/parse-message.js";
import { DEFAULT_LIMITS, describeLimit, type Limits } from "../limits.js";
import type { CatalogEntry } from "./catalog.js";
import type { FileDiagnostics } from "./file-diagnostics.js";
import { locateValueOffset, valueStartNote } from "./message-positions.js";
import type {
  NodePropertyTokens,
  Position,
  SourceText,
} from "./yaml-positions.js";

const STRING_TAG = "tag:yaml.org,2002:str";
/** Marks a value as a MessageFormat 2 message; see docs/mf2.md. */
const MF2_TAG = "!mf2";

/** The place of a node in the catalog document. */
type NodeRole = "root" | "key" | "value";

/**
 * Decides which explicit tags a node may carry. `!!str` only restates that
 * a scalar is text. `!mf2` marks a message value as MessageFormat 2, so it
 * is accepted on scalar values only, never on keys or mappings.
 */
function isAcceptedTag(tag: string, node: Node, role: NodeRole): boolean {
  if (!isScalar(node)) return false;
  return tag === STRING_TAG || (tag === MF2_TAG && role === "value");
}

/** A mapping key as written, with the dotted key it produces. */
interface KeyInfo {
  /** The key text as written in its mapping, such as `State.queued`. */
  written: string;
  /** The dotted key from the top of the document. */
  key: string;
  position: Position;
}

/**
 * Flattens the top-level mapping of a catalog document into entries keyed
 * by dotted message keys. Each problem is reported to `reporter`, and the
 * entry or subtree that has it is left out while the walk goes on.
 */
export class EntryCollector {
  readonly entries = new Map<string, CatalogEntry>();
  /** Key position of the first definition of each dotted key. */
  private readonly definitions = new Map<string, Position>();

  private keyLimitReported = false;

  constructor(
    private readonly source: SourceText,
    private readonly properties: NodePropertyTokens,
    private readonly reporter: FileDiagnostics,
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  /**
   * Checks the limits on one entry before it is added; reports and returns
   * false when the entry must be left out.
   */
  private withinLimits(
    key: KeyInfo,
    text: string,
    placeholders: number,
    at: Position,
  ): boolean {
    const { maxKeysPerCatalog, maxMessageLength, maxPlaceholders } =
      this.limits;
    if (this.entries.size >= maxKeysPerCatalog) {
      if (!this.keyLimitReported) {
        this.keyLimitReported = true;
        this.reporter.error(
          "limit-exceeded",
          describeLimit(
            "the number of keys",
            this.entries.size + 1,
            "maxKeysPerCatalog",
            maxKeysPerCatalog,
          ) + "; this key and the ones after it are left out",
          at,
          { key: key.key },
        );
      }
      return false;
    }
    if (text.length > maxMessageLength) {
      this.reporter.error(
        "limit-exceeded",
        describeLimit(
          `the length of message '${key.key}'`,
          text.length,
          "maxMessageLength",
          maxMessageLength,
        ),
        at,
        { key: key.key },
      );
      return false;
    }
    if (placeholders > maxPlaceholders) {
      this.reporter.error(
        "limit-exceeded",
        describeLimit(
          `the number of placeholders in '${key.key}'`,
          placeholders,
          "maxPlaceholders",
          maxPlaceholders,
        ),
        at,
        { key: key.key },
      );
      return false;
    }
    return true;
  }

  /** Checks the anchor and tag of the document's root node. */
  acceptRoot(node: Node): boolean {
    return this.checkProperties(
      node,
      "the top-level mapping",
      undefined,
      "root",
    );
  }

  collectMapping(map: YAMLMap<unknown, unknown>, prefix?: string): void {
    // Keys as written in this mapping, for duplicate detection.
    const keysInMapping = new Map<string, Position>();
    for (const pair of map.items) {
      const key = this.readKey(pair, map, prefix);
      if (!key) continue;

      const first = keysInMapping.get(key.written);
      if (first) {
        this.reporter.error(
          "duplicate-key",
          `duplicate key '${key.written}': it is already defined in this mapping at line ${first.line}, column ${first.column}; remove one of the definitions`,
          key.position,
          { key: key.key, related: this.reporter.locationOf(first) },
        );
        continue;
      }
      keysInMapping.set(key.written, key.position);
      this.collectValue(pair.value, key);
    }
  }

  /** Validates the key of `pair`. Returns undefined after reporting a problem. */
  private readKey(
    pair: Pair<unknown, unknown>,
    map: YAMLMap<unknown, unknown>,
    prefix: string | undefined,
  ): KeyInfo | undefined {
    const node = pair.key;
    // A missing key (`? ` with nothing after it) has no position of its own.
    const position =
      this.positionOf(node) ??
      this.positionOf(pair.value) ??
      this.positionOf(map) ??
      this.source.position(0);
    const where = prefix === undefined ? "" : ` under '${prefix}'`;

    if (isAlias(node)) {
      this.reporter.error(
        "yaml-alias",
        `alias '*${node.source}' as a key${where} is not supported in catalogs; write the key in full`,
        position,
        prefix === undefined ? {} : { key: prefix },
      );
      return undefined;
    }
    if (!isScalar(node)) {
      const found = node ? "a mapping or sequence" : "missing";
      this.reporter.error(
        "invalid-key",
        `invalid key${where}: the key is ${found}; write each message key as text before the ':'`,
        position,
        prefix === undefined ? {} : { key: prefix },
      );
      return undefined;
    }

    const written = String(node.value);
    const key = prefix === undefined ? written : `${prefix}.${written}`;
    if (!this.checkProperties(node, `key '${key}'`, key, "key")) {
      return undefined;
    }

    const problem = describeInvalidKey(written);
    if (problem) {
      this.reporter.error(
        "invalid-key",
        `invalid key '${written}'${where}: ${problem}`,
        position,
        { key },
      );
      return undefined;
    }
    return { written, key, position };
  }

  private collectValue(node: unknown, key: KeyInfo): void {
    if (isMap(node) && node.items.length === 0) {
      this.reporter.error(
        "non-string-value",
        `key '${key.key}' has an empty mapping as its value, so it defines no message; write the message as a string or remove the key`,
        this.positionOf(node) ?? key.position,
        { key: key.key },
      );
      return;
    }
    if (isMap(node)) {
      const subject = `the mapping of key '${key.key}'`;
      if (this.checkProperties(node, subject, key.key, "value")) {
        this.collectMapping(node, key.key);
      }
      return;
    }

    // Every other value defines the key, even one that is rejected below.
    const first = this.definitions.get(key.key);
    if (first) {
      this.reporter.error(
        "key-collision",
        `key '${key.key}' is defined twice: here and at line ${first.line}, column ${first.column}, where flat and nested keys produce the same dotted key; keep one definition`,
        key.position,
        { key: key.key, related: this.reporter.locationOf(first) },
      );
      return;
    }
    this.definitions.set(key.key, key.position);

    if (isAlias(node)) {
      this.reporter.error(
        "yaml-alias",
        `alias '*${node.source}' as the value of key '${key.key}' is not supported in catalogs; write the message in full`,
        this.positionOf(node),
        { key: key.key },
      );
      return;
    }
    if (isSeq(node) || isScalar(node)) {
      const subject = `the value of key '${key.key}'`;
      if (!this.checkProperties(node, subject, key.key, "value")) return;
    }
    if (isSeq(node)) {
      this.reporter.error(
        "non-string-value",
        `key '${key.key}' has a sequence as its value; write the message as one string`,
        this.positionOf(node),
        { key: key.key },
      );
      return;
    }
    if (!isScalar(node) || isMissingValue(node)) {
      this.reporter.error(
        "non-string-value",
        `key '${key.key}' has no value, which YAML reads as null; write '' for an empty message`,
        key.position,
        { key: key.key },
      );
      return;
    }
    this.addEntry(key, node);
  }

  private addEntry(key: KeyInfo, node: Scalar): void {
    if (node.tag === MF2_TAG) {
      this.addMf2Entry(key, node);
      return;
    }
    const text = String(node.value);
    const start = this.positionOf(node) ?? key.position;
    if (!this.withinLimits(key, text, 0, start)) return;
    const parsed = parseMessage(text);
    if (parsed.ok) {
      const placeholders =
        parsed.parts.length -
        parsed.parts.filter((part) => typeof part === "string").length;
      if (!this.withinLimits(key, text, placeholders, start)) return;
      this.entries.set(key.key, {
        key: key.key,
        text,
        parts: parsed.parts,
        file: this.reporter.file,
        line: start.line,
        column: start.column,
      });
      return;
    }

    const { error } = parsed;
    const at = locateValueOffset(node, text, error.offset, this.source);
    const inside = at.exact ? "" : valueStartNote(error.line, error.column);
    this.reporter.error(
      "template-syntax",
      `invalid message for key '${key.key}': ${error.message}${inside}`,
      at,
      { key: key.key },
    );
  }

  /**
   * Adds a value tagged `!mf2`: its text is MessageFormat 2 source, parsed
   * now and never again. A syntax error leaves the entry out.
   */
  private addMf2Entry(key: KeyInfo, node: Scalar): void {
    const text = String(node.value);
    const start = this.positionOf(node) ?? key.position;
    if (!this.withinLimits(key, text, 0, start)) return;
    const locate = (offset: number) =>
      locateValueOffset(node, text, offset, this.source);
    const compiled = compileMf2(text, locate);
    if (compiled.ok) {
      this.entries.set(key.key, {
        key: key.key,
        text,
        parts: [],
        mf2: compiled.mf2,
        file: this.reporter.file,
        line: start.line,
        column: start.column,
      });
      return;
    }

    const { error } = compiled;
    const at = locate(error.offset);
    const inside = at.exact ? "" : valueStartNote(error.line, error.column);
    this.reporter.error(
      "mf2-syntax",
      `invalid MessageFormat 2 message for key '${key.key}': ${error.message}${inside}`,
      at,
      { key: key.key },
    );
  }

  /**
   * Reports anchors and tags other than the accepted ones on `node`.
   * Returns false when the node has one, so its content is left out.
   */
  private checkProperties(
    node: Node,
    subject: string,
    key: string | undefined,
    role: NodeRole,
  ): boolean {
    const start = node.range?.[0] ?? 0;
    const details = key === undefined ? {} : { key };
    let accepted = true;
    if (node.anchor) {
      const offset = this.properties.anchorOffset(node.anchor, start);
      this.reporter.error(
        "yaml-anchor",
        `anchor '&${node.anchor}' on ${subject} is not supported in catalogs; remove it and write each message in full`,
        this.source.position(offset),
        details,
      );
      accepted = false;
    }
    if (node.tag !== undefined && !isAcceptedTag(node.tag, node, role)) {
      const token = this.properties.tagToken(node.tag, start);
      const written = token?.source ?? node.tag;
      const allowed = describeAllowedTags(node, role);
      this.reporter.error(
        "yaml-tag",
        `tag '${written}' on ${subject} is not supported (${allowed}); remove the tag`,
        this.source.position(token?.offset ?? start),
        details,
      );
      accepted = false;
    }
    return accepted;
  }

  private positionOf(node: unknown): Position | undefined {
    if (!node || typeof node !== "object" || !("range" in node)) {
      return undefined;
    }
    const range = (node as Node).range;
    return range ? this.source.position(range[0]) : undefined;
  }
}

/** Says which tags `node` may carry, for the error about one it may not. */
function describeAllowedTags(node: Node, role: NodeRole): string {
  if (!isScalar(node)) {
    return node.tag === MF2_TAG
      ? "a mapping or sequence takes no tag; put !mf2 on each message string"
      : "a mapping or sequence takes no tag";
  }
  return role === "value"
    ? "only !!str and !mf2 are allowed"
    : "only !!str is allowed";
}

/** `key:` with nothing after it: YAML's null, composed as an empty plain scalar. */
function isMissingValue(node: Scalar): boolean {
  return (
    node.type === Scalar.PLAIN && node.value === "" && node.tag === undefined
  );
}

/** Describes what is wrong with a key as written, or returns undefined. */
function describeInvalidKey(written: string): string | undefined {
  if (written === "") {
    return "the key is empty; write the message key before the ':'";
  }
  if (/\s/.test(written)) {
    return "keys must not contain whitespace; remove it";
  }
  if (written.split(".").includes("")) {
    return "a key is made of non-empty segments separated by single dots; remove the extra '.'";
  }
  return undefined;
}
