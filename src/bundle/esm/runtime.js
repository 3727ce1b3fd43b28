// The shared helper module of `locmsg build --format esm` output, copied
// verbatim to OUT/runtime.js. The generated catalog modules turn every
// message into a plain function that calls the helpers below. Nothing is
// generated at run time (no eval, no Function constructor), so pages may
// load the output under a strict Content-Security-Policy.
//
// It renders with the text, fallbacks and diagnostic codes of the server
// renderer and of locmsg/browser (src/browser/), whose rules it follows
// line by line. test/bundle/esm-vectors.test.ts runs the shared vectors
// against it, as test/browser/vectors-node.test.ts does for the other two.
// It has no imports so that it can be copied as is.
//
// A catalog module maps each key to a string or to a factory `(c) => …`.
// A renderer calls the factory once per message it renders, with the
// message's context `c`: `{state, origin}`, the renderer's state and the
// `{key, catalog, locale}` that diagnostics name. The factory returns the
// message's render function `(a, f) => string`. The runtime calls it with
// the named arguments `a` (`{address: "10.0.0.1"}` for `{address}`, and
// `"1"` for `{1}`) and the `Frame` `f` of the render. A frame has the key
// being rendered, the frame of the message that looked it up (for `{1}`
// cycle and depth checks), the same arguments and the render's step
// budget. `format` builds the named arguments from a LocalizableMessage's
// `arg` list and keeps the list under the symbol `ARGUMENT_LIST`, so that
// `{1}` can fall back to the first argument by position.
//
// For a message whose placeholders allow it, the factory also sets
// `c.createFast`, which creates the fast function that `message(key)`
// returns to application code, with its tables. The fast function renders
// with property reads, `typeof` checks, table reads and string
// concatenation, as a hand-written template literal does, and hands any
// other call to `start`, which renders the whole message again with the
// helpers below. Such a call may thus read an argument twice. Application
// code and the runtime call different functions, so V8 keeps their type
// feedback apart: the feedback of a fast function covers only the
// argument objects of application code.
//
// The named arguments of a message function are the enumerable properties
// of the object, own or inherited (`for...in`), as for the server's message
// functions. A fast function reads a name that no object inherits from
// Object.prototype as a property (`a.address`) when `a.constructor` is
// Object: an object literal, or an object made from one with
// Object.create. `start` first copies any other object's enumerable
// properties to a plain object. This relies on Object.prototype having
// only its standard properties; a page that adds one
// (`Object.prototype.address = …`) makes such a read find it.

/**
 * The state of the renderer whose call is running. Rendering is
 * synchronous, so each public method and `start` install their
 * renderer's state first.
 */
let state;

const EMPTY = Object.freeze({});
const NO_ARGS = Object.freeze([]);
/** The `arg` list that named arguments were built from, for `{1}` by position. */
const ARGUMENT_LIST = Symbol("locmsg arguments");
const NUMBER = {};
const PERCENT = { style: "percent" };
const LIST = { type: "unit", style: "short" };
const DATE_TIME = { dateStyle: "medium", timeStyle: "medium" };

// The server's default limits (src/limits.ts), which this runtime does not
// let callers change.
/** Placeholders and list items that one render may resolve (`maxRenderSteps`). */
const MAX_RENDER_STEPS = 100_000;
/** Characters of one string argument (`maxArgumentLength`). */
const MAX_ARGUMENT_LENGTH = 1_048_576;

// ---------------------------------------------------------------- state --

/** Returns the `Intl` formatter for the formatting locale and `options`, created once per renderer. */
function intl(Format, options) {
  let byOptions = state.formatters.get(Format);
  if (byOptions === undefined) {
    byOptions = new Map();
    state.formatters.set(Format, byOptions);
  }
  let formatter = byOptions.get(options);
  if (formatter === undefined) {
    const merged =
      Format === Intl.DateTimeFormat
        ? { timeZone: state.timeZone, ...options }
        : Format === Intl.PluralRules
          ? { ...options, type: options.select }
          : options;
    formatter = new Format(state.locale, merged);
    byOptions.set(options, formatter);
  }
  return formatter;
}

/**
 * Returns the message `key` of `catalog` from the first locale of the
 * chain that has it: a string, or its context with the render function of
 * its factory, created once per renderer. Undefined when no locale has it.
 */
function resolve(catalog, key) {
  const layers =
    catalog === "locmsg" ? state.locmsg : state.layers.get(catalog);
  if (layers === undefined) return undefined;
  let found = state.instances.get(catalog);
  if (found === undefined) {
    found = new Map();
    state.instances.set(catalog, found);
  }
  const known = found.get(key);
  if (known !== undefined) return known;
  for (let index = 0; index < layers.length; index++) {
    const message = layers[index].get(key);
    if (message === undefined) continue;
    const entry =
      typeof message === "string"
        ? message
        : instantiate(message, { key, catalog, locale: state.chain[index] });
    // Only keys that exist are kept, so the cache never outgrows the catalogs.
    found.set(key, entry);
    return entry;
  }
  return undefined;
}

