/**
 * Turns compiled messages (the JSON bundle IR of src/browser/bundle-format.ts)
 * into the source text of one ES module. Each message becomes a string or
 * a factory `(c) => …` that returns the message's render function
 * `(a, f) => string`, which calls the helpers of runtime.js. runtime.js
 * describes the context `c`, the named arguments `a` and the frame `f`.
 *
 * When every placeholder of a message allows it, the factory also sets
 * `c.createFast`, which creates the function that `message(key)` returns
 * to application code (fast-writer.ts). That function does what a
 * hand-written template literal does: property reads, `typeof` checks,
 * table reads and string concatenation. It hands any other call to the
 * runtime's `start`, which renders with the helpers.
 */
import type {
  CompiledMessage,
  Mf2Expression,
  Mf2Message,
  Mf2Pattern,
  PlaceholderOp,
} from "../../browser/bundle-format.js";
import { isPlainName, variantLines } from "./code-parts.js";
import { FastWriter } from "./fast-writer.js";

/** The exports of runtime.js that generated code uses. */
export type Helper =
  | "argument"
  | "start"
  | "text"
  | "lookup"
  | "label"
  | "labelTexts"
  | "lookupTable"
  | "mf2Value"
  | "mf2Text"
  | "mf2Select"
  | "mf2NumberFormat"
  | "mf2PluralRules";

/**
 * Writes a JSON-like value as a JavaScript expression. Object keys are
 * quoted, and `__proto__` is written as a computed key so that it stays an
 * ordinary property instead of setting the prototype.
 */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => {
      const name = key === "__proto__" ? `["__proto__"]` : JSON.stringify(key);
      return `${name}: ${literal(item)}`;
    });
    return `{ ${entries.join(", ")} }`;
  }
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}

/** Collects the declarations and imports of one generated module. */
export class ModuleWriter {
  private readonly helpers = new Set<string>();
  private readonly constants = new Map<string, string>();
  private readonly declarations: string[] = [];
  private functionCount = 0;

  /** `runtime` is the import specifier of runtime.js, such as `../runtime.js`. */
  constructor(private readonly runtime: string) {}

  /** Returns the name of a module constant with this value, declared once per distinct value. */
  constant(value: unknown): string {
    const text = literal(value);
    let name = this.constants.get(text);
    if (name === undefined) {
      name = `c${this.constants.size}`;
      this.constants.set(text, name);
      this.declarations.push(`const ${name} = ${text};`);
    }
    return name;
  }

  /** Imports another export of runtime.js, such as `createLocmsg as createRenderer`. */
  importRuntime(name: string): void {
    this.helpers.add(name);
  }

  call(helper: Helper, args: string): string {
    this.helpers.add(helper);
    return `${helper}(${args})`;
  }

  /** Declares a function and returns its name. */
  declareFunction(source: string): string {
    const name = `m${this.functionCount++}`;
    this.declarations.push(`const ${name} = ${source};`);
    return name;
  }

  /** Returns the expression that stands for `message` in a `messages` Map. */
  message(message: CompiledMessage): string {
    if (typeof message === "string") return JSON.stringify(message);
    const fast = new FastWriter(this);
    const setup: string[] = [];
    const only = message.length === 1 ? message[0] : undefined;
    let render: string;
    let fastFunction: string | undefined;
    if (typeof only === "object" && !Array.isArray(only)) {
      render = new Mf2Writer(this, only).compile();
      fastFunction = fast.mf2(only);
    } else {
      render = this.parts(message, setup);
      fastFunction = fast.parts(message);
    }
    return this.declareFunction(factory(setup, fastFunction, render));
  }

  /**
   * The render function of a vSphere-syntax message: text, placeholders
   * and MF2 parts, whose render functions `setup` creates.
   */
  private parts(
    parts: Exclude<CompiledMessage, string>,
    setup: string[],
  ): string {
    const terms = parts.map((part) => {
      if (typeof part === "string") return JSON.stringify(part);
      if (Array.isArray(part)) return this.placeholder(part);
      // An MF2 part renders with the arguments and frame of the message.
      const name = `i${setup.length}`;
      const inner = this.declareFunction(
        factory([], undefined, new Mf2Writer(this, part).compile()),
      );
      setup.push(`const ${name} = ${inner}(c);`);
      return `${name}(a, f)`;
    });
    return `(a, f) => ${terms.length > 0 ? terms.join(" + ") : '""'}`;
  }

  private placeholder([source, argument, catalog, prefix]: PlaceholderOp) {
    const quoted = JSON.stringify(source);
    const name = JSON.stringify(argument);
    if (catalog !== undefined) {
      const site = this.labelSite(catalog, prefix ?? "");
      return this.call("label", `c, f, ${name}, ${quoted}, ${site}`);
    }
    if (typeof argument === "number") {
      return this.call("lookup", `c, f, ${name}, ${quoted}`);
    }
    return this.call("text", `c, f, ${name}, ${quoted}`);
  }

