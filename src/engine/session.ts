import { DiagnosticCollector } from "../diagnostics/collector.js";
import {
  LocmsgError,
  type Diagnostic,
  type DiagnosticHandler,
} from "../diagnostics/diagnostic.js";
import {
  resolveLocale,
  type ResolvedLocale,
} from "../locales/locale-settings.js";
import { getFormatters, isValidTimeZone } from "../render/formatters.js";
import type { RenderBudget, RenderContext } from "../render/render-context.js";
import { renderMessage } from "../render/render-message.js";
import { renderEntry } from "../render/render-entry.js";
import { renderParts } from "../render/render-parts.js";
import {
  renderTaskInfo,
  type LocalizedTaskInfo,
} from "../render/render-task-info.js";
import { parseMessage } from "../parse/parse-message.js";
import { describeLimit } from "../limits.js";
import { describeValue } from "../render/describe-value.js";
import {
  readMessageInput,
  type MessageArgument,
  type MessageInput,
} from "../vsphere/localizable-message.js";
import { readTaskInfo } from "../vsphere/read-task-info.js";
import { decodeViJson, isRecord } from "../vsphere/vi-json.js";
import { compilerFor } from "../compile/compiler-cache.js";
import { callHandler, HandlerError } from "../diagnostics/handler-error.js";
import { hasPlainPrototype, type Compiled } from "../compile/fast-render.js";
import type { MessageCompiler } from "../compile/message-compiler.js";
import type { Locmsg } from "./locmsg.js";

/** Per-call options; each defaults to the engine's setting. */
export interface RenderOptions {
  /** Throw a `LocmsgError` at the first diagnostic instead of salvaging. */
  strict?: boolean;
  onDiagnostic?: DiagnosticHandler;
}

/**
 * Renders one `locmsg` catalog message with named arguments or positional
 * ones. Named arguments are an object's enumerable properties, and `{1}`
 * reads property `1`, else the first property. Positional ones are an array.
 */
export type MessageFunction = (
  args?: object,
  options?: RenderOptions,
) => string;

export interface SessionOptions {
  /** Locale as for `SetLocale`; the default locale when left out. */
  locale?: string;
  /** IANA time zone for dates; the process time zone when left out. */
  timeZone?: string;
}

/**
 * Records a diagnostic for the current render and returns false for a
 * repeat. A message that fails the same way in a loop is reported once.
 */
function firstReport(budget: RenderBudget, diagnostic: Diagnostic): boolean {
  const id = `${diagnostic.code}\u0000${diagnostic.key ?? ""}\u0000${diagnostic.message}`;
  if (budget.reported.has(id)) return false;
  budget.reported.add(id);
  return true;
}

/**
 * Runs a render, turning an error thrown while reading hostile input (a
 * getter or proxy trap that throws) into the engine's own `invalid-input`
 * error, so callers catch one error type.
 */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw renderError(error);
  }
}

/** Returns the error a render throws for `error`, as `guarded` describes. */
function renderError(error: unknown): unknown {
  if (error instanceof HandlerError) return error.original;
  if (error instanceof LocmsgError) return error;
  // V8 raises this RangeError when a string would pass its maximum length
  // (about 2^29 characters), as when many placeholders insert long values.
  if (error instanceof RangeError && /string length/i.test(error.message)) {
    return invalidInput(
      "the rendered text is longer than a JavaScript string can be; shorten the arguments, or lower limits.maxArgumentLength",
    );
  }
  const reason =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : describeValue(error, 200);
  return invalidInput(`failed to read the input (${reason}); pass plain data`);
}

function checkOptions(options: RenderOptions | undefined): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null) {
    throw invalidInput(
      "render options must be an object such as { strict: true }",
    );
  }
  if (
    options.onDiagnostic !== undefined &&
    typeof options.onDiagnostic !== "function"
  ) {
    throw invalidInput(
      "onDiagnostic must be a function that receives each diagnostic",
    );
  }
  if (options.strict !== undefined && typeof options.strict !== "boolean") {
    throw invalidInput("strict must be true or false");
  }
}

/** Reads one item of `formatTemplate`'s list: `{key, value}` or a bare value. */
function toTemplateArgument(item: unknown): MessageArgument {
  if (
    typeof item === "object" &&
    item !== null &&
    "key" in item &&
    "value" in item
  ) {
    const { key, value } = item as { key: unknown; value: unknown };
    return { key: typeof key === "string" ? key : String(key), value };
  }
  return { key: undefined, value: item };
}

