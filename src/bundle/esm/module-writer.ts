/**
 * Turns compiled messages (the JSON bundle IR of src/browser/bundle-format.ts)
 * into the source text of one ES module: each message becomes a string or
 * an arrow function `(a, s, o) => …` that calls the helpers of runtime.js.
 * `a` is the named arguments, `s` the stack of keys being rendered and `o`
 * the origin `{key, catalog, locale}`, as runtime.js describes.
 */
import type {
  CompiledMessage,
  Mf2Expression,
  Mf2Message,
  Mf2Pattern,
  PlaceholderOp,
} from "../../browser/bundle-format.js";

/** The helpers of runtime.js that generated code calls. */
type Helper =
  | "argument"
  | "at"
  | "property"
  | "text"
  | "lookup"
  | "label"
  | "mf2Value"
  | "mf2Text"
  | "mf2Select";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * True when generated code may read argument `name` as `a.name`: it is an
 * identifier, and no object inherits a property of that name, so that the
 * read finds only an own property.
 */
function isPlainName(name: string): boolean {
  return IDENTIFIER.test(name) && !(name in Object.prototype);
}

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
    const only = message.length === 1 ? message[0] : undefined;
    if (typeof only === "object" && !Array.isArray(only)) {
      return this.declareFunction(new Mf2Writer(this, only).compile());
    }
    const terms = message.map((part) =>
      typeof part === "string"
        ? JSON.stringify(part)
        : Array.isArray(part)
          ? this.placeholder(part)
          : `${this.declareFunction(new Mf2Writer(this, part).compile())}(a, s, o)`,
    );
    return this.declareFunction(
      `(a, s, o) => ${terms.length > 0 ? terms.join(" + ") : '""'}`,
    );
  }

  private placeholder([source, argument, catalog, prefix]: PlaceholderOp) {
    const raw = this.read(argument);
    const quoted = JSON.stringify(source);
    if (catalog !== undefined) {
      // runtime.js keeps its label cache in `renderer` and `table`.
      const site = this.constant({
        catalog,
        prefix: prefix ?? "",
        renderer: null,
        table: null,
      });
      return this.call("label", `${raw}, ${quoted}, ${site}, a, s, o`);
    }
    if (typeof argument === "number") {
      return this.call("lookup", `${raw}, ${quoted}, a, s, o`);
    }
    return this.call("text", `${raw}, ${quoted}, s, o`);
  }

  /**
   * An expression that reads an argument's raw value: a property read for a
   * plain name, else a runtime.js helper that reads own properties only.
   */
  read(argument: number | string): string {
    if (typeof argument === "number") return this.call("at", `a, ${argument}`);
    if (isPlainName(argument)) return `a.${argument}`;
    const parts = argument.split(".");
    if (parts.length === 2 && parts.every(isPlainName)) {
      return this.call(
        "property",
        `a[${JSON.stringify(argument)}], a.${parts[0]}, ${JSON.stringify(parts[1])}`,
      );
    }
    return this.call("argument", `a, ${JSON.stringify(argument)}`);
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
 * Compiles one MF2 message to a function. Declarations are resolved on
 * first use, as in the interpreters: the order in which a variant's code
 * path first uses each declaration is known at build time, so the first use
 * assigns the declaration's local variable (`(d0 = …)`) and later uses read
 * it. Each expression is one `mf2Value` call with its compiled form as a
 * module constant.
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
      // The first variant with the selected key wins, as in the interpreters.
      const seen = new Set<string | 0>();
      let fallback: string | undefined;
      for (const [key, pattern] of v) {
        if (seen.has(key)) continue;
        seen.add(key);
        const body = this.pattern(pattern, new Set(resolved));
        if (key === 0) fallback = body;
        else lines.push(`if (k === ${JSON.stringify(key)}) return ${body};`);
      }
      if (fallback === undefined) {
        throw new Error("an MF2 .match message without a * variant");
      }
      lines.push(`return ${fallback};`);
    }
    const [only] = lines;
    if (lines.length === 1 && only!.startsWith("return ")) {
      return `(a, s, o) => ${only!.slice("return ".length, -1)}`;
    }
    return `(a, s, o) => {\n  ${lines.join("\n  ")}\n}`;
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

  /** An expression that evaluates to the resolved value of `expression`. */
  private value(expression: Mf2Expression, resolved: Set<string>): string {
    if ("$" in expression.x) {
      const inner = this.reference(expression.x.$, resolved);
      if (expression.f === undefined) return inner;
      return this.module.call(
        "mf2Value",
        `${this.module.constant(expression)}, ${inner}, a, s, o`,
      );
    }
    if (!("a" in expression.x)) {
      return this.module.call(
        "mf2Value",
        `${this.module.constant(expression)}, undefined, a, s, o`,
      );
    }
    // `$arg1` falls back to the first argument by position, as `{1}` does.
    const name = expression.x.a;
    const position = /^arg([1-9]\d*)$/.exec(name);
    const compiled = position
      ? { ...expression, n: +position[1]! }
      : expression;
    return this.module.call(
      "mf2Value",
      `${this.module.constant(compiled)}, ${this.module.read(name)}, a, s, o`,
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
