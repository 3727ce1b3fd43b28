/** Nodes of a parsed catalog message, as the generated parser returns them. */

/** `{1}`: the argument at a 1-based position. */
export interface PositionArgument {
  kind: "position";
  index: number;
  /** The index as an argument key, `"1"`. */
  key: string;
}

/** `{name}` or `{vm.name}`: an argument key followed by property names. */
export interface NameArgument {
  kind: "name";
  path: string[];
  /** The path as written, `"vm.name"`. */
  key: string;
}

/** `.@CATALOG.prefix`: read `prefix.<value>.label` from CATALOG. */
export interface LabelLookup {
  catalog: string;
  /** May contain dots; empty when the placeholder names no prefix. */
  prefix: string;
}

export interface Placeholder {
  type: "placeholder";
  /** The placeholder as written, braces included. */
  source: string;
  /** Offsets into the message text, in UTF-16 code units. */
  start: number;
  end: number;
  argument: PositionArgument | NameArgument;
  label?: LabelLookup;
}

/** Literal text (escapes already decoded) or a placeholder. */
export type MessagePart = string | Placeholder;
