/**
 * Writes the fast function of a message, which `message(key)` returns to
 * application code: one condition that checks every argument the message
 * reads, then the text as one string concatenation. A call whose arguments
 * fail the condition goes to the runtime's `start`, which renders the
 * whole message with the helpers, as `format` does. The factory creates
 * the function with `c.createFast` when the first message function of the
 * message is requested, so renderers that only `format` build no tables.
 *
 * The condition accepts only what renders without a helper and without a
 * diagnostic:
 * - a string argument no longer than the server's `maxArgumentLength`;
 * - a label already in the renderer's label tables;
 * - a `{1}` value that is no key, or the key of a plain-text message;
 * - a number for an MF2 `:number` or `:integer` selector, and a string
 *   for a `:string` one.
 * It checks once, after the first read, that the arguments
 * object is an object literal (`a.constructor === Object`). */
import type {
  CompiledMessage,
  Mf2Expression,
  Mf2Message,
  Mf2Pattern,
  PlaceholderOp,
} from "../../browser/bundle-format.js";
import { isPlainName, variantLines } from "./code-parts.js";
import type { ModuleWriter } from "./module-writer.js";

/** The server's `maxArgumentLength` (runtime.js `MAX_ARGUMENT_LENGTH`). */
const MAX_ARGUMENT_LENGTH = 1_048_576;

/**
 * The server's `maxRenderSteps` (runtime.js `MAX_RENDER_STEPS`). A fast
 * function takes no steps, so a message with more placeholders gets none.
 */
const MAX_RENDER_STEPS = 100_000;

/**
 * True when the arguments `a` are an object literal or an object made from
 * one with Object.create, whose enumerable properties, own or inherited,
 * plain reads find. Reading `constructor` costs less than
 * Object.getPrototypeOf where V8 does not know the object's shape.
 */
const PLAIN_ARGUMENTS = "a.constructor === Object";

/**
 * A fast read of one argument: `read` reads it from the arguments `a`
 * into `value`, and `checks` follow, which may read tables.
 */
interface Read {
  read: string;
  checks: string[];
  value: string;
}

export class FastWriter {
  /** Constants per renderer that the fast function uses, created with it. */
  private readonly setup: string[] = [];
  private readonly locals = new Set<string>();
  private readonly labelTables = new Map<string, string>();
  private lookupTable = false;

  constructor(private readonly module: ModuleWriter) {}

  /** The fast function of a vSphere-syntax message, or undefined when a part has no fast path. */
  parts(parts: Exclude<CompiledMessage, string>): string | undefined {
    const placeholders = parts.filter((part) => Array.isArray(part));
    if (placeholders.length > MAX_RENDER_STEPS) return undefined;
    const conditions: string[] = [];
    const terms: string[] = [];
    let count = 0;
    for (const part of parts) {
      if (typeof part === "string") {
        terms.push(JSON.stringify(part));
        continue;
      }
      if (!Array.isArray(part)) return undefined;
      const read = this.placeholder(part, `v${count++}`);
      if (read === undefined) return undefined;
      conditions.push(read.read, ...(count === 1 ? [PLAIN_ARGUMENTS] : []));
      conditions.push(...read.checks);
      terms.push(read.value);
    }
    return this.function([
      `if (a != null && ${conditions.join(" && ")}) return ${terms.join(" + ")};`,
    ]);
  }

  /**
   * The fast function of an MF2 message with a `.match` on one plain-name
   * argument with `:number`, `:integer` or `:string`, whose patterns use
   * only that variable and other plain-name arguments without a function
   * or with `:string`. Undefined for any other MF2 message.
   */
  mf2(message: Mf2Message): string | undefined {
    const { s, d } = message;
    if (s === undefined) return undefined;
    const selector = d[s];
    if (selector === undefined || !("a" in selector.x)) return undefined;
    const argument = selector.x.a;
    const numeric = selector.f === "number" || selector.f === "integer";
    if (!isPlainName(argument) || !(numeric || selector.f === "string")) {
      return undefined;
    }
    let supported = true;
    const lines = variantLines(message, (pattern) => {
      const written = this.mf2Pattern(pattern, s, numeric ? "t" : "v");
      if (written === undefined) supported = false;
      return written ?? "";
    });
    if (!supported) return undefined;

    const body: string[] = [];
    if (numeric) {
      const constant = this.module.constant(selector);
      const format = this.once(
        "N",
        this.module.call("mf2NumberFormat", `c, ${constant}`),
      );
      const round = selector.f === "integer" ? "Math.round(v)" : "v";
      body.push(`const n = ${round};`, `const t = ${format}.format(n);`);
      body.push(
        `const k = ${this.numericSelect(message, selector, constant)};`,
      );
    } else {
      body.push("const k = v.normalize();");
    }
    this.locals.add("v");
    const check = numeric ? "number" : "string";
    return this.function([
      `if (a != null && typeof (v = a.${argument}) === "${check}" && ${PLAIN_ARGUMENTS}) {`,
      ...[...body, ...lines].map((line) => `  ${line}`),
      "}",
    ]);
  }

  /**
   * Writes the function that creates the fast function: the constants per
   * renderer, then the fast function around `lines`. Those return the text
   * when the arguments qualify, and any other call renders through `start`.
   */
  private function(lines: string[]): string {
    const locals =
      this.locals.size > 0 ? [`let ${[...this.locals].join(", ")};`] : [];
    const body = [
      ...locals,
      ...lines,
      `return ${this.module.call("start", "c, a")};`,
    ];
    const fast = `(a) => {\n  ${body.join("\n  ")}\n}`;
    if (this.setup.length === 0) return `() => ${fast}`;
    const indented = fast.replace(/\n/g, "\n  ");
    return `() => {\n  ${this.setup.join("\n  ")}\n  return ${indented};\n}`;
  }

