import { beforeAll, describe, expect, it } from "vitest";
import type { Locmsg } from "../../src/engine/locmsg.js";
import { formatWithDiagnostics, loadEngine } from "./mf2-catalogs.js";

const CATALOGS = {
  "en/locmsg.yaml": `
state: !mf2 "State is {$field :label catalog=enum prefix=TaskInfo.State}"
noPrefix: !mf2 "Value {$v :label catalog=enum}"
badCatalog: !mf2 "Value {$v :label catalog=nosuch}"
noCatalog: !mf2 "Value {$v :label}"
selectOnLabel: !mf2 |-
  .local $label = {$field :label catalog=enum prefix=TaskInfo.State}
  .match $label
  Queued {{waiting}}
  *      {{{$label}}}
outer: !mf2 "Outer: {$arg1 :msg}"
inner: !mf2 "{$count :number} VMs"
plainInner: "{count} machines"
cycle.a: !mf2 "A({$arg1 :msg})"
cycle.b: !mf2 "B({$arg2 :msg})"
deep.1: !mf2 "1 {$arg1 :msg}"
deep.2: !mf2 "2 {$arg2 :msg}"
deep.3: !mf2 "3 {$arg3 :msg}"
deep.4: "4"
mixed.a: "A {1}"
mixed.b: !mf2 "B {$arg2 :msg}"
selfLabel: !mf2 "{$v :label catalog=enum}"
`,
  "de/locmsg.yaml": `
state: !mf2 "Status: {$field :label catalog=enum prefix=TaskInfo.State}"
`,
  "en/enum.yaml": `
TaskInfo.State.queued.label: Queued
TaskInfo.State.running.label: Running
plain.label: Plain label
loop.label: !mf2 "L {$v :label catalog=enum}"
`,
  "de/enum.yaml": `
TaskInfo.State.queued.label: In Warteschlange
`,
};

let engine: Locmsg;

beforeAll(async () => {
  engine = await loadEngine(CATALOGS, { maxLookupDepth: 3 });
});

function render(
  locale: string,
  key: string,
  args: { key?: string; value: unknown }[] | unknown[] = [],
) {
  return formatWithDiagnostics(engine, locale, key, args);
}

describe(":label", () => {
  it("reads the label", () => {
    const result = render("en", "state", [{ key: "field", value: "queued" }]);
    expect(result.text).toBe("State is Queued");
    expect(result.diagnostics).toEqual([]);
  });

  it("follows the locale chain", () => {
    const german = render("de", "state", [{ key: "field", value: "queued" }]);
    expect(german.text).toBe("Status: In Warteschlange");
    const fallback = render("de", "state", [
      { key: "field", value: "running" },
    ]);
    expect(fallback.text).toBe("Status: Running");
    expect(fallback.diagnostics).toEqual([]);
  });

  it("works without a prefix", () => {
    const result = render("en", "noPrefix", [{ key: "v", value: "plain" }]);
    expect(result.text).toBe("Value Plain label");
  });

  it("can be a selector", () => {
    const queued = render("en", "selectOnLabel", [
      { key: "field", value: "queued" },
    ]);
    expect(queued.text).toBe("waiting");
    const running = render("en", "selectOnLabel", [
      { key: "field", value: "running" },
    ]);
    expect(running.text).toBe("Running");
  });

  it("reports a missing label", () => {
    const result = render("en", "state", [{ key: "field", value: "paused" }]);
    expect(result.text).toBe("State is {$field}");
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("missing-label");
    expect(diagnostic.severity).toBe("warning");
    expect(diagnostic.key).toBe("state");
    expect(diagnostic.catalog).toBe("locmsg");
    expect(diagnostic.locale).toBe("en");
    expect(diagnostic.line).toBe(2);
    expect(diagnostic.column).toBe(13);
    expect(diagnostic.message).toContain("'TaskInfo.State.paused.label'");
  });

  it("reports a missing catalog", () => {
    const result = render("en", "badCatalog", [{ key: "v", value: "x" }]);
    expect(result.text).toBe("Value {$v}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["missing-catalog"]);
    expect(result.diagnostics[0]!.message).toContain("'nosuch'");
  });

  it("requires the catalog option", () => {
    const result = render("en", "noCatalog", [{ key: "v", value: "x" }]);
    expect(result.text).toBe("Value {$v}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mf2-format"]);
    expect(result.diagnostics[0]!.message).toContain("catalog=NAME");
  });

  it("stops a label cycle", () => {
    const result = render("en", "selfLabel", [{ key: "v", value: "loop" }]);
    expect(result.text).toBe("L {$v}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["lookup-cycle"]);
    expect(result.diagnostics[0]!.key).toBe("loop.label");
    expect(result.diagnostics[0]!.catalog).toBe("enum");
  });
});

describe(":msg", () => {
  it("renders a key with the same arguments", () => {
    const result = render("en", "outer", [
      { key: "1", value: "inner" },
      { key: "count", value: 1200 },
    ]);
    expect(result.text).toBe("Outer: 1,200 VMs");
    expect(result.diagnostics).toEqual([]);
  });

  it("renders a vSphere template key", () => {
    const result = render("en", "outer", [
      { key: "1", value: "plainInner" },
      { key: "count", value: "three" },
    ]);
    expect(result.text).toBe("Outer: three machines");
  });

  it("inserts other values as text", () => {
    const text = render("en", "outer", ["no such key"]).text;
    expect(text).toBe("Outer: no such key");
    expect(render("en", "outer", [42]).text).toBe("Outer: 42");
  });

  it("stops a cycle", () => {
    const result = render("en", "cycle.a", ["cycle.b", "cycle.a"]);
    expect(result.text).toBe("A(B({$arg2}))");
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("lookup-cycle");
    expect(diagnostic.key).toBe("cycle.b");
    expect(diagnostic.message).toContain("cycle.a -> cycle.b -> cycle.a");
  });

  it("stops a cycle through a template", () => {
    const result = render("en", "mixed.a", ["mixed.b", "mixed.a"]);
    expect(result.text).toBe("A B {$arg2}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["lookup-cycle"]);
    expect(result.diagnostics[0]!.message).toContain(
      "mixed.a -> mixed.b -> mixed.a",
    );
  });

  it("stops at the depth limit", () => {
    const result = render("en", "deep.1", ["deep.2", "deep.3", "deep.4"]);
    expect(result.text).toBe("1 2 3 {$arg3}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["lookup-depth"]);
    expect(result.diagnostics[0]!.message).toContain("deeper than 3");
  });
});
