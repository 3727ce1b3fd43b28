/**
 * Compiles a MessageFormat 2 catalog message (its data model, parsed when
 * the catalog loaded) to the bundle form that the browser runtime renders
 * without a parser. Only the subset that docs/bundles.md lists compiles.
 * Anything else is an `mf2-unsupported` error that names the key and the
 * position of the value.
 */
import type { Model } from "messageformat";
import { cstKey } from "messageformat/cst";
import type {
  CompiledMessage,
  Mf2Expression,
  Mf2Function,
  Mf2Message,
  Mf2Operand,
  Mf2Pattern,
} from "../browser/bundle-format.js";
import type { Catalog, CatalogEntry } from "../catalogs/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import {
  dateTimeOptions,
  numberOptions,
  UnsupportedMf2,
} from "./mf2-options.js";

const FAMILY: Record<Mf2Function, string> = {
  number: "number",
  integer: "number",
  datetime: "datetime",
  string: "string",
  label: "text",
  msg: "text",
};

/** The function and options of a declared variable. */
interface Declared {
  fn: Mf2Function | undefined;
  options: Mf2Expression["o"];
}

/** An unsupported construct with its offset in the MF2 source. */
class UnsupportedAt extends UnsupportedMf2 {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

function offsetOf(node: object): number | undefined {
  const cst = (node as { [cstKey]?: { start?: number } })[cstKey];
  return cst?.start;
}

function literalSource(value: string): string {
  return `|${value.replaceAll("\\", "\\\\").replaceAll("|", "\\|")}|`;
}

class Mf2Compiler {
  private readonly declared = new Map<string, Declared>();

  compile(message: Model.Message): Mf2Message {
    const d: Record<string, Mf2Expression> = {};
    for (const declaration of message.declarations) {
      const expression = this.expression(declaration.value, declaration.name);
      d[declaration.name] = expression;
      const aliased =
        "$" in expression.x ? this.declared.get(expression.x.$) : undefined;
      // `.local $b = {$a}` passes $a's function and options on.
      this.declared.set(declaration.name, {
        fn: expression.f ?? aliased?.fn,
        options: expression.o ?? aliased?.options,
      });
    }
    if (message.type === "message") {
      return { d, v: [[0, this.pattern(message.pattern)]] };
    }

    if (message.selectors.length !== 1) {
      throw new UnsupportedAt(
        `.match with ${message.selectors.length} selectors; the compiled subset takes one`,
        offsetOf(message.selectors[1] ?? message),
      );
    }
    const selector = message.selectors[0]!;
    const fn = this.declared.get(selector.name)?.fn;
    if (fn === undefined || fn === "datetime") {
      throw new UnsupportedAt(
        `.match $${selector.name} needs :number, :integer, :string, :label or :msg`,
        offsetOf(selector),
      );
    }
    const v: Mf2Message["v"] = message.variants.map((variant) => [
      variant.keys[0]!.type === "*" ? 0 : variant.keys[0]!.value,
      this.pattern(variant.value),
    ]);
    return { d, s: selector.name, v };
  }

  private pattern(pattern: Model.Pattern): Mf2Pattern {
    return pattern.map((part) => {
      if (typeof part === "string") return part;
      if (part.type === "markup") {
        throw new UnsupportedAt(
          `markup {#${part.name}} is outside the compiled subset`,
          offsetOf(part),
        );
      }
      return this.expression(part);
    });
  }

