/**
 * Types and shared pieces of the compiled render path that message functions
 * (`Session.message`) use. A compiled message is a closure over its parsed
 * parts that renders the common cases (string, number and boolean values,
 * label lookups, `{1}` lookups, property paths, MF2 plurals) with plain
 * property reads and string concatenation.
 *
 * A closure returns `undefined` ("bail out") whenever a case needs more than
 * that: a missing or unusual value, a diagnostic, a limit. The caller then
 * renders the same message on the general path (src/render/), which gives
 * the text and reports the diagnostics. A closure changes nothing but
 * caches and the step count, so bailing out part way loses nothing, and its
 * result, when it returns one, equals the general path's (test/property/message-function.property.test.ts
 * compares the two on generated catalogs and arguments).
 */

/** Named arguments, as a message function receives them. */
export type Arguments = Record<string, unknown>;

/**
 * Renders a compiled message or placeholder, or returns undefined to hand
 * the render to the general path. `depth` counts nested lookups and labels,
 * starting at 1 for the top-level message.
 */
export type FastRender = (args: Arguments, depth: number) => string | undefined;

/** A compiled message: its text when it has no placeholder, else its closure. */
export type Compiled = string | FastRender;

/** A closure that always hands the render to the general path. */
export const BAIL_OUT: FastRender = () => undefined;

/**
 * Reports whether message functions may read `args` with property reads:
 * an object whose `constructor` is `Object` (an object literal, or one made
 * by `Object.create` from one) or that has a null prototype. The general
 * path then reads the same enumerable properties, own or inherited.
 */
export function hasPlainPrototype(args: unknown): args is object {
  if (typeof args !== "object" || args === null) return false;
  // Reading `constructor` cost about half as much as Object.getPrototypeOf
  // in a measurement with arguments of many shapes. An array, a Date or a class
  // instance has another constructor.
  const constructor = (args as { constructor?: unknown }).constructor;
  if (constructor === Object) return true;
  return constructor === undefined && Object.getPrototypeOf(args) === null;
}
