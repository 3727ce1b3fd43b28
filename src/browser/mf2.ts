/**
 * The MessageFormat 2 add-on of locmsg/browser. Bundles compile MF2 catalog
 * messages to `Mf2Message` parts, and the core renders them only when this
 * renderer is its `mf2` option, so pages without MF2 messages do not load it:
 *
 * ```js
 * import { loadLocmsg } from "locmsg/browser";
 * import { mf2 } from "locmsg/browser/mf2";
 * const locmsg = await loadLocmsg("/bundles/manifest.json", { locale: "de", mf2 });
 * ```
 */
export { renderMf2 as mf2 } from "./render-mf2.js";
