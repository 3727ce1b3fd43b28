import { MessageFormat } from "messageformat";
import type { Mf2Entry } from "../catalogs/catalog.js";
import type { RenderContext } from "../render/render-context.js";
import type { RenderScope } from "../render/render-parts.js";
import { withActiveRender } from "./active-render.js";
import { toMf2Params } from "./mf2-arguments.js";
import { createErrorHandler } from "./mf2-errors.js";
import { MF2_FUNCTIONS } from "./mf2-functions.js";

/**
 * Formatting locales per entry that keep a `MessageFormat` instance. Bounded
 * because locales come from clients; the oldest instance is dropped first.
 */
const MAX_LOCALES_PER_ENTRY = 16;

// Keyed by the entry, so instances go away with the catalogs that own them.
const instances = new WeakMap<Mf2Entry, Map<string, MessageFormat<string>>>();

/**
 * Returns the `MessageFormat` of an entry for a BCP 47 formatting locale.
 * An instance binds one locale, and creating one validates the message
 * again, so instances are created on first use and then reused. The message
 * itself was parsed when the catalog loaded.
 */
function formatterFor(mf2: Mf2Entry, locale: string): MessageFormat<string> {
  let byLocale = instances.get(mf2);
  if (!byLocale) {
    byLocale = new Map();
    instances.set(mf2, byLocale);
  }
  let formatter = byLocale.get(locale);
  if (!formatter) {
    // No bidi isolation marks: locmsg renders plain text, and the vSphere
    // template renderer inserts none either.
    formatter = new MessageFormat<string>(locale, mf2.message, {
      functions: MF2_FUNCTIONS,
      bidiIsolation: "none",
    });
    const oldest = byLocale.keys().next();
    if (byLocale.size >= MAX_LOCALES_PER_ENTRY && !oldest.done) {
      byLocale.delete(oldest.value);
    }
    byLocale.set(locale, formatter);
  }
  return formatter;
}

/**
 * Renders an MF2 catalog message in the context's formatting locale, with
 * the scope's arguments as variables (see `toMf2Params`). Errors follow the
 * policy in mf2-errors.ts.
 */
export function renderMf2Message(
  mf2: Mf2Entry,
  scope: RenderScope,
  context: RenderContext,
): string {
  const formatter = formatterFor(mf2, context.formatters.locale);
  const params = toMf2Params(scope, context);
  // messageformat 4.0.0 copies the variables into an ordinary object and
  // looks names up with `in`, so a missing `$constructor` or `$toString`
  // would find Object.prototype's function. Such names, when missing, are
  // set to undefined, which messageformat reports as unresolved.
  for (const name of mf2.variables) {
    if (!(name in params) && name in Object.prototype) params[name] = undefined;
  }
  const onError = createErrorHandler(scope, context);
  return withActiveRender({ scope, context }, () =>
    formatter.format(params, onError),
  );
}
