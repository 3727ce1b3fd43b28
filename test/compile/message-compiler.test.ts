// The compiled closures render the common cases themselves and return
// undefined for every case the general renderer must handle.
import { describe, expect, it } from "vitest";
import type { CatalogSet } from "../../src/catalogs/catalog.js";
import {
  MessageCompiler,
  type CompileTarget,
} from "../../src/compile/message-compiler.js";
import type { Compiled } from "../../src/compile/fast-render.js";
import { getFormatters } from "../../src/render/formatters.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      plain: "IP address is {address}",
      label: "State is {field.@enum.TaskInfo.State}",
      lookup: "Select '{1}' to {2}",
      path: "{vm.name} on {host.name}",
      text: "Plain text",
      self: "again {1}",
      chain: "<{1}>",
      labelled: "[{field.@enum.Nested}]",
      missingCatalog: "{field.@nothere.Prefix}",
      number: "{count} items",
    },
    enum: {
      "TaskInfo.State.queued.label": "Queued",
      "TaskInfo.State.__proto__.label": "Prototype",
      "Nested.queued.label": "nested {address}",
    },
  },
  de: {
    enum: { "TaskInfo.State.queued.label": "In Warteschlange" },
  },
});

function compiler(
  overrides: Partial<CompileTarget> = {},
  set: CatalogSet = catalogs,
): MessageCompiler {
  return new MessageCompiler({
    catalogs: set,
    chain: ["en"],
    formatters: getFormatters("en", "UTC"),
    maxDepth: 16,
    maxRenderSteps: 100_000,
    maxArgumentLength: 1_000,
    ...overrides,
  });
}

/** Renders `key` the way a message function does; undefined means "general path". */
function render(
  target: MessageCompiler,
  key: string,
  args: Record<string, unknown>,
): string | undefined {
  const compiled: Compiled | null = target.lookupKey(key);
  if (compiled === null) return undefined;
  if (typeof compiled === "string") return compiled;
  target.steps = 0;
  return compiled(args, 1);
}

describe("MessageCompiler renders", () => {
  const target = compiler();

  it("a named string argument", () => {
    expect(render(target, "plain", { address: "10.0.0.1" })).toBe(
      "IP address is 10.0.0.1",
    );
  });

  it("a number through Intl", () => {
    expect(render(target, "number", { count: 1234.5 })).toBe("1,234.5 items");
  });

  it("labels named like Object.prototype members", () => {
    expect(render(target, "label", { field: "__proto__" })).toBe(
      "State is Prototype",
    );
    expect(render(target, "label", { field: "constructor" })).toBeUndefined();
    expect(render(target, "label", { field: "toString" })).toBeUndefined();
  });

  it("a label from the label table", () => {
    expect(render(target, "label", { field: "queued" })).toBe(
      "State is Queued",
    );
  });

  it("labels from the first locale of the chain", () => {
    const german = compiler({ chain: ["de", "en"] });
    expect(render(german, "label", { field: "queued" })).toBe(
      "State is In Warteschlange",
    );
  });

  it("a label with placeholders of its own", () => {
    expect(render(target, "labelled", { field: "queued", address: "a" })).toBe(
      "[nested a]",
    );
  });

  it("keys and plain text through {1}", () => {
    expect(render(target, "lookup", { 1: "text", 2: "Save" })).toBe(
      "Select 'Plain text' to Save",
    );
  });

  it("property paths", () => {
    expect(
      render(target, "path", { vm: { name: "web" }, host: { name: "esx" } }),
    ).toBe("web on esx");
  });

  it("an exact dotted key before the path", () => {
    expect(
      render(target, "path", {
        "vm.name": "exact",
        vm: { name: "web" },
        host: { name: "esx" },
      }),
    ).toBe("exact on esx");
  });

  it("plain text as a string", () => {
    expect(target.lookupKey("text")).toBe("Plain text");
  });
});

describe("MessageCompiler leaves to the general path", () => {
  const target = compiler();
  const cases: [string, string, Record<string, unknown>][] = [
    ["a missing argument", "plain", {}],
    ["a null argument", "plain", { address: null }],
    ["an object argument", "plain", { address: { x: 1 } }],
    [
      "a VI/JSON value",
      "plain",
      { address: { _typeName: "string", _value: "x" } },
    ],
    ["a date", "plain", { address: new Date(0) }],
    ["a list", "plain", { address: ["a", "b"] }],
    ["a missing label", "label", { field: "unknown" }],
    ["a label catalog no locale has", "missingCatalog", { field: "queued" }],
    ["a positional fallback", "lookup", { first: "text" }],
    ["a lookup cycle", "self", { 1: "self" }],
    [
      "an inherited property",
      "path",
      { vm: Object.create({ name: "web" }), host: { name: "h" } },
    ],
    ["a path through a non-object", "path", { vm: "web", host: { name: "h" } }],
  ];
  for (const [name, key, args] of cases) {
    it(name, () => {
      expect(render(target, key, args)).toBeUndefined();
    });
  }

  it("an unknown key", () => {
    expect(target.lookupKey("unknown")).toBeNull();
  });

  it("an argument over maxArgumentLength", () => {
    const short = compiler({ maxArgumentLength: 3 });
    expect(render(short, "plain", { address: "1234" })).toBeUndefined();
    expect(render(short, "plain", { address: "123" })).toBe(
      "IP address is 123",
    );
  });

  it("lookups deeper than maxDepth", () => {
    const shallow = compiler({ maxDepth: 2 });
    expect(render(shallow, "chain", { 1: "chain" })).toBeUndefined();
    expect(render(shallow, "chain", { 1: "text" })).toBe("<Plain text>");
  });

  it("renders past maxRenderSteps", () => {
    const few = compiler({ maxRenderSteps: 1 });
    expect(
      render(few, "path", { vm: { name: "a" }, host: { name: "b" } }),
    ).toBeUndefined();
  });
});
