import type { Placeholder } from "../parse/message-ast.js";
import type { LabelTable } from "./label-table.js";
import type { MessageCompiler } from "./message-compiler.js";

/** `{name}` or `{vm.name}`: the value as text. */
export const VALUE = 0;
/** `{1}`: a `locmsg` key rendered, or else the value as text. */
export const LOOKUP = 1;
/** `{name.@catalog.prefix}`: the label of the value. */
export const LABEL = 2;

/** The kind of a compiled placeholder, which decides how it shows its argument. */
export type OpKind = typeof VALUE | typeof LOOKUP | typeof LABEL;

/**
 * A compiled placeholder. Every op has the same fields in the same order,
 * so all ops share one object shape whatever the kind.
 */
export interface PlaceholderOp {
  /** The compiler of the message, whose limits and tables the op uses. */
  compiler: MessageCompiler;
  kind: OpKind;
  /** The argument key as written: `address`, `1`, `vm.name`. */
  key: string;
  /** The first name of a property path, `vm`; equal to `key` otherwise. */
  first: string;
  /** The property names after the first, `["name"]`; empty for `{name}` and `{1}`. */
  rest: readonly string[];
  catalog: string;
  prefix: string;
  /** The label table, read on first use; null when no locale has the catalog. */
  table: LabelTable | null | undefined;
}

export function toPlaceholderOp(
  compiler: MessageCompiler,
  placeholder: Placeholder,
): PlaceholderOp {
  const { argument, label } = placeholder;
  const path = argument.kind === "name" ? argument.path : [argument.key];
  let kind: OpKind = VALUE;
  if (label) kind = LABEL;
  else if (argument.kind === "position") kind = LOOKUP;
  return {
    compiler,
    kind,
    key: argument.key,
    first: path[0]!,
    rest: path.slice(1),
    catalog: label?.catalog ?? "",
    prefix: label?.prefix ?? "",
    table: undefined,
  };
}
