import type { CatalogEntry } from "../catalogs/catalog.js";
import type { LabelLookup } from "../parse/message-ast.js";

/** A placeholder of a message, in the form the translation checks compare. */
export interface MessagePlaceholder {
  /**
   * The argument it reads: `1` for `{1}`, `vm.name` for `{vm.name}` and
   * `count` for the MF2 variable `$count`. Translations are compared on this.
   */
  argument: string;
  /** The placeholder as written, such as `{field.@enum.TaskInfo.State}` or `$count`. */
  written: string;
  label?: LabelLookup;
  /** Offset into the message text, or undefined when it is not known. */
  offset?: number;
}

/** Lists the placeholders of a vSphere or MF2 message, in order. */
export function placeholdersOf(entry: CatalogEntry): MessagePlaceholder[] {
  return entry.mf2 ? mf2Placeholders(entry) : templatePlaceholders(entry);
}

function templatePlaceholders(entry: CatalogEntry): MessagePlaceholder[] {
  const placeholders: MessagePlaceholder[] = [];
  for (const part of entry.parts) {
    if (typeof part === "string") continue;
    const { argument } = part;
    const placeholder: MessagePlaceholder = {
      argument:
        argument.kind === "position"
          ? String(argument.index)
          : argument.path.join("."),
      written: part.source,
      offset: part.start,
    };
    if (part.label) placeholder.label = part.label;
    placeholders.push(placeholder);
  }
  return placeholders;
}

/**
 * Lists the variables an MF2 message reads from its arguments. The MF2
 * summary keeps their names without offsets, so the offset is that of the
 * first `$name` in the source that is not part of a longer name.
 */
function mf2Placeholders(entry: CatalogEntry): MessagePlaceholder[] {
  return (entry.mf2?.variables ?? []).map((name) => {
    const placeholder: MessagePlaceholder = {
      argument: name,
      written: `$${name}`,
    };
    const offset = findVariable(entry.text, name);
    if (offset !== undefined) placeholder.offset = offset;
    return placeholder;
  });
}

/** Characters that may continue an MF2 name, so `$a` does not match inside `$ab`. */
const NAME_CHAR = /[\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F-\u2040]/u;

function findVariable(text: string, name: string): number | undefined {
  const needle = `$${name}`;
  for (let index = text.indexOf(needle); index !== -1;) {
    const next = text[index + needle.length];
    if (next === undefined || !NAME_CHAR.test(next)) return index;
    index = text.indexOf(needle, index + 1);
  }
  return undefined;
}