function limitError(message: string): LocmsgError {
  return new LocmsgError([
    { code: "limit-exceeded", severity: "error", message },
  ]);
}

function invalidInput(message: string): LocmsgError {
  return new LocmsgError([
    { code: "invalid-input", severity: "error", message },
  ]);
}

/**
 * A user session's view of the catalogs, like a vSphere `UserSession`:
 * `setLocale` behaves as `SessionManager.SetLocale`, and every render uses
 * the session's message locale and formatting locale.
 */
export class Session {
  private resolved: ResolvedLocale;
  private zone: string | undefined;
  private cachedContext: RenderContext | undefined;
  /** The compiler of `compiledContext`, for `format` and message functions. */
  private cachedCompiler: MessageCompiler | undefined;
  private compiledContext: RenderContext | undefined;
  /** The locale as requested, resolved again when the catalogs change. */
  private requestedLocale: string | undefined;
  private generation: number;
  /** Renders running on this session; above 1 while one starts inside another. */
  private rendersInProgress = 0;

  constructor(
    private readonly engine: Locmsg,
    sessionOptions: SessionOptions | null = {},
  ) {
    const options = sessionOptions ?? {};
    if (typeof options !== "object") {
      throw invalidInput(
        'session options must be an object such as { locale: "de" }',
      );
    }
    if (options.locale !== undefined && typeof options.locale !== "string") {
      throw invalidInput(
        `the locale must be a string such as "de" or "zh-Hant-TW", not ${describeValue(options.locale, 100)}`,
      );
    }
    if (
      options.timeZone !== undefined &&
      typeof options.timeZone !== "string"
    ) {
      throw invalidInput(
        `the time zone must be a string such as "UTC", not ${describeValue(options.timeZone, 100)}`,
      );
    }
    this.resolved = resolveLocale(options.locale, engine.settings);
    this.requestedLocale = options.locale;
    this.generation = engine.generation;
    this.zone = undefined;
    if (options.timeZone !== undefined) this.setTimeZone(options.timeZone);
  }

  /** Changes the locale; raises `InvalidLocaleError` and keeps the old one when invalid. */
  setLocale(locale?: string): void {
    if (locale !== undefined && typeof locale !== "string") {
      throw invalidInput(
        `the locale must be a string such as "de", not ${describeValue(locale, 100)}`,
      );
    }
    this.resolved = resolveLocale(locale, this.engine.settings);
    this.requestedLocale = locale;
    this.cachedContext = undefined;
  }

  setTimeZone(timeZone: string): void {
    if (!isValidTimeZone(timeZone)) {
      throw invalidInput(
        `unknown time zone '${timeZone}'; use an IANA name such as UTC or Europe/Berlin`,
      );
    }
    this.zone = timeZone;
    this.cachedContext = undefined;
  }

  /**
   * Resolves the requested locale again after the engine's catalogs were
   * replaced; a locale the new catalogs no longer support falls back to the
   * default locale.
   */
  private refreshAfterReload(): void {
    this.generation = this.engine.generation;
    this.cachedContext = undefined;
    try {
      this.resolved = resolveLocale(this.requestedLocale, this.engine.settings);
    } catch {
      this.resolved = resolveLocale(undefined, this.engine.settings);
    }
  }

  private get current(): ResolvedLocale {
    if (this.generation !== this.engine.generation) this.refreshAfterReload();
    return this.resolved;
  }

  /** `UserSession.locale`: the requested locale in vSphere form. */
  get locale(): string {
    return this.current.locale;
  }

  /** `UserSession.messageLocale`: the catalog locale messages render in. */
  get messageLocale(): string {
    return this.current.messageLocale;
  }

  /** The BCP 47 tag numbers and dates are formatted with. */
  get formatLocale(): string {
    return this.current.formatLocale;
  }

  get timeZone(): string | undefined {
    return this.zone;
  }

  /** The message locales searched for each key, in order. */
  get localeChain(): readonly string[] {
    return this.current.chain;
  }

  /** Renders a LocalizableMessage (plain or VI/JSON). */
  format(message: unknown, options?: RenderOptions): string {
    return this.guarded(() => this.formatUnguarded(message, options));
  }

  private formatUnguarded(message: unknown, options?: RenderOptions): string {
    const input = readMessageInput(message);
    if (typeof input === "string") throw invalidInput(input);
    // Only a render outside every other render of this session takes the
    // compiled path. A fallback reads nested values again, so format calls
    // from getters would otherwise repeat that work at every level.
    if (options === undefined && this.rendersInProgress === 1) {
      const text = this.renderCompiled(input);
      if (text !== undefined) return text;
    }
    return this.renderInput(input, options);
  }