/** Calls a message factory with a new context for `origin` and keeps its render function there. */
function instantiate(factory, origin) {
  const c = {
    state,
    origin,
    render: undefined,
    createFast: undefined,
    fast: undefined,
  };
  c.render = factory(c);
  return c;
}

/** Returns the engine's own message `key`, used when no `locmsg` catalog has it. */
function builtInMessage(key) {
  let entry = state.builtInFound.get(key);
  if (entry === undefined) {
    const message = state.builtIn.get(key);
    if (message === undefined) return undefined;
    entry =
      typeof message === "string"
        ? message
        : instantiate(message, { key, catalog: "locmsg" });
    state.builtInFound.set(key, entry);
  }
  return entry;
}

/**
 * Sends a diagnostic to `onDiagnostic`. The handler may render with
 * another renderer, so this renderer's state is installed again after it.
 */
function report(code, origin, message, severity) {
  const own = state;
  try {
    own.onDiagnostic?.({
      code,
      severity:
        severity ??
        (/^(missing-m|missing-l|invalid-a)/.test(code) ? "warning" : "error"),
      message,
      ...origin,
    });
  } finally {
    state = own;
  }
}

// --------------------------------------------------------------- frames --

/**
 * One message being rendered. `key` is undefined for the frame that a
 * public method starts a render with, which no message has yet.
 */
class Frame {
  constructor(key, parent, args, budget) {
    this.key = key;
    this.parent = parent;
    /** How many messages are being rendered, this one included. */
    this.depth = key === undefined ? 0 : 1;
    if (parent !== undefined) this.depth = parent.depth + 1;
    /** The named arguments, own properties only. */
    this.args = args;
    /** `{steps, exhausted}`, shared by every frame of one render. */
    this.budget = budget;
  }
}

/** Starts a render: a frame without a key and a new step budget. */
function startRender() {
  return new Frame(undefined, undefined, EMPTY, newBudget());
}

function newBudget() {
  return { steps: 0, exhausted: false };
}

/** Returns the frame of `key`, looked up by the message of `frame`. */
function push(frame, key, args) {
  return new Frame(key, frame, args, frame.budget);
}

function onStack(frame, key) {
  for (let item = frame; item !== undefined; item = item.parent) {
    if (item.key === key) return true;
  }
  return false;
}

/** Writes the keys being rendered and `key` as `a -> b -> key`. */
function stackPath(frame, key) {
  const keys = [key];
  for (let item = frame; item !== undefined; item = item.parent) {
    if (item.key !== undefined) keys.unshift(item.key);
  }
  return keys.join(" -> ");
}

/**
 * Renders the message of context `c` for a call from application code: a
 * new render with its own step budget, with the named arguments `args`.
 * Fast functions call it for anything they do not render themselves.
 */
export function start(c, args) {
  state = c.state;
  const frame = new Frame(
    c.origin.key,
    undefined,
    namedArguments(args ?? EMPTY),
    newBudget(),
  );
  return c.render(frame.args, frame);
}

/**
 * Counts one placeholder or list item against `MAX_RENDER_STEPS` and
 * returns false once the budget is spent, reporting that once per render.
 */
function takeStep(frame, origin) {
  const budget = frame.budget;
  if (++budget.steps <= MAX_RENDER_STEPS) return true;
  if (!budget.exhausted) {
    budget.exhausted = true;
    report("limit-exceeded", origin, `maxRenderSteps = ${MAX_RENDER_STEPS}`);
  }
  return false;
}

// --------------------------------------------------------------- values --

function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Unwraps one level of VI/JSON: wrapped numbers, dateTimes and booleans
 * become values, and an `ArrayOf…` its array.
 */
function unwrap(value) {
  // `in` first: it is much cheaper than Object.hasOwn, and false for most values.
  if (typeof value !== "object" || value === null || !("_value" in value)) {
    return value;
  }
  if (Array.isArray(value) || !Object.hasOwn(value, "_value")) return value;
  const type = value._typeName;
  const wrapped = value._value;
  if (typeof type !== "string") return value;
  if (typeof wrapped !== "string") return wrapped;
  if (/^(byte|short|int|long|float|double)$/.test(type)) return Number(wrapped);
  if (type === "dateTime" && !isNaN(Date.parse(wrapped))) {
    return new Date(wrapped);
  }
  return type === "boolean" ? wrapped === "true" : wrapped;
}

/** Cuts `text` to `maxLength` characters, marking the cut with "…". */
function cut(text, maxLength) {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}

/** Nesting deeper than this is written as "…" by `describeValue`. */
const MAX_NESTING = 32;
const UNREADABLE = Symbol("unreadable");

