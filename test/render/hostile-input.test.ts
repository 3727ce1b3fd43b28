import { describe, expect, it } from "vitest";
import { LocmsgError } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { describeValue } from "../../src/render/describe-value.js";
import { decodeViJson } from "../../src/vsphere/vi-json.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: { "m.value": "Value {v}", "m.path": "{vm.name} on {host.name}" },
    event: { "VmPoweredOnEvent.fullFormat": "{vm.name} is powered on" },
  },
});

function session() {
  return new Locmsg(catalogs).createSession({ locale: "en" });
}

/** Builds an object whose two properties are the same object, `depth` levels deep. */
function sharedTree(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { name: "leaf" };
  for (let level = 0; level < depth; level++)
    node = { a: node, b: node, name: `n${level}` };
  return node;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LocmsgError);
    return (error as LocmsgError).code;
  }
  return undefined;
}

describe("hostile argument values", () => {
  it("shared references stay linear", () => {
    const tree = sharedTree(40);
    const text = session().format({
      key: "m.value",
      arg: [{ key: "v", value: { tree } }],
    });
    expect(text.length).toBeLessThan(20_000);
    expect(
      session().formatEvent({
        _typeName: "VmPoweredOnEvent",
        vm: tree,
        extra: tree,
      }),
    ).toBe("n39 is powered on");
  });

  it("cycles render as text", () => {
    const task: Record<string, unknown> = {
      key: "t",
      descriptionId: "x.y",
      state: "running",
      progress: 5,
    };
    task["self"] = task;
    task["description"] = { key: "no.such", arg: [{ key: "a", value: task }] };
    const rendered = session().renderTaskInfo(task);
    expect(rendered.description).toMatch(/^no\.such \(a = \{/);
    expect(rendered.description!.length).toBeLessThan(2_000);
  });

  it("deep lists are cut at the depth limit", () => {
    let value: unknown = "x";
    for (let level = 0; level < 100_000; level++) value = [value];
    const text = session().format({
      key: "m.value",
      arg: [{ key: "v", value }],
    });
    expect(text.startsWith("Value ")).toBe(true);
    expect(text.length).toBeLessThan(1_000);
  });

  it("wide shared lists stop at the render budget", () => {
    let value: unknown = ["x", "y"];
    for (let level = 0; level < 12; level++) value = [value, value];
    const diagnostics: string[] = [];
    const engine = new Locmsg(catalogs, { limits: { maxRenderSteps: 1_000 } });
    const text = engine
      .createSession()
      .format(
        { key: "m.value", arg: [{ key: "v", value }] },
        { onDiagnostic: (d) => diagnostics.push(d.code) },
      );
    expect(diagnostics).toContain("limit-exceeded");
    expect(text.length).toBeLessThan(20_000);
  });

  it("getters that throw give invalid-input", () => {
    const hostile = Object.defineProperty({}, "name", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(
      codeOf(() =>
        session().format({
          key: "m.path",
          arg: [{ key: "vm", value: hostile }],
        }),
      ),
    ).toBe("invalid-input");
    expect(
      codeOf(() =>
        session().formatEvent(
          new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error("trap");
              },
            },
          ),
        ),
      ),
    ).toBe("invalid-input");
  });

  it("rejects unusable API arguments with invalid-input", () => {
    const current = session();
    const cases: (() => unknown)[] = [
      () => current.formatTemplate(null as never, []),
      () => current.formatTemplate(5 as never, []),
      () => current.formatTemplate("{a}", null as never),
      () => current.format({ key: "m.value" }, { onDiagnostic: 5 as never }),
      () => current.format({ key: "m.value" }, { strict: "yes" as never }),
      () => current.setLocale(7 as never),
      () => new Locmsg(catalogs).createSession({ locale: 5 as never }),
    ];
    for (const run of cases) expect(codeOf(run)).toBe("invalid-input");
  });

  it("accepts bare values in a template argument list", () => {
    expect(session().formatTemplate("{1}{2}", [null, 5])).toBe("{1}5");
  });

  it("treats null session options as none", () => {
    expect(new Locmsg(catalogs).createSession(null).locale).toBe("en");
  });

  it("names NaN progress", () => {
    expect(() =>
      session().renderTaskInfo({
        key: "t",
        descriptionId: "x",
        state: "running",
        progress: Number.NaN,
      }),
    ).toThrow(/'progress' is NaN/);
  });
});

describe("describeValue", () => {
  const cases: [string, unknown, string][] = [
    ["bigint", { n: 10n }, '{"n":10}'],
    ["null prototype", Object.assign(Object.create(null), { a: 1 }), '{"a":1}'],
    ["date", new Date("2024-03-05T10:00:00Z"), "2024-03-05T10:00:00.000Z"],
    ["invalid date", new Date(Number.NaN), "Invalid Date"],
    ["nested string", ["a"], '["a"]'],
    ["undefined property", { a: undefined, b: 1 }, '{"b":1}'],
    ["non-finite", [Infinity], "[null]"],
  ];
  for (const [name, value, expected] of cases) {
    it(`writes ${name}`, () => expect(describeValue(value)).toBe(expected));
  }

  it("cuts long output", () => {
    expect(describeValue({ text: "x".repeat(100) }, 20)).toBe(
      `{"text":"xxxxxxxxxxx…`,
    );
  });

  it("marks cycles", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["me"] = cyclic;
    expect(describeValue(cyclic)).toBe('{"me":"[Circular]"}');
  });
});

describe("decodeViJson references", () => {
  it("decodes a shared object once", () => {
    const shared = { _typeName: "Thing", n: { _typeName: "int", _value: 1 } };
    const decoded = decodeViJson({ a: shared, b: shared }) as Record<
      string,
      unknown
    >;
    expect(decoded["a"]).toBe(decoded["b"]);
  });

  it("keeps cycles as cycles", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic["self"] = cyclic;
    const decoded = decodeViJson(cyclic) as Record<string, unknown>;
    expect(decoded["self"]).toBe(decoded);
  });
});
