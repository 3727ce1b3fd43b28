import type { CatalogEntry } from "../catalogs/catalog.js";
import { valueSourceOffset } from "../catalogs/value-source-offset.js";
import type { LintFile } from "./catalog-tree.js";
import type { LinePosition } from "./source-lines.js";

/** A source position, and whether it is exact or only the value start. */
export interface EntryPosition extends LinePosition {
  exact: boolean;
}

/**
 * Finds the source line and column of `offset`, an offset into the text of
 * `entry`, or the value start when the walk gives up or the file is unknown.
 */
export function locateInEntry(
  entry: CatalogEntry,
  offset: number,
  file: LintFile | undefined,
): EntryPosition {
  const start: EntryPosition = {
    line: entry.line ?? 1,
    column: entry.column ?? 1,
    exact: false,
  };
  if (!file || entry.line === undefined) return start;
  const source = file.source;
  const valueStart = source.offsetOf(start);
  if (valueStart === undefined) return start;

  const found = valueSourceOffset(source.text, valueStart, entry.text, offset);
  return found === undefined
    ? start
    : { ...source.position(found), exact: true };
}