function readSafely(read, fallback) {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * Writes any value as JSON-like text for fallbacks and diagnostics, within
 * `maxLength` characters, as src/render/describe-value.ts does: BigInts
 * as numbers, dates in ISO 8601, a reference back to an enclosing object
 * as "[Circular]", a property whose getter throws as "[unreadable]".
 */
function describeValue(value, maxLength = 10_000) {
  if (typeof value === "string") return cut(value, maxLength);
  const parts = [];
  let length = 0;
  // True once text was left out: output that fills the bound exactly can
  // still have lost its closing brackets.
  let dropped = false;
  const ancestors = new Set();
  const append = (text) => {
    if (length + text.length > maxLength) dropped = true;
    if (length >= maxLength) return;
    parts.push(text);
    length += text.length;
  };
  const write = (item, depth) => {
    if (length >= maxLength) {
      dropped = true;
      return;
    }
    switch (typeof item) {
      case "string":
        append(depth === 0 ? item : JSON.stringify(item));
        return;
      case "number":
        append(Number.isFinite(item) ? String(item) : "null");
        return;
      case "bigint":
      case "boolean":
        append(String(item));
        return;
      case "undefined":
      case "function":
      case "symbol":
        append(depth === 0 ? typeof item : "null");
        return;
    }
    if (item === null) return append("null");
    if (item instanceof Date) {
      return append(
        isNaN(item.getTime()) ? "Invalid Date" : item.toISOString(),
      );
    }
    if (ancestors.has(item)) return append('"[Circular]"');
    if (depth >= MAX_NESTING) return append('"…"');
    ancestors.add(item);
    if (Array.isArray(item)) {
      append("[");
      for (let index = 0; index < item.length && length < maxLength; index++) {
        if (index > 0) append(",");
        write(
          readSafely(() => item[index]),
          depth + 1,
        );
      }
      append("]");
    } else {
      append("{");
      let first = true;
      for (const key of readSafely(() => Object.keys(item)) ?? []) {
        if (length >= maxLength) break;
        const property = readSafely(() => item[key], UNREADABLE);
        if (property === undefined || typeof property === "function") continue;
        if (!first) append(",");
        first = false;
        append(`${JSON.stringify(key)}:`);
        write(property === UNREADABLE ? "[unreadable]" : property, depth + 1);
      }
      append("}");
    }
    ancestors.delete(item);
  };
  try {
    write(value, 0);
  } catch {
    // A proxy whose traps throw can fail even the type checks.
    return "[unreadable]";
  }
  const text = parts.join("");
  return dropped ? `${text.slice(0, maxLength)}…` : text;
}

/**
 * Formats an argument value as text, as src/render/format-value.ts does.
 * `depth` counts the lists around the value, which stop at `maxDepth`.
 */
function formatValue(raw, frame, origin, depth = 0) {
  const value = unwrap(raw);
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return intl(Intl.NumberFormat, NUMBER).format(value);
    case "boolean":
      return `${value}`;
  }
  if (value instanceof Date) {
    if (!isNaN(+value))
      return intl(Intl.DateTimeFormat, DATE_TIME).format(value);
    report("invalid-argument", origin, "Invalid Date");
    return "Invalid Date";
  }
  if (Array.isArray(value)) return formatList(value, frame, origin, depth);
  if (isRecord(value)) {
    const type = value._typeName;
    if (
      typeof value.key === "string" &&
      (type === undefined
        ? "arg" in value || "message" in value
        : type === "LocalizableMessage")
    ) {
      const input = readMessage(value);
      if (!input) return describeValue(value);
      if (frame.depth < state.maxDepth) {
        return renderMessage(input.key, input.args, input.value, frame);
      }
      report("lookup-depth", origin, input.key);
      return input.key;
    }
    if (
      typeof value.value === "string" &&
      (type === "ManagedObjectReference" ||
        (Object.keys(value).length === 2 && typeof value.type === "string"))
    ) {
      return value.value;
    }
    const name = unwrap(value.name);
    if (typeof name === "string") return name;
  }
  // An object without a text form is described for the reader, briefly.
  const text = describeValue(value);
  report("invalid-argument", origin, cut(text, 200));
  return text;
}

/**
 * Formats a list with `Intl.ListFormat`. Each item takes a step, and a
 * list nested `maxDepth` deep is described instead, so lists that nest or
 * share items cannot make the text grow without bound.
 */
function formatList(items, frame, origin, depth) {
  if (depth >= state.maxDepth) return describeValue(items, MAX_ARGUMENT_LENGTH);
  const texts = [];
  for (const item of items) {
    if (!takeStep(frame, origin)) break;
    texts.push(formatValue(item, frame, origin, depth + 1));
  }
  return intl(Intl.ListFormat, LIST).format(texts);
}

/** Reads one argument item as `{key, value}`, or `{value}` when it has no key. */
function readArgumentItem(item) {
  const arg = unwrap(item);
  return isRecord(arg) &&
    typeof arg.key === "string" &&
    Object.hasOwn(arg, "value")
    ? { key: arg.key, value: arg.value }
    : { value: arg };
}

/** Sets `named[key]`, as an own property also for `__proto__`. */
function setNamed(named, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(named, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    named[key] = value;
  }
}

/**
 * Builds the named arguments of an `arg` list: the first argument with
 * each key wins, and the list stays under `ARGUMENT_LIST`.
 */
function toNamed(list) {
  const named = { [ARGUMENT_LIST]: list };
  // Backwards, so that the first argument with a key is written last.
  for (let index = list.length - 1; index >= 0; index--) {
    const item = unwrap(list[index]);
    if (
      isRecord(item) &&
      typeof item.key === "string" &&
      Object.hasOwn(item, "value")
    ) {
      setNamed(named, item.key, item.value);
    }
  }
  return named;
}