  /** `declaring` is the name an `.input` or `.local` declares, if any. */
  private expression(
    expression: Model.Expression,
    declaring?: string,
  ): Mf2Expression {
    const { arg, functionRef } = expression;
    if (!arg) {
      throw new UnsupportedAt(
        `{:${functionRef?.name}} without an operand is outside the compiled subset`,
        offsetOf(expression),
      );
    }
    let x: Mf2Operand;
    let src: string;
    if (arg.type === "literal") {
      x = { "|": arg.value };
      src = `{${literalSource(arg.value)}}`;
    } else {
      // `.input {$x}` reads the argument x; elsewhere a declared name wins.
      x =
        arg.name !== declaring && this.declared.has(arg.name)
          ? { $: arg.name }
          : { a: arg.name };
      src = `{$${arg.name}}`;
    }
    const compiled: Mf2Expression = { x, src };
    if (!functionRef) return compiled;

    const fn = functionRef.name as Mf2Function;
    if (!Object.hasOwn(FAMILY, fn)) {
      throw new UnsupportedAt(
        `:${functionRef.name} is outside the compiled subset (:number, :integer, :datetime, :string, :label, :msg)`,
        offsetOf(functionRef),
      );
    }
    const options = this.literalOptions(functionRef);
    const inherited = "$" in x ? this.declared.get(x.$) : undefined;
    if (
      inherited?.fn !== undefined &&
      FAMILY[inherited.fn] !== FAMILY[fn] &&
      FAMILY[fn] !== "text"
    ) {
      throw new UnsupportedAt(
        `:${fn} on $${"$" in x ? x.$ : ""}, which is declared with :${inherited.fn}, is outside the compiled subset`,
        offsetOf(functionRef),
      );
    }
    compiled.f = fn;
    try {
      const resolved = this.functionOptions(fn, options, inherited);
      if (resolved !== undefined) compiled.o = resolved;
    } catch (error) {
      if (
        error instanceof UnsupportedAt ||
        !(error instanceof UnsupportedMf2)
      ) {
        throw error;
      }
      throw new UnsupportedAt(
        `:${fn}: ${error.message}`,
        offsetOf(functionRef),
      );
    }
    return compiled;
  }

  private functionOptions(
    fn: Mf2Function,
    options: Record<string, string>,
    inherited: Declared | undefined,
  ): Mf2Expression["o"] {
    const sameFamily =
      inherited?.fn !== undefined && FAMILY[inherited.fn] === FAMILY[fn];
    switch (fn) {
      case "number":
      case "integer":
        return numberOptions(
          fn,
          options,
          sameFamily ? inherited.options : undefined,
        );
      case "datetime":
        return dateTimeOptions(
          options,
          sameFamily ? inherited.options : undefined,
        );
      case "label": {
        const catalog = options["catalog"];
        if (!catalog) {
          throw new UnsupportedMf2(
            "needs the option catalog=NAME, such as catalog=enum",
          );
        }
        const prefix = options["prefix"];
        return prefix ? { catalog, prefix } : { catalog };
      }
      default:
        return undefined;
    }
  }

  private literalOptions(
    functionRef: Model.FunctionRef,
  ): Record<string, string> {
    const options: Record<string, string> = {};
    for (const [name, value] of Object.entries(functionRef.options ?? {})) {
      if (name.startsWith("u:")) continue;
      if (value.type !== "literal") {
        throw new UnsupportedAt(
          `option ${name}=$${value.name} takes a variable; the compiled subset takes literal option values`,
          offsetOf(value),
        );
      }
      options[name] = value.value;
    }
    return options;
  }
}

/**
 * Compiles an MF2 data model to the bundle form. Throws an `UnsupportedMf2`
 * with the reason when the message is outside the subset.
 */
export function compileMf2Model(message: Model.Message): Mf2Message {
  return new Mf2Compiler().compile(message);
}

/** Converts an offset in the MF2 source to a 1-based line and column. */
function positionIn(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

/**
 * Compiles an MF2 entry; returns undefined and adds an `mf2-unsupported`
 * error when the message is outside the subset.
 */
export function compileMf2Entry(
  entry: CatalogEntry,
  catalog: Catalog,
  diagnostics: Diagnostic[],
): CompiledMessage | undefined {
  try {
    return [compileMf2Model(entry.mf2!.message)];
  } catch (error) {
    if (!(error instanceof UnsupportedMf2)) throw error;
    const offset = error instanceof UnsupportedAt ? error.offset : undefined;
    const inside =
      offset === undefined
        ? ""
        : ` (line ${positionIn(entry.text, offset).line}, column ${positionIn(entry.text, offset).column} of the message)`;
    const diagnostic: Diagnostic = {
      code: "mf2-unsupported",
      severity: "error",
      message: `MessageFormat 2 message '${entry.key}' cannot be compiled for the browser: ${error.message}${inside}; see docs/bundles.md for the supported subset`,
      key: entry.key,
      catalog: catalog.name,
      locale: catalog.locale,
    };
    if (entry.file !== undefined) diagnostic.file = entry.file;
    if (entry.line !== undefined) diagnostic.line = entry.line;
    if (entry.column !== undefined) diagnostic.column = entry.column;
    diagnostics.push(diagnostic);
    return undefined;
  }
}
