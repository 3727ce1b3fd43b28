import type { RenderContext } from "../render/render-context.js";
import type { RenderScope } from "../render/render-parts.js";

/** The render call an MF2 function runs in. */
export interface ActiveRender {
  scope: RenderScope;
  context: RenderContext;
}

let active: ActiveRender | undefined;

/**
 * Runs `format` with `render` as the active render. `MessageFormat`
 * instances are cached per entry and locale and shared by all sessions, so
 * the custom functions cannot close over one session's context. Instead
 * they read the active render, which is safe because formatting is
 * synchronous. Nested renders (`:msg`, `:label`) restore the outer one.
 */
export function withActiveRender<T>(render: ActiveRender, format: () => T): T {
  const previous = active;
  active = render;
  try {
    return format();
  } finally {
    active = previous;
  }
}

/** Returns the active render; throws when called outside `withActiveRender`. */
export function activeRender(): ActiveRender {
  if (!active) {
    throw new Error("an MF2 function ran outside of a locmsg render");
  }
  return active;
}