/**
 * Returns named arguments from application code as an object whose own
 * properties are the arguments. That is `args` itself when its prototype
 * is Object.prototype or null. Any other object is copied with its
 * enumerable properties, own or inherited (`for...in`), as the server's
 * message functions read them.
 */
function namedArguments(args) {
  const prototype = Object.getPrototypeOf(args);
  if (prototype === Object.prototype || prototype === null) return args;
  const named = {};
  for (const key in args) setNamed(named, key, args[key]);
  return named;
}

/**
 * Reads a LocalizableMessage `{key, arg, message}` or a VirtualMachineMessage
 * `{id, argument, text}` as its key, its raw `arg` list and the unwrapped
 * record; undefined when it is neither.
 */
function readMessage(raw) {
  const value = unwrap(raw);
  if (!isRecord(value)) return undefined;
  const key = unwrap(value.key ?? value.id);
  const args = unwrap(value.arg ?? value.argument ?? NO_ARGS);
  if (typeof key !== "string" || !Array.isArray(args)) return undefined;
  return { key, args, value };
}

/** Returns the `message` (or `text`) of a message record, which renders when no catalog has the key. */
function ownText(source) {
  const text =
    source === undefined ? undefined : unwrap(source.message ?? source.text);
  return typeof text === "string" ? text : undefined;
}

/**
 * Renders a message from the `locmsg` catalogs with the arguments of the
 * raw `arg` list `list`, looked up by the message of `frame`. An unknown
 * key renders the text of `source` (the message record), else `key (name
 * = value, …)` and `missing-message`.
 */
function renderMessage(key, list, source, frame) {
  const message = resolve("locmsg", key);
  if (message !== undefined) {
    if (typeof message === "string") return message;
    const args = toNamed(list);
    return message.render(args, push(frame, key, args));
  }
  const text = ownText(source);
  if (text) return text;
  report("missing-message", { key, catalog: "locmsg" }, key);
  const described = list
    .map(readArgumentItem)
    .map(
      ({ key, value }, index) =>
        `${key ?? index + 1} = ${describeValue(value, 1_000)}`,
    );
  return `${key || "(message without a key)"}${described.length ? ` (${described.join(", ")})` : ""}`;
}

/** Renders `key` of `catalog` in `frame`, which is that key's; undefined when no locale has it. */
function renderEntry(catalog, key, frame) {
  const message = resolve(catalog, key);
  if (message === undefined || typeof message === "string") return message;
  return message.render(frame.args, frame);
}

// ----------------------------------------------------------- arguments --

/** Returns an own property of the named arguments, or undefined. */
function own(args, key) {
  return Object.hasOwn(args, key) ? args[key] : undefined;
}

/**
 * `{1}`: the argument keyed `1`, else the first of the `arg` list by
 * position. Returns the raw value, not yet unwrapped.
 */
function at(args, position) {
  const value = own(args, position);
  if (value !== undefined) return value;
  const item = args[ARGUMENT_LIST]?.[position - 1];
  return item === undefined ? undefined : readArgumentItem(item).value;
}

/**
 * Reads an argument by name: the argument keyed `a.b`, else property `b`
 * of the argument keyed `a`. Returns the raw value of the last step, which
 * callers unwrap. Generated code reads a name that objects inherit, such
 * as `$constructor`, with it.
 */
export function argument(args, name) {
  const exact = own(args, name);
  if (unwrap(exact) != null || !name.includes(".")) return exact;
  const [first, ...path] = name.split(".");
  let value = own(args, first);
  for (const property of path) {
    const record = unwrap(value);
    value =
      isRecord(record) && Object.hasOwn(record, property)
        ? record[property]
        : undefined;
  }
  return value;
}

/** Reads a placeholder's value as `readArgument` of src/browser/render-parts.ts does. */
function readArgument(name, args) {
  return (
    unwrap(typeof name === "number" ? at(args, name) : argument(args, name)) ??
    undefined
  );
}

/**
 * Reads a placeholder's value, by name or position, from the frame's
 * arguments: unwrapped, undefined when missing. A string longer than
 * `MAX_ARGUMENT_LENGTH` is cut, as the server cuts it.
 */
function placeholderValue(frame, name, origin) {
  const value = readArgument(name, frame.args);
  if (typeof value !== "string" || value.length <= MAX_ARGUMENT_LENGTH) {
    return value;
  }
  report(
    "limit-exceeded",
    origin,
    `maxArgumentLength = ${MAX_ARGUMENT_LENGTH}`,
  );
  return value.slice(0, MAX_ARGUMENT_LENGTH);
}

/** Renders a present argument value as text; the placeholder after a diagnostic when it is missing. */
function insert(value, source, frame, origin) {
  if (value === undefined) {
    report("missing-argument", origin, source);
    return source;
  }
  return formatValue(value, frame, origin);
}