  /** Declares a constant per renderer once and returns its name. */
  private once(name: string, value: string): string {
    const line = `const ${name} = ${value};`;
    if (!this.setup.includes(line)) this.setup.push(line);
    return name;
  }

  /** The fast read of a placeholder into `variable`, or undefined when it has none. */
  private placeholder(
    [, argument, catalog, prefix]: PlaceholderOp,
    variable: string,
  ): Read | undefined {
    this.locals.add(variable);
    if (typeof argument === "number") {
      // A string that the key table lacks is no key, so it renders as it
      // is. A key of a plain-text message renders that text, and the
      // helpers render any other key.
      this.useLookupTable();
      return {
        read: `typeof (${variable} = a[${argument}]) === "string"`,
        checks: [
          `${variable}.length <= ${MAX_ARGUMENT_LENGTH}`,
          `((h = K[${variable}.length]) === undefined || (h = h[${variable}]) === undefined || (typeof h === "string" && ((${variable} = h), true)))`,
        ],
        value: variable,
      };
    }
    const read = this.readString(argument, variable);
    if (read === undefined || catalog === undefined) return read;
    const table = this.labelTable(catalog, prefix ?? "");
    read.checks.push(
      `typeof (${variable} = ${table}[${variable}]) === "string"`,
    );
    return read;
  }

  /**
   * Reads a string argument: a plain name, or a plain name and one plain
   * property. As `argument` in runtime.js, the argument keyed `vm.name`
   * wins, else the own property `name` of the plain, unwrapped record `vm`.
   */
  private readString(name: string, variable: string): Read | undefined {
    const length = `${variable}.length <= ${MAX_ARGUMENT_LENGTH}`;
    if (isPlainName(name)) {
      return {
        read: `typeof (${variable} = a.${name}) === "string"`,
        checks: [length],
        value: variable,
      };
    }
    const parts = name.split(".");
    if (parts.length !== 2 || !parts.every(isPlainName)) return undefined;
    const [object, property] = parts as [string, string];
    this.locals.add("t");
    return {
      read: `typeof (t = a.${object}) === "object"`,
      checks: [
        "t !== null",
        `typeof (${variable} = t.${property}) === "string"`,
        "Object.getPrototypeOf(t) === Object.prototype",
        '!("_value" in t)',
        `a[${JSON.stringify(name)}] === undefined`,
        length,
      ],
      value: variable,
    };
  }

  private labelTable(catalog: string, prefix: string): string {
    const id = `${catalog}\n${prefix}`;
    let name = this.labelTables.get(id);
    if (name === undefined) {
      name = `T${this.labelTables.size}`;
      this.labelTables.set(id, name);
      const site = this.module.labelSite(catalog, prefix);
      this.setup.push(
        `const ${name} = ${this.module.call("labelTexts", `c, ${site}`)};`,
      );
    }
    return name;
  }

  private useLookupTable(): void {
    this.locals.add("h");
    if (this.lookupTable) return;
    this.lookupTable = true;
    this.setup.push(`const K = ${this.module.call("lookupTable", "c")};`);
  }

  /**
   * A variant's pattern, or undefined when an expression has no fast form:
   * `{$selector}` is its text `selectorText`, and `{$name}` or `{$name
   * :string}` of a plain-name argument is the argument when it is a string.
   * A pattern with such arguments returns through `start` when one is not.
   */
  private mf2Pattern(
    pattern: Mf2Pattern,
    selector: string,
    selectorText: string,
  ): string | undefined {
    const conditions: string[] = [];
    const terms: string[] = [];
    for (const part of pattern) {
      if (typeof part === "string") {
        terms.push(JSON.stringify(part));
      } else if ("$" in part.x && part.x.$ === selector && !part.f) {
        terms.push(selectorText);
      } else if (
        "a" in part.x &&
        isPlainName(part.x.a) &&
        (part.f === undefined || part.f === "string")
      ) {
        const variable = `v${terms.length}`;
        this.locals.add(variable);
        conditions.push(`typeof (${variable} = a.${part.x.a}) === "string"`);
        terms.push(variable);
      } else {
        return undefined;
      }
    }
    const text = terms.length > 0 ? terms.join(" + ") : '""';
    if (conditions.length === 0) return text;
    return `${conditions.join(" && ")} ? ${text} : ${this.module.call("start", "c, a")}`;
  }

  /**
   * Selects as `mf2Select` does for a number `n`: a variant key that is
   * `n` written as a string first, then the plural category unless the
   * selection is exact. Only a key that is a number's own string form can
   * equal `${n}`, so only such keys are compared.
   */
  private numericSelect(
    message: Mf2Message,
    selector: Mf2Expression,
    constant: string,
  ): string {
    const keys = message.v.flatMap(([key]) => (key === 0 ? [] : [key]));
    const exactKeys = [...new Set(keys)].filter(
      (key) => String(Number(key)) === key,
    );
    let select = "0";
    if (selector.o?.["select"] !== "exact") {
      const rules = this.once(
        "P",
        this.module.call("mf2PluralRules", `c, ${constant}`),
      );
      select = `${rules}.select(n)`;
    }
    for (const key of exactKeys.reverse()) {
      const equal = key === "NaN" ? "n !== n" : `n === ${key}`;
      select = `${equal} ? ${JSON.stringify(key)} : ${select}`;
    }
    return select;
  }
}