  /** Returns the module constant `{catalog, prefix}` of a label placeholder. */
  labelSite(catalog: string, prefix: string): string {
    return this.constant({ catalog, prefix });
  }

  /**
   * An expression that reads an argument's raw value from the named
   * arguments `a` (own properties): a property read for a plain name,
   * else the runtime's `argument`.
   */
  read(name: string): string {
    if (isPlainName(name)) return `a.${name}`;
    return this.call("argument", `a, ${JSON.stringify(name)}`);
  }

  /** The module text: imports, then declarations, then `body`. */
  source(header: string, body: string): string {
    const imports =
      this.helpers.size > 0
        ? `import { ${[...this.helpers].sort().join(", ")} } from ${JSON.stringify(this.runtime)};\n\n`
        : "";
    const declarations =
      this.declarations.length > 0 ? `${this.declarations.join("\n")}\n\n` : "";
    return `${header}\n${imports}${declarations}${body}`;
  }
}

/**
 * Writes a message factory: `setup` (the render functions of MF2 parts),
 * then `c.createFast = …` when the message has a fast function, then the
 * render function that the factory returns.
 */
function factory(
  setup: string[],
  createFast: string | undefined,
  render: string,
): string {
  if (setup.length === 0 && createFast === undefined) return `(c) => ${render}`;
  const lines = [...setup];
  if (createFast !== undefined) lines.push(`c.createFast = ${createFast};`);
  lines.push(`return ${render};`);
  const body = lines.join("\n").replace(/\n/g, "\n  ");
  return `(c) => {\n  ${body}\n}`;
}

/**
 * Compiles one MF2 message to a render function. Declarations are
 * resolved on first use, as in the interpreters. The build knows the order
 * in which each variant's code first uses a declaration, so that first use
 * assigns the declaration's local variable (`(d0 = …)`) and later uses
 * read it. Each expression is one `mf2Value` call with its
 * compiled form as a module constant.
 */
class Mf2Writer {
  private readonly names: string[];

  constructor(
    private readonly module: ModuleWriter,
    private readonly message: Mf2Message,
  ) {
    this.names = Object.keys(message.d);
  }

  compile(): string {
    const { s, v } = this.message;
    const lines: string[] = [];
    if (this.names.length > 0) {
      lines.push(
        `let ${this.names.map((_, index) => `d${index}`).join(", ")};`,
      );
    }
    if (s === undefined) {
      lines.push(`return ${this.pattern(v[0]![1], new Set())};`);
    } else {
      const resolved = new Set<string>();
      const keys = v.flatMap(([key]) => (key === 0 ? [] : [key]));
      const selector = this.reference(s, resolved);
      lines.push(
        `const k = ${this.module.call("mf2Select", `${selector}, ${this.module.constant(keys)}`)};`,
      );
      lines.push(
        ...variantLines(this.message, (pattern) =>
          this.pattern(pattern, new Set(resolved)),
        ),
      );
    }
    const [only] = lines;
    if (lines.length === 1 && only!.startsWith("return ")) {
      return `(a, f) => ${only!.slice("return ".length, -1)}`;
    }
    return `(a, f) => {\n  ${lines.join("\n  ")}\n}`;
  }

  private pattern(pattern: Mf2Pattern, resolved: Set<string>): string {
    const terms = pattern.map((part) =>
      typeof part === "string"
        ? JSON.stringify(part)
        : this.module.call(
            "mf2Text",
            `${this.value(part, resolved)}, ${JSON.stringify(part.src)}`,
          ),
    );
    return terms.length > 0 ? terms.join(" + ") : '""';
  }

  private mf2Value(expression: Mf2Expression, operand: string): string {
    return this.module.call(
      "mf2Value",
      `c, f, ${this.module.constant(expression)}, ${operand}`,
    );
  }

  /** An expression that evaluates to the resolved value of `expression`. */
  private value(expression: Mf2Expression, resolved: Set<string>): string {
    if ("$" in expression.x) {
      const inner = this.reference(expression.x.$, resolved);
      if (expression.f === undefined) return inner;
      return this.mf2Value(expression, inner);
    }
    if (!("a" in expression.x)) return this.mf2Value(expression, "undefined");
    return this.mf2Value(
      withPosition(expression, expression.x.a),
      this.module.read(expression.x.a),
    );
  }

  /** The declared variable `name`, resolved here when this is its first use on the code path. */
  private reference(name: string, resolved: Set<string>): string {
    const index = this.names.indexOf(name);
    const declaration = this.message.d[name];
    if (index < 0 || declaration === undefined) {
      throw new Error(`MF2 variable $${name} is not declared`);
    }
    if (resolved.has(name)) return `d${index}`;
    const value = this.value(declaration, resolved);
    resolved.add(name);
    return `(d${index} = ${value})`;
  }
}

/** `$arg1` falls back to the first argument by position, as `{1}` does: `n` is that position. */
function withPosition(
  expression: Mf2Expression,
  name: string,
): Mf2Expression & { n?: number } {
  const position = /^arg([1-9]\d*)$/.exec(name);
  return position ? { ...expression, n: +position[1]! } : expression;
}