/** `{name}` and `{vm.name}`: the argument's value as text. */
export function text(c, frame, name, source) {
  if (!takeStep(frame, c.origin)) return source;
  const value = placeholderValue(frame, name, c.origin);
  return insert(value, source, frame, c.origin);
}

/** `{1}`: a string value that is a `locmsg` key renders that message with the same arguments. */
export function lookup(c, frame, position, source) {
  if (!takeStep(frame, c.origin)) return source;
  const value = placeholderValue(frame, position, c.origin);
  if (typeof value === "string") {
    return renderKeyLookup(value, frame, c.origin);
  }
  return insert(value, source, frame, c.origin);
}

/**
 * `{name.@CATALOG.prefix}`: `prefix.<value>.label` from CATALOG. `site` is
 * a constant `{catalog, prefix}` of the generated module.
 */
export function label(c, frame, name, source, site) {
  if (!takeStep(frame, c.origin)) return source;
  const value = placeholderValue(frame, name, c.origin);
  if (value === undefined) {
    report("missing-argument", c.origin, source);
    return source;
  }
  return renderLabel(site, value, frame, c.origin);
}

/**
 * Returns the labels of a `{catalog, prefix}` site that this renderer has
 * found: `texts` maps a value's text to a label without placeholders (an
 * object without a prototype, which generated code reads directly), and
 * `functions` to the function of any other label.
 */
function labelsOf(site) {
  const id = `${site.catalog}\n${site.prefix}`;
  let labels = state.labels.get(id);
  if (labels === undefined) {
    labels = { texts: Object.setPrototypeOf({}, null), functions: new Map() };
    state.labels.set(id, labels);
  }
  return labels;
}

/**
 * Returns the label texts of a site for the fast function of the message
 * of context `c`. The table is empty when `maxDepth` is below 2, or when
 * the message's own key has the form of a label key of the site. In both
 * cases a label could need a diagnostic (a depth or cycle error), which
 * only the helpers report.
 */
export function labelTexts(c, site) {
  state = c.state;
  const { key } = c.origin;
  const start = site.prefix ? `${site.prefix}.` : "";
  const labelKey = key.startsWith(start) && key.endsWith(".label");
  if (state.maxDepth < 2 || labelKey) return NO_LABELS;
  return labelsOf(site).texts;
}

const NO_LABELS = Object.freeze(Object.setPrototypeOf({}, null));

/**
 * Renders a label as a lookup, as the server does: a label may hold
 * placeholders, even one that reaches the same label again, so its key
 * counts for cycles and `maxDepth`.
 */
function renderLabel(site, value, frame, origin) {
  const text = formatValue(value, frame, origin);
  const { catalog, prefix } = site;
  const key = `${prefix ? `${prefix}.` : ""}${text}.label`;
  const labels = labelsOf(site);
  // Only labels that exist are kept, so the tables never outgrow the catalogs.
  let found = labels.texts[text] ?? labels.functions.get(text);
  if (found === undefined) {
    if (!state.catalogs.has(catalog)) {
      report("missing-catalog", origin, catalog);
      return text;
    }
    found = resolve(catalog, key);
    if (found === undefined) {
      report("missing-label", origin, key);
      return text;
    }
    if (typeof found === "string") labels.texts[text] = found;
    else labels.functions.set(text, found);
  }
  if (!nests(key, frame, origin)) return text;
  if (typeof found === "string") return found;
  return found.render(frame.args, push(frame, key, frame.args));
}

/**
 * Returns the `locmsg` keys of the chain for the `{1}` fast path of
 * generated code, built once per renderer. Index N has an object without
 * a prototype that maps each key of N characters to its text when the
 * message is plain text, else to 0, and a string that the table lacks is
 * no key. Every key maps to 0 when `maxDepth` is below 2, because a lookup
 * from a message function then goes deeper than `maxDepth`.
 */
export function lookupTable(c) {
  state = c.state;
  if (state.lookupTable === undefined) {
    const table = [];
    const texts = state.maxDepth > 1;
    for (const layer of state.locmsg) {
      for (const [key, message] of layer) {
        let sameLength = table[key.length];
        if (sameLength === undefined) {
          sameLength = Object.setPrototypeOf({}, null);
          table[key.length] = sameLength;
        }
        // The first locale of the chain with the key wins.
        if (sameLength[key] === undefined) {
          sameLength[key] = texts && typeof message === "string" ? message : 0;
        }
      }
    }
    state.lookupTable = table;
  }
  return state.lookupTable;
}

/** `{1}`: a `locmsg` key renders that message with the same arguments. */
function renderKeyLookup(key, frame, origin) {
  const message = resolve("locmsg", key);
  if (message === undefined) return key;
  if (onStack(frame, key)) {
    report("lookup-cycle", origin, stackPath(frame, key));
  } else if (frame.depth >= state.maxDepth) {
    report("lookup-depth", origin, key);
  } else if (typeof message === "string") {
    return message;
  } else {
    return message.render(frame.args, push(frame, key, frame.args));
  }
  return key;
}

