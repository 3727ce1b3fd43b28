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
// A compiled message is a string, or a function `(args, stack, origin)`.
// `args` has the named arguments as properties: `{address: "10.0.0.1"}`
// for `{address}`, and `"1"` for `{1}`. `format` builds it from a
// LocalizableMessage's `arg` list, and keeps the list under the symbol
// `ARGUMENT_LIST` so that `{1}` can fall back to the first argument by
// position. `stack` lists the keys being rendered, for `{1}` cycle and
// depth checks, and `origin` is `{key, catalog, locale}`, which
// diagnostics name.
//
// Arguments are read as own properties, as the other renderers read them.
// Generated code reads a name that no object inherits as a property
// (`a.address`), and `property` skips Object.hasOwn for plain objects.
// Both rely on Object.prototype having only its standard properties; a
// page that adds one (`Object.prototype.address = …`) makes such a read
// find it.

/**
 * The state of the renderer whose call is running. Rendering is
 * synchronous, so each public method installs its renderer's state first.
 */
let state;
/** The locale of the message that `find` returned last. */
let foundLocale;

const EMPTY = Object.freeze({});
const NO_ARGS = Object.freeze([]);
/** The `arg` list that named arguments were built from, for `{1}` by position. */
const ARGUMENT_LIST = Symbol("locmsg arguments");
const NUMBER = {};
const PERCENT = { style: "percent" };
const LIST = { type: "unit", style: "short" };
const DATE_TIME = { dateStyle: "medium", timeStyle: "medium" };

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

/** Finds a message in the locale chain and sets `foundLocale`; undefined when no locale has it. */
function find(catalog, key) {
  const layers =
    catalog === "locmsg" ? state.locmsg : state.layers.get(catalog);
  if (layers === undefined) return undefined;
  for (let index = 0; index < layers.length; index++) {
    const message = layers[index].get(key);
    if (message !== undefined) {
      foundLocale = state.chain[index];
      return message;
    }
  }
  return undefined;
}

function report(code, origin, message, severity) {
  state.onDiagnostic?.({
    code,
    severity:
      severity ??
      (/^(missing-m|missing-l|invalid-a)/.test(code) ? "warning" : "error"),
    message,
    ...origin,
  });
}

/** Renders a compiled message. */
function run(message, args, stack, origin) {
  return typeof message === "string" ? message : message(args, stack, origin);
}