  /**
   * Renders a LocalizableMessage through the compiled closures when its
   * arguments all have distinct keys (so they can be named arguments), or
   * returns undefined for the general path.
   */
  private renderCompiled(input: MessageInput): string | undefined {
    const { args } = input;
    if (args.length > this.engine.limits.maxArguments) return undefined;
    const compiler = this.currentCompiler();
    const compiled = compiler.lookupKey(input.key);
    if (compiled === null) return undefined;
    if (typeof compiled === "string") return compiled;
    const named: Record<string, unknown> = Object.create(null);
    for (let index = 0; index < args.length; index++) {
      const { key, value } = args[index]!;
      // A positional argument, or a repeated key, which the general path
      // resolves by position and by first occurrence.
      if (key === undefined || key in named) return undefined;
      named[key] = value;
    }
    const steps = compiler.steps;
    compiler.steps = 0;
    try {
      return compiled(named, 1);
    } catch {
      // A getter that throws: the general path reports it.
      return undefined;
    } finally {
      compiler.steps = steps;
    }
  }

  /** Returns the compiler for the session's current locale, time zone and catalogs. */
  private currentCompiler(): MessageCompiler {
    const context = this.baseContext();
    const compiler = this.cachedCompiler;
    if (
      compiler !== undefined &&
      this.compiledContext === context &&
      compiler.revision === context.catalogs.revision
    ) {
      return compiler;
    }
    this.compiledContext = context;
    this.cachedCompiler = compilerFor(context);
    return this.cachedCompiler;
  }

  /** Renders a message read from a LocalizableMessage or a message function's arguments. */
  private renderInput(input: MessageInput, options?: RenderOptions): string {
    // The hottest entry point: it takes its context directly, without the
    // callback that withContext needs.
    const context = this.contextFor(options);
    const { maxArguments } = this.engine.limits;
    if (input.args.length > maxArguments) {
      context.report({
        code: "limit-exceeded",
        severity: "error",
        message: `${describeLimit(`the number of arguments of '${input.key}'`, input.args.length, "maxArguments", maxArguments)}; the extra arguments are ignored`,
        key: input.key,
      });
      input.args.length = maxArguments;
    }
    return renderMessage(input, context);
  }

  /**
   * Returns a function that renders the `locmsg` message `key` in this
   * session's current locale, like `format({key, arg})` with the same
   * fallbacks and diagnostics. The function compiles the message to a
   * closure on first use, so calls with strings, numbers, label lookups,
   * `{1}` lookups, property paths and common MF2 plurals do no parsing,
   * lookups by key or allocation of argument lists. Other calls, and calls
   * with options, render through `format`'s path.
   *
   * NOTE: the compiled path reads the properties a message names and does
   * not count the others, so `maxArguments` applies only where `format`'s
   * path renders (for example when a value is missing).
   */
  message(key: string): MessageFunction {
    if (typeof key !== "string") {
      throw invalidInput(
        `the message key must be a string such as "com.vmware.locmsg.taskState", not ${describeValue(key, 100)}`,
      );
    }
    const session = this;
    let context: RenderContext | undefined;
    let compiler: MessageCompiler | undefined;
    let compiled: Compiled | null = null;
    // One declared parameter, and `options` read from `arguments`: calling
    // a function with fewer arguments than it declares costs V8 extra work,
    // and message functions are mostly called with the arguments alone.
    return function (this: unknown, input?: object | unknown[]): string {
      if (new.target !== undefined) {
        throw new TypeError("a message function is not a constructor");
      }
      const args = input === undefined ? NO_ARGUMENTS : input;
      const options =
        arguments.length > 1
          ? (arguments[1] as RenderOptions | undefined)
          : undefined;
      if (options === undefined) {
        // Compiled again when the locale, time zone or catalogs change.
        if (
          compiler === undefined ||
          session.cachedContext !== context ||
          session.generation !== session.engine.generation ||
          compiler.revision !== context!.catalogs.revision
        ) {
          context = session.baseContext();
          compiler = compilerFor(context);
          compiled = compiler.lookupKey(key);
        }
        // Saved and restored, because reading an argument may run a getter
        // that renders another message with the same compiler.
        const steps = compiler.steps;
        compiler.steps = 0;
        let text: string | undefined;
        // One guard for the prototype check and the render. An error (a
        // revoked Proxy, a getter that throws, a stack overflow) is thrown as
        // the general path would report it, without reading the arguments
        // again. Message functions called from getters would otherwise retry
        // at every level, which is exponential in the depth.
        try {
          if (compiled !== null && hasPlainPrototype(args)) {
            text =
              typeof compiled === "string"
                ? compiled
                : compiled(args as Record<string, unknown>, 1);
          }
        } catch (error) {
          compiler.steps = steps;
          throw renderError(error);
        }
        compiler.steps = steps;
        if (text !== undefined) return text;
      }
      return session.renderArguments(key, args, options);
    };
  }