// ------------------------------------------------------------------ MF2 --
//
// An MF2 message compiles to a function whose declarations, selection and
// variants are code. Each expression calls `mf2Value` with its compiled
// form from docs/bundles.md (`{x, f, o, src}`, plus `n` for `$argN`),
// which returns a resolved value `[value, text, kind, options]` or
// undefined after one diagnostic. `kind` is the way the value selects a
// variant: 0 never, 1 by exact text, 2 as a number. MF2 expressions take
// no steps, as in the server; list values in them do.

function exact(text) {
  return [text, text, 1, undefined];
}

/** Reports a lookup cycle or too deep a nesting; true when `key` may render. */
function nests(key, frame, origin) {
  if (onStack(frame, key)) {
    report("lookup-cycle", origin, stackPath(frame, key));
  } else if (frame.depth >= state.maxDepth) {
    report("lookup-depth", origin, key);
  } else {
    return true;
  }
  return false;
}

/**
 * Resolves an MF2 expression. `operand` is the resolved value of the
 * declared variable that a `$name` operand names, or the raw value of an
 * argument operand as generated code read it from the frame's arguments.
 */
export function mf2Value(c, frame, expression, operand) {
  const { x, f } = expression;
  const options = expression.o ?? EMPTY;
  const origin = c.origin;
  let value;
  if ("|" in x) {
    value = x["|"];
  } else if ("$" in x) {
    if (!operand || !f) return operand;
    value = operand[0];
  } else {
    value =
      unwrap(operand) ??
      (expression.n ? readArgument(expression.n, frame.args) : undefined);
    if (value === undefined) {
      report("missing-argument", origin, `{$${x.a}}`);
      return undefined;
    }
  }

  if (f === "number" || f === "integer") {
    let number = value;
    if (typeof number === "string") {
      try {
        number = JSON.parse(number);
      } catch {
        // Not numeric; reported below.
      }
    }
    if (typeof number === "number" || typeof number === "bigint") {
      if (f === "integer" && Number.isFinite(number)) {
        number = Math.round(number);
      }
      return [
        number,
        intl(Intl.NumberFormat, options).format(number),
        2,
        options,
      ];
    }
  } else if (f === "datetime") {
    const date =
      typeof value === "string" || typeof value === "number"
        ? new Date(value)
        : value;
    if (date instanceof Date && !isNaN(+date)) {
      return [
        date,
        intl(Intl.DateTimeFormat, options).format(date),
        0,
        options,
      ];
    }
  } else if (f === "label") {
    const catalog = `${options.catalog}`;
    const text = formatValue(value, frame, origin);
    const key = `${options.prefix ? `${options.prefix}.` : ""}${text}.label`;
    if (!state.catalogs.has(catalog)) {
      report("missing-catalog", origin, catalog);
    } else if (!resolve(catalog, key)) {
      report("missing-label", origin, key);
    } else if (nests(key, frame, origin)) {
      return exact(renderEntry(catalog, key, push(frame, key, frame.args)));
    }
    return undefined;
  } else if (f === "msg") {
    if (typeof value !== "string") {
      return exact(formatValue(value, frame, origin));
    }
    if (!resolve("locmsg", value) || nests(value, frame, origin)) {
      return exact(renderKeyLookup(value, frame, origin));
    }
    return undefined;
  } else {
    // The server passes values other than objects to MF2 as they are, which
    // writes a Symbol or a function with `String`.
    return exact(
      typeof value === "symbol" ||
        typeof value === "function" ||
        (f === "string" && typeof value !== "object")
        ? String(value)
        : formatValue(value, frame, origin),
    );
  }
  report("invalid-argument", origin, expression.src, "error");
  return undefined;
}

/** Returns the text of a resolved value, or MF2's fallback `source` when it failed. */
export function mf2Text(value, source) {
  return value === undefined ? source : value[1];
}

/**
 * Returns the variant key a resolved selector picks from `keys` (the
 * variants' keys other than `*`): the exact value first, then its plural
 * category, else 0 for `*`.
 */
export function mf2Select(value, keys) {
  if (value === undefined) return 0;
  const [raw, text, kind, options] = value;
  if (kind === 1) {
    const normalized = text.normalize();
    return keys.includes(normalized) ? normalized : 0;
  }
  if (kind !== 2) return 0;
  const key = `${raw}`;
  if (keys.includes(key)) return key;
  if (options.select === "exact") return 0;
  const category = intl(Intl.PluralRules, options).select(Number(raw));
  return keys.includes(category) ? category : 0;
}

/**
 * Returns the `Intl.NumberFormat` that `mf2Value` formats the `:number`
 * or `:integer` expression `expression` with, for generated fast paths.
 */
export function mf2NumberFormat(c, expression) {
  state = c.state;
  return intl(Intl.NumberFormat, expression.o ?? EMPTY);
}

/** Returns the `Intl.PluralRules` that `mf2Select` selects the plural category of `expression` with. */
export function mf2PluralRules(c, expression) {
  state = c.state;
  return intl(Intl.PluralRules, expression.o ?? EMPTY);
}

// ----------------------------------------------------------- task info --

