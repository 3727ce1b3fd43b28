import type { CatalogEntry } from "../catalogs/catalog.js";
import { renderMf2Message } from "../mf2/render-mf2.js";
import type { RenderContext } from "./render-context.js";
import { renderParts, type RenderScope } from "./render-parts.js";

/**
 * Renders a catalog entry: a message tagged `!mf2` through `messageformat`,
 * any other through the vSphere template renderer.
 */
export function renderEntry(
  entry: CatalogEntry,
  scope: RenderScope,
  context: RenderContext,
): string {
  return entry.mf2
    ? renderMf2Message(entry.mf2, scope, context)
    : renderParts(entry.parts, scope, context);
}