  /** Renders a message function's call through `format`'s path. */
  private renderArguments(
    key: string,
    args: unknown,
    options: RenderOptions | undefined,
  ): string {
    return this.guarded(() =>
      this.renderInput({ key, args: messageArguments(args) }, options),
    );
  }

  /**
   * Renders a template that is not in a catalog, such as an event's
   * `fullFormat`, with keyed arguments or an object whose properties are the
   * arguments (`{vm.name}` reads `event.vm.name`).
   */
  formatTemplate(
    template: string,
    args: readonly unknown[] | Record<string, unknown>,
    options?: RenderOptions,
  ): string {
    if (typeof template !== "string") {
      throw invalidInput(
        `the template must be a string, not ${describeValue(template, 100)}`,
      );
    }
    if (typeof args !== "object" || args === null) {
      throw invalidInput(
        `the arguments must be an array of {key, value} or an object, not ${describeValue(args, 100)}`,
      );
    }
    return this.guarded(() =>
      this.formatTemplateUnguarded(template, args, options),
    );
  }

  private formatTemplateUnguarded(
    template: string,
    args: readonly unknown[] | Record<string, unknown>,
    options?: RenderOptions,
  ): string {
    const { maxMessageLength, maxPlaceholders } = this.engine.limits;
    if (template.length > maxMessageLength) {
      throw limitError(
        describeLimit(
          "the template length",
          template.length,
          "maxMessageLength",
          maxMessageLength,
        ),
      );
    }
    const parsed = parseMessage(template);
    const placeholders = parsed.ok
      ? parsed.parts.filter((part) => typeof part !== "string").length
      : 0;
    if (placeholders > maxPlaceholders) {
      throw limitError(
        describeLimit(
          "the number of placeholders in the template",
          placeholders,
          "maxPlaceholders",
          maxPlaceholders,
        ),
      );
    }
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      throw new LocmsgError([
        {
          code: "template-syntax",
          severity: "error",
          message,
          file: "<template>",
          line,
          column,
        },
      ]);
    }
    const argumentList = Array.isArray(args)
      ? (args as readonly unknown[]).map(toTemplateArgument)
      : objectArguments(args as Record<string, unknown>);
    return this.withContext(options, (context) =>
      renderParts(
        parsed.parts,
        { args: argumentList, stack: [], origin: undefined },
        context,
      ),
    );
  }

  /**
   * Renders an event from the `event` catalog's `<eventTypeId>.<format>`
   * template, falling back to `fullFormat` and then to the event's own
   * `fullFormattedMessage`.
   */
  formatEvent(
    event: unknown,
    format = "fullFormat",
    options?: RenderOptions,
  ): string {
    return this.guarded(() =>
      this.formatEventUnguarded(event, format, options),
    );
  }

  private formatEventUnguarded(
    event: unknown,
    format: string,
    options?: RenderOptions,
  ): string {
    const decoded = decodeViJson(event);
    if (!isRecord(decoded)) throw invalidInput("expected an event object");
    const typeId = decoded["eventTypeId"] ?? decoded["_typeName"];
    if (typeof typeId !== "string") {
      throw invalidInput(
        "the event has neither 'eventTypeId' nor '_typeName'; add its type",
      );
    }
    const args = objectArguments(decoded);
    return this.withContext(options, (context) => {
      for (const field of new Set([format, "fullFormat"])) {
        const key = `${typeId}.${field}`;
        const found = context.catalogs.lookup(context.chain, "event", key);
        if (!found) continue;
        const origin = {
          key,
          catalog: "event",
          locale: found.locale,
          entry: found.entry,
        };
        return renderEntry(
          found.entry,
          { args, stack: [key], origin },
          context,
        );
      }
      const text = decoded["fullFormattedMessage"];
      if (typeof text === "string" && text !== "") return text;
      return renderMessage({ key: `${typeId}.${format}`, args }, context);
    });
  }

  /** Renders the user-facing fields of a TaskInfo (plain or VI/JSON). */
  renderTaskInfo(task: unknown, options?: RenderOptions): LocalizedTaskInfo {
    return this.guarded(() => this.renderTaskInfoUnguarded(task, options));
  }

  private renderTaskInfoUnguarded(
    task: unknown,
    options?: RenderOptions,
  ): LocalizedTaskInfo {
    const info = readTaskInfo(task);
    if (typeof info === "string") throw invalidInput(info);
    return this.withContext(options, (context) =>
      renderTaskInfo(info, context),
    );
  }

  private withContext<T>(
    options: RenderOptions | undefined,
    render: (context: RenderContext) => T,
  ): T {
    return render(this.contextFor(options));
  }

  /** Runs a render through `guarded`, counting renders in progress. */
  private guarded<T>(run: () => T): T {
    this.rendersInProgress++;
    try {
      return guarded(run);
    } finally {
      this.rendersInProgress--;
    }
  }

  /**
   * Returns the context for one render with its budget reset. A render that
   * starts inside another one (from an `onDiagnostic` handler or a getter)
   * gets a budget of its own, so the outer render's budget stays as it was.
   */
  private contextFor(options: RenderOptions | undefined): RenderContext {
    checkOptions(options);
    const base = this.baseContext();
    const nested = this.rendersInProgress > 1;
    const budget: RenderBudget = nested
      ? { steps: 0, exhausted: false, reported: new Set() }
      : base.budget!;
    if (!nested) {
      budget.steps = 0;
      budget.exhausted = false;
      if (budget.reported.size > 0) budget.reported.clear();
    }
    if (
      !nested &&
      options?.strict === undefined &&
      options?.onDiagnostic === undefined
    ) {
      return base;
    }
    const strict = options?.strict ?? this.engine.options.strict ?? false;
    const handlers = [this.engine.options.onDiagnostic, options?.onDiagnostic];
    const collector = new DiagnosticCollector(
      strict,
      (diagnostic: Diagnostic) => {
        for (const handler of handlers) {
          if (handler) callHandler(handler, diagnostic);
        }
      },
    );
    return {
      ...base,
      budget,
      report: (diagnostic) => {
        if (firstReport(budget, diagnostic)) collector.report(diagnostic);
      },
    };
  }

  /**
   * Returns the context for renders without per-call options, rebuilt only when the
   * locale or time zone changes, so a render allocates no context.
   */
  private baseContext(): RenderContext {
    if (this.generation !== this.engine.generation) this.refreshAfterReload();
    if (this.cachedContext) return this.cachedContext;
    const { strict = false, onDiagnostic } = this.engine.options;
    const budget: RenderBudget = {
      steps: 0,
      exhausted: false,
      reported: new Set(),
    };
    this.cachedContext = {
      catalogs: this.engine.catalogs,
      chain: this.resolved.chain,
      formatters: getFormatters(this.resolved.formatLocale, this.zone),
      maxDepth:
        this.engine.options.maxLookupDepth ?? this.engine.limits.maxLookupDepth,
      limits: this.engine.limits,
      budget,
      report: (diagnostic) => {
        // The budget is kept here: a handler or getter may call setLocale,
        // which drops cachedContext while this render goes on.
        if (!firstReport(budget, diagnostic)) return;
        if (onDiagnostic) callHandler(onDiagnostic, diagnostic);
        if (strict) throw new LocmsgError([diagnostic]);
      },
    };
    return this.cachedContext;
  }
}

const NO_ARGUMENTS: object = Object.freeze({});

/**
 * Reads a message function's arguments: an array of positional values, or
 * an object whose enumerable properties, own or inherited, are the named
 * arguments (the compiled path reads those by name too).
 */
function messageArguments(args: unknown): MessageArgument[] {
  if (Array.isArray(args)) {
    return args.map((value: unknown) => ({ key: undefined, value }));
  }
  if (typeof args !== "object" || args === null) {
    throw invalidInput(
      `the arguments must be an object of named arguments or an array of values, not ${describeValue(args, 100)}`,
    );
  }
  const list: MessageArgument[] = [];
  for (const key in args) {
    list.push({ key, value: (args as Record<string, unknown>)[key] });
  }
  return list;
}

function objectArguments(object: Record<string, unknown>): MessageArgument[] {
  return Object.entries(object).map(([key, value]) => ({ key, value }));
}