/** `<id>.label` or `.summary` from a catalog; the id's last segment when missing. */
function describe(catalog, id, field, root) {
  const key = `${id}.${field}`;
  const text = renderEntry(catalog, key, push(root, key, EMPTY));
  if (text !== undefined) return text;
  report("missing-label", { key, catalog }, key);
  return id.slice(id.lastIndexOf(".") + 1) || id;
}

/** Turns an object's properties into an `arg` list, as events and the engine pass them. */
function toArguments(object) {
  return Object.entries(object).map(([key, value]) => ({ key, value }));
}

/** Renders one of the engine's `locmsg.taskInfo.*` messages with named arguments. */
function engineMessage(name, root, values = EMPTY) {
  const key = `locmsg.taskInfo.${name}`;
  const args = toNamed(toArguments(values));
  const frame = push(root, key, args);
  const text = renderEntry("locmsg", key, frame);
  if (text !== undefined) return text;
  const message = builtInMessage(key) ?? key;
  return typeof message === "string" ? message : message.render(args, frame);
}

/** `InvalidArgument` -> `Invalid argument`, as the server words a fault type. */
function humanize(type) {
  return type
    .replace(/^(vim\.fault\.|vmodl\.fault\.)/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]{2,})([A-Z][a-z])/g, "$1 $2")
    .split(" ")
    .map((word, index) =>
      index && !/^[A-Z0-9]+$/.test(word) ? word.toLowerCase() : word,
    )
    .join(" ");
}

function renderReason(reason, root) {
  if (!reason) return undefined;
  const text = describe(
    "enum",
    `TaskReason.${reason._typeName}`,
    "label",
    root,
  );
  for (const [name, argument] of [
    ["User", "userName"],
    ["Alarm", "alarmName"],
    ["Schedule", "scheduledTaskName"],
  ]) {
    if (reason[argument] !== undefined) {
      return engineMessage(`reason${name}`, root, {
        reason: text,
        [argument]: reason[argument],
      });
    }
  }
  return text;
}

function renderError(error, root) {
  if (!error) return undefined;
  const text = error.localizedMessage;
  if (typeof text === "string" && text.trim()) return text;
  const type = error.fault._typeName;
  const name = typeof type === "string" ? type : "MethodFault";
  return renderEntry("fault", `${name}.summary`, root) ?? humanize(name);
}

function renderDescription(description, root) {
  if (!description) return undefined;
  const input = readMessage(description);
  if (input) return renderMessage(input.key, input.args, input.value, root);
  report("invalid-input", undefined, "description");
  return undefined;
}

const TIMES = ["queueTime", "startTime", "completeTime"];

/**
 * Renders a TaskInfo, plain or VI/JSON (its fields are unwrapped first),
 * field by field as the server does it, in one render with one step
 * budget. The task is trusted to have the shape the server's
 * `readTaskInfo` checks, because it comes from the server.
 */
function renderTask(wire) {
  const root = startRender();
  const task = {};
  for (const name in wire) task[name] = unwrap(wire[name]);
  const stateId = `TaskInfo.State.${task.state}`;
  const info = {
    key: task.key,
    name: describe("task", task.descriptionId, "label", root),
    summary: describe("task", task.descriptionId, "summary", root),
    state: describe("enum", stateId, "label", root),
    stateSummary: describe("enum", stateId, "summary", root),
    cancelled: task.cancelled === true,
    description: renderDescription(task.description, root),
    entityName: task.entityName,
    reason: renderReason(task.reason, root),
    progress:
      task.state === "running" && task.progress !== undefined
        ? intl(Intl.NumberFormat, PERCENT).format(task.progress / 100)
        : undefined,
  };
  for (const name of TIMES) {
    if (task[name] !== undefined) {
      info[name] = intl(Intl.DateTimeFormat, DATE_TIME).format(
        new Date(task[name]),
      );
    }
  }
  info.error = renderError(task.error, root);

  const fields = [
    info.name,
    info.description,
    info.entityName,
    info.progress === undefined
      ? info.state
      : engineMessage("progress", root, {
          state: info.state,
          percent: info.progress,
        }),
    info.cancelled && engineMessage("cancelled", root),
    info.reason,
    ...TIMES.map(
      (name) => info[name] && engineMessage(name, root, { time: info[name] }),
    ),
    info.error !== undefined &&
      engineMessage("error", root, { error: info.error }),
  ];
  info.line = fields.filter(Boolean).join(" | ");
  return info;
}

function renderEvent(event, format) {
  const value = unwrap(event);
  const type = isRecord(value) && (value.eventTypeId ?? value._typeName);
  if (typeof type !== "string") invalidInput("event");
  const list = toArguments(value);
  const args = toNamed(list);
  const root = startRender();
  for (const field of new Set([format, "fullFormat"])) {
    const key = `${type}.${field}`;
    const text = renderEntry("event", key, push(root, key, args));
    if (text !== undefined) return text;
  }
  const text = value.fullFormattedMessage;
  return typeof text === "string" && text
    ? text
    : renderMessage(`${type}.${format}`, list, undefined, root);
}

// -------------------------------------------------------------- locales --

/** `zh_cn` -> `zh-CN`; throws a RangeError for an invalid tag. */
function toBcp47(locale) {
  return Intl.getCanonicalLocales(locale.replace(/_/g, "-"))[0];
}