/** Renders `key` of `catalog` from the locale chain; undefined when no locale has it. */
function renderEntry(catalog, key, args, stack) {
  const message = find(catalog, key);
  if (message === undefined) return undefined;
  if (typeof message === "string") return message;
  return message(args, stack, { key, catalog, locale: foundLocale });
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

function json(value) {
  try {
    return JSON.stringify(value) ?? `${value}`;
  } catch {
    return `${value}`;
  }
}

function formatValue(raw, stack, origin) {
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
  if (Array.isArray(value)) {
    return intl(Intl.ListFormat, LIST).format(
      value.map((item) => formatValue(item, stack, origin)),
    );
  }
  if (isRecord(value)) {
    const type = value._typeName;
    if (
      typeof value.key === "string" &&
      (type === undefined
        ? "arg" in value || "message" in value
        : type === "LocalizableMessage")
    ) {
      const input = readMessage(value);
      if (!input) return json(value);
      if (stack.length < state.maxDepth) {
        return renderMessage(input.key, input.args, input.value, stack);
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
  const text = json(value);
  report("invalid-argument", origin, text);
  return text;
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
      if (item.key === "__proto__") {
        Object.defineProperty(named, item.key, {
          value: item.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        named[item.key] = item.value;
      }
    }
  }
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
 * raw `arg` list `list`. An unknown key renders the text of `source` (the
 * message record), else `key (name = value, …)` and `missing-message`.
 */
function renderMessage(key, list, source, stack) {
  const message = find("locmsg", key);
  if (message !== undefined) {
    return typeof message === "string"
      ? message
      : message(toNamed(list), [...stack, key], {
          key,
          catalog: "locmsg",
          locale: foundLocale,
        });
  }
  const text = ownText(source);
  if (text) return text;
  report("missing-message", { key, catalog: "locmsg" }, key);
  const described = list
    .map(readArgumentItem)
    .map(
      ({ key, value }, index) =>
        `${key ?? index + 1} = ${
          typeof value === "string"
            ? value
            : value instanceof Date
              ? isNaN(+value)
                ? "Invalid Date"
                : value.toISOString()
              : json(value)
        }`,
    );
  return `${key || "(message without a key)"}${described.length ? ` (${described.join(", ")})` : ""}`;
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
export function at(args, position) {
  const value = args[position];
  if (value !== undefined || Object.hasOwn(args, position)) return value;
  const item = args[ARGUMENT_LIST]?.[position - 1];
  return item === undefined ? undefined : readArgumentItem(item).value;
}

/**
 * Reads an argument by name: the argument keyed `a.b`, else property `b`
 * of the argument keyed `a`. Returns the raw value of the last step, which
 * callers unwrap, as they do for a property read in generated code.
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

/** Reads `{vm.name}`, a name with one dot, which generated code passes as `property(a["vm.name"], a.vm, "name")`. */
export function property(exact, object, name) {
  if (exact !== undefined && unwrap(exact) != null) return exact;
  const record = unwrap(object);
  if (!isRecord(record)) return undefined;
  const value = record[name];
  if (value === undefined) return undefined;
  // A plain object's property `name` is its own (see the note at the top),
  // and this check is cheaper than Object.hasOwn.
  return Object.getPrototypeOf(record) === Object.prototype ||
    Object.hasOwn(record, name)
    ? value
    : undefined;
}

/** Reads a placeholder's value as `readArgument` of src/browser/render-parts.ts does. */
function readArgument(name, args) {
  return (
    unwrap(typeof name === "number" ? at(args, name) : argument(args, name)) ??
    undefined
  );
}

/** Renders a present argument value as text; the placeholder after a diagnostic when it is missing. */
function insert(value, source, stack, origin) {
  if (value === undefined) {
    report("missing-argument", origin, source);
    return source;
  }
  return formatValue(value, stack, origin);
}

/** `{name}` and `{vm.name}`: the argument's value (`raw`) as text. */
export function text(raw, source, stack, origin) {
  if (typeof raw === "string") return raw;
  return insert(unwrap(raw) ?? undefined, source, stack, origin);
}

/** `{1}`: a string value that is a `locmsg` key renders that message with the same arguments. */
export function lookup(raw, source, args, stack, origin) {
  const value = unwrap(raw) ?? undefined;
  if (typeof value === "string") {
    return renderKeyLookup(value, args, stack, origin);
  }
  return insert(value, source, stack, origin);
}

/**
 * `{name.@CATALOG.prefix}`: `prefix.<value>.label` from CATALOG. `site` is
 * a constant `{catalog, prefix}` of the generated module, under which the
 * labels found are kept for the renderer's later calls.
 */
export function label(raw, source, site, args, stack, origin) {
  const value = unwrap(raw) ?? undefined;
  if (value === undefined) {
    report("missing-argument", origin, source);
    return source;
  }
  return renderLabel(site, value, args, stack, origin);
}

function renderLabel(site, value, args, stack, origin) {
  const text = formatValue(value, stack, origin);
  // The site remembers the table of the renderer that used it last, which
  // saves a Map lookup while one renderer renders many messages.
  if (site.renderer !== state) {
    let table = state.labels.get(site);
    if (table === undefined) {
      table = new Map();
      state.labels.set(site, table);
    }
    site.renderer = state;
    site.table = table;
  }
  const found = site.table;
  // Only labels that exist are kept, so the table never outgrows the catalogs.
  let hit = found.get(text);
  if (hit === undefined) {
    const { catalog, prefix } = site;
    const key = `${prefix ? `${prefix}.` : ""}${text}.label`;
    if (!state.catalogs.has(catalog)) {
      report("missing-catalog", origin, catalog);
      return text;
    }
    const message = find(catalog, key);
    if (message === undefined) {
      report("missing-label", origin, key);
      return text;
    }
    hit =
      typeof message === "string"
        ? message
        : [message, { key, catalog, locale: foundLocale }];
    found.set(text, hit);
  }
  return typeof hit === "string" ? hit : hit[0](args, stack, hit[1]);
}

/** `{1}`: a `locmsg` key renders that message with the same arguments. */
function renderKeyLookup(key, args, stack, origin) {
  const message = find("locmsg", key);
  if (message === undefined) return key;
  if (stack.includes(key)) {
    report("lookup-cycle", origin, [...stack, key].join(" -> "));
  } else if (stack.length >= state.maxDepth) {
    report("lookup-depth", origin, key);
  } else {
    return typeof message === "string"
      ? message
      : message(args, [...stack, key], {
          key,
          catalog: "locmsg",
          locale: foundLocale,
        });
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
// variant: 0 never, 1 by exact text, 2 as a number.

function exact(text) {
  return [text, text, 1, undefined];
}

/** Reports a lookup cycle or too deep a nesting; true when `key` may render. */
function nests(key, stack, origin) {
  if (stack.includes(key)) {
    report("lookup-cycle", origin, [...stack, key].join(" -> "));
  } else if (stack.length >= state.maxDepth) {
    report("lookup-depth", origin, key);
  } else {
    return true;
  }
  return false;
}

/**
 * Resolves an MF2 expression. `operand` is the resolved value of the
 * declared variable that a `$name` operand names, or the raw value of an
 * argument operand as generated code read it.
 */
export function mf2Value(expression, operand, args, stack, origin) {
  const { x, f } = expression;
  const options = expression.o ?? EMPTY;
  let value;
  if ("|" in x) {
    value = x["|"];
  } else if ("$" in x) {
    if (!operand || !f) return operand;
    value = operand[0];
  } else {
    value =
      unwrap(operand) ??
      (expression.n ? readArgument(expression.n, args) : undefined);
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
    const text = formatValue(value, stack, origin);
    const key = `${options.prefix ? `${options.prefix}.` : ""}${text}.label`;
    if (!state.catalogs.has(catalog)) {
      report("missing-catalog", origin, catalog);
    } else if (!find(catalog, key)) {
      report("missing-label", origin, key);
    } else if (nests(key, stack, origin)) {
      return exact(renderEntry(catalog, key, args, [...stack, key]));
    }
    return undefined;
  } else if (f === "msg") {
    if (typeof value !== "string") {
      return exact(formatValue(value, stack, origin));
    }
    if (!find("locmsg", value) || nests(value, stack, origin)) {
      return exact(renderKeyLookup(value, args, stack, origin));
    }
    return undefined;
  } else {
    return exact(
      f === "string" && typeof value !== "object"
        ? `${value}`
        : formatValue(value, stack, origin),
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

// ----------------------------------------------------------- task info --

/** `<id>.label` or `.summary` from a catalog; the id's last segment when missing. */
function describe(catalog, id, field = "label") {
  const key = `${id}.${field}`;
  const text = renderEntry(catalog, key, EMPTY, [key]);
  if (text !== undefined) return text;
  report("missing-label", { key, catalog }, key);
  return id.slice(id.lastIndexOf(".") + 1) || id;
}

/** Turns an object's properties into an `arg` list, as events and the engine pass them. */
function toArguments(object) {
  return Object.entries(object).map(([key, value]) => ({ key, value }));
}

/** Renders one of the engine's `locmsg.taskInfo.*` messages with named arguments. */
function engineMessage(name, values = EMPTY) {
  const key = `locmsg.taskInfo.${name}`;
  const args = toNamed(toArguments(values));
  const text = renderEntry("locmsg", key, args, [key]);
  if (text !== undefined) return text;
  return run(state.builtIn.get(key) ?? key, args, [key], {
    key,
    catalog: "locmsg",
  });
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

function renderReason(reason) {
  if (!reason) return undefined;
  const text = describe("enum", `TaskReason.${reason._typeName}`);
  for (const [name, argument] of [
    ["User", "userName"],
    ["Alarm", "alarmName"],
    ["Schedule", "scheduledTaskName"],
  ]) {
    if (reason[argument] !== undefined) {
      return engineMessage(`reason${name}`, {
        reason: text,
        [argument]: reason[argument],
      });
    }
  }
  return text;
}

function renderError(error) {
  if (!error) return undefined;
  const text = error.localizedMessage;
  if (typeof text === "string" && text.trim()) return text;
  const type = error.fault._typeName;
  const name = typeof type === "string" ? type : "MethodFault";
  return renderEntry("fault", `${name}.summary`, EMPTY, []) ?? humanize(name);
}

function renderDescription(description) {
  if (!description) return undefined;
  const input = readMessage(description);
  if (input) return renderMessage(input.key, input.args, input.value, []);
  report("invalid-input", undefined, "description");
  return undefined;
}

const TIMES = ["queueTime", "startTime", "completeTime"];

/**
 * Renders a TaskInfo, plain or VI/JSON (its fields are unwrapped first),
 * field by field as the server does it. The task is trusted to have the
 * shape the server's `readTaskInfo` checks, because it comes from the
 * server.
 */
function renderTask(wire) {
  const task = {};
  for (const name in wire) task[name] = unwrap(wire[name]);
  const stateId = `TaskInfo.State.${task.state}`;
  const info = {
    key: task.key,
    name: describe("task", task.descriptionId),
    summary: describe("task", task.descriptionId, "summary"),
    state: describe("enum", stateId),
    stateSummary: describe("enum", stateId, "summary"),
    cancelled: task.cancelled === true,
    description: renderDescription(task.description),
    entityName: task.entityName,
    reason: renderReason(task.reason),
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
  info.error = renderError(task.error);

  const fields = [
    info.name,
    info.description,
    info.entityName,
    info.progress === undefined
      ? info.state
      : engineMessage("progress", {
          state: info.state,
          percent: info.progress,
        }),
    info.cancelled && engineMessage("cancelled"),
    info.reason,
    ...TIMES.map(
      (name) => info[name] && engineMessage(name, { time: info[name] }),
    ),
    info.error !== undefined && engineMessage("error", { error: info.error }),
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
  for (const field of new Set([format, "fullFormat"])) {
    const key = `${type}.${field}`;
    const text = renderEntry("event", key, args, [key]);
    if (text !== undefined) return text;
  }
  const text = value.fullFormattedMessage;
  return typeof text === "string" && text
    ? text
    : renderMessage(`${type}.${format}`, list, undefined, []);
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
 * and `messages`, a Map from key to compiled message.
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
    locmsg: layers.get("locmsg"),
    catalogs: new Set(manifest.catalogs),
    builtIn: manifest.builtIn,
    chain,
    locale,
    timeZone: options.timeZone,
    maxDepth: options.maxDepth ?? 16,
    onDiagnostic: options.onDiagnostic,
    formatters: new Map(),
    labels: new Map(),
  };

  return {
    locale,
    chain,
    format(message) {
      state = own;
      const input = readMessage(message);
      if (input === undefined) invalidInput("message");
      return renderMessage(input.key, input.args, input.value, NO_ARGS);
    },
    message(key) {
      state = own;
      const message = find("locmsg", key);
      if (typeof message === "string") return () => message;
      if (message === undefined) {
        return (args = EMPTY) => {
          state = own;
          return renderMessage(key, toArguments(args), undefined, NO_ARGS);
        };
      }
      const stack = [key];
      const origin = { key, catalog: "locmsg", locale: foundLocale };
      return (args) => {
        state = own;
        return message(args ?? EMPTY, stack, origin);
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
    label(catalog, id, field) {
      state = own;
      return describe(catalog, id, field);
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