/**
 * Returns the catalog locale for a requested locale, from the server's
 * CLDR language matching that the build stored in `languageMatches`.
 */
function matchMessageLocale(requested, manifest) {
  const locale = new Intl.Locale(toBcp47(requested));
  // A catalog for exactly the requested language and region wins, as in the
  // server's matcher; this also finds languages CLDR cannot maximize (tlh).
  const exact = locale.region
    ? `${locale.language}_${locale.region}`
    : locale.language;
  if (!locale.script && manifest.locales.includes(exact)) return exact;
  const { language, script, region } = locale.maximize();
  const matches = manifest.languageMatches;
  // Keys contain '-', so no key is an Object.prototype property.
  return (
    matches[`${language}-${script}-${region}`] ??
    matches[`${language}-${script}`] ??
    manifest.defaultLocale
  );
}

/** Lists the locales searched for a key: the match, its language, the default. */
function messageLocaleChain(messageLocale, manifest) {
  const chain = [messageLocale];
  const language = messageLocale.split("_")[0];
  if (language !== messageLocale && manifest.locales.includes(language)) {
    chain.push(language);
  }
  if (!chain.includes(manifest.defaultLocale)) {
    chain.push(manifest.defaultLocale);
  }
  return chain;
}

/** Returns the BCP 47 formatting locale and the message locale chain for `options`. */
export function resolveLocales(manifest, options = {}) {
  const locale = toBcp47(options.locale || manifest.defaultLocale);
  const chain =
    options.chain ??
    messageLocaleChain(matchMessageLocale(locale, manifest), manifest);
  return { locale, chain };
}

// ----------------------------------------------------------------- API --

/** Throws an error with the code the server's Session uses for unusable input. */
function invalidInput(subject) {
  throw Object.assign(new TypeError(`invalid ${subject}`), {
    code: "invalid-input",
  });
}

/**
 * Creates a renderer from the generated manifest and catalog modules, of
 * which those of the chain suffice. Each module has `locale`, `catalog`
 * and `messages`, a Map from key to string or message factory.
 */
export function createLocmsg(manifest, modules, options = {}) {
  const { locale, chain } = resolveLocales(manifest, options);
  const layers = new Map();
  for (const name of manifest.catalogs) {
    const byLocale = chain.map(
      (code) =>
        modules.find(
          (module) => module.locale === code && module.catalog === name,
        )?.messages ?? EMPTY_MAP,
    );
    layers.set(name, byLocale);
  }
  const own = {
    layers,
    locmsg: layers.get("locmsg") ?? chain.map(() => EMPTY_MAP),
    catalogs: new Set(manifest.catalogs),
    builtIn: manifest.builtIn,
    chain,
    locale,
    timeZone: options.timeZone,
    maxDepth: options.maxDepth ?? 16,
    onDiagnostic: options.onDiagnostic,
    formatters: new Map(),
    /** The messages found so far, by catalog and key (see `resolve`). */
    instances: new Map(),
    builtInFound: new Map(),
    /** The label tables of `labelsOf`, by catalog and prefix. */
    labels: new Map(),
    /** The `{1}` table of `lookupTable`. */
    lookupTable: undefined,
  };

  return {
    locale,
    chain,
    format(message) {
      state = own;
      const input = readMessage(message);
      if (input === undefined) invalidInput("message");
      return renderMessage(input.key, input.args, input.value, startRender());
    },
    message(key) {
      state = own;
      if (typeof key !== "string") {
        throw Object.assign(
          new TypeError(
            `message key must be a string such as "com.vmware.locmsg.ipAddress", not ${describeValue(key, 100)}`,
          ),
          { code: "invalid-input" },
        );
      }
      const message = resolve("locmsg", key);
      if (typeof message === "string") return () => message;
      if (message !== undefined) {
        message.fast ??=
          message.createFast?.() ?? ((args) => start(message, args));
        return message.fast;
      }
      return (args) => {
        state = own;
        // Named arguments are enumerable properties, own or inherited.
        const list = [];
        for (const name in args ?? EMPTY) {
          list.push({ key: name, value: args[name] });
        }
        return renderMessage(key, list, undefined, startRender());
      };
    },
    formatEvent(event, format = "fullFormat") {
      state = own;
      return renderEvent(event, format);
    },
    renderTaskInfo(task) {
      state = own;
      return renderTask(task);
    },
    label(catalog, id, field = "label") {
      state = own;
      return describe(catalog, id, field, startRender());
    },
  };
}

const EMPTY_MAP = new Map();

/**
 * Imports the catalog modules of the locale chain with `loaders` (from the
 * generated index.js) and creates a renderer.
 */
export async function loadLocmsg(manifest, loaders, options = {}) {
  const { chain } = resolveLocales(manifest, options);
  const modules = await Promise.all(
    chain.flatMap((code) =>
      manifest.catalogs
        .filter((name) => Object.hasOwn(loaders, `${code}/${name}`))
        .map((name) => loaders[`${code}/${name}`]()),
    ),
  );
  return createLocmsg(manifest, modules, { ...options, chain });
}
