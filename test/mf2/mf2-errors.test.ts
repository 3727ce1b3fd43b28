import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  LocmsgError,
  type Diagnostic,
} from "../../src/diagnostics/diagnostic.js";
import type { Locmsg } from "../../src/engine/locmsg.js";
import { formatWithDiagnostics, loadEngine } from "./mf2-catalogs.js";

const CATALOGS = {
  "en/locmsg.yaml": `
vmCount: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtual machine}}
  *   {{{$count} virtual machines}}
greeting: !mf2 "Hello {$name}, you have {$count :number} alarms"
unknownFunction: !mf2 "Size {$size :bytes}"
badOption: !mf2 "{$n :number minimumFractionDigits=many} items"
dateOnly: !mf2 "Due {$when :date}"
outer: !mf2 "Outer: {$arg1 :msg}"
inner: !mf2 "Inner {$missing}"
label: !mf2 "State {$field :label catalog=enum}"
`,
  "en/enum.yaml": "queued.label: Queued\n",
};

let engine: Locmsg;

beforeAll(async () => {
  engine = await loadEngine(CATALOGS);
});

function render(key: string, args: { key?: string; value: unknown }[] = []) {
  return formatWithDiagnostics(engine, "en", key, args);
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe("runtime errors", () => {
  it("report a missing variable", () => {
    const result = render("greeting", [{ key: "count", value: 2 }]);
    expect(result.text).toBe("Hello {$name}, you have 2 alarms");
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.code).toBe("missing-argument");
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.key).toBe("greeting");
    expect(diagnostic.catalog).toBe("locmsg");
    expect(diagnostic.locale).toBe("en");
    expect(diagnostic.file).toMatch(/en[\\/]locmsg\.yaml$/);
    expect(diagnostic.line).toBe(7);
    expect(diagnostic.column).toBe(16);
    expect(diagnostic.message).toContain("{$name}");
  });

  it("report a missing selector once", () => {
    const result = render("vmCount");
    expect(result.text).toBe("{$count} virtual machines");
    expect(codes(result.diagnostics)).toEqual(["missing-argument"]);
    expect(result.diagnostics[0]!.line).toBe(2);
    expect(result.diagnostics[0]!.column).toBe(15);
  });

  it("report a non-numeric operand", () => {
    const result = render("vmCount", [{ key: "count", value: "many" }]);
    expect(result.text).toBe("{$count} virtual machines");
    expect(codes(result.diagnostics)).toEqual(["invalid-argument"]);
    expect(result.diagnostics[0]!.message).toContain("{$count}");
  });

  it("report an invalid date", () => {
    const result = render("dateOnly", [{ key: "when", value: "tomorrow" }]);
    expect(result.text).toBe("Due {$when}");
    expect(codes(result.diagnostics)).toEqual(["invalid-argument"]);
  });

  it("report an unknown function", () => {
    const result = render("unknownFunction", [{ key: "size", value: 5 }]);
    expect(result.text).toBe("Size {$size}");
    expect(codes(result.diagnostics)).toEqual(["mf2-format"]);
    expect(result.diagnostics[0]!.message).toContain(":bytes");
  });

  it("report an invalid option", () => {
    const result = render("badOption", [{ key: "n", value: 3 }]);
    expect(result.text).toBe("3 items");
    expect(codes(result.diagnostics)).toEqual(["mf2-format"]);
    expect(result.diagnostics[0]!.message).toContain("minimumFractionDigits");
  });

  it("point at the nested entry", () => {
    const result = render("outer", [{ key: "1", value: "inner" }]);
    expect(result.text).toBe("Outer: Inner {$missing}");
    expect(codes(result.diagnostics)).toEqual(["missing-argument"]);
    expect(result.diagnostics[0]!.key).toBe("inner");
    expect(result.diagnostics[0]!.line).toBe(12);
  });

  it("reach the engine handler", async () => {
    const seen: Diagnostic[] = [];
    const withHandler = await loadEngine(CATALOGS, {
      onDiagnostic: (diagnostic) => seen.push(diagnostic),
    });
    const text = withHandler
      .createSession({ locale: "en" })
      .format({ key: "greeting", arg: [{ key: "count", value: 1 }] });
    expect(text).toBe("Hello {$name}, you have 1 alarms");
    expect(codes(seen)).toEqual(["missing-argument"]);
  });
});

describe("any argument value", () => {
  it("renders without throwing", () => {
    const session = engine.createSession({ locale: "de", timeZone: "UTC" });
    const keys = ["vmCount", "greeting", "dateOnly", "outer", "label"];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        const arg = ["count", "name", "when", "1", "field"].map((name) => ({
          key: name,
          value,
        }));
        const text = session.format({ key, arg }, { onDiagnostic: () => {} });
        expect(typeof text).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});

describe("strict mode", () => {
  function strictError(
    key: string,
    args: { key?: string; value: unknown }[] = [],
  ): LocmsgError {
    const session = engine.createSession({ locale: "en" });
    try {
      session.format({ key, arg: args }, { strict: true });
    } catch (error) {
      expect(error).toBeInstanceOf(LocmsgError);
      return error as LocmsgError;
    }
    throw new Error(`formatting '${key}' did not throw`);
  }

  it("throws for a missing variable", () => {
    const error = strictError("greeting", [{ key: "count", value: 2 }]);
    expect(error.code).toBe("missing-argument");
    expect(error.diagnostics).toHaveLength(1);
    expect(error.message).toMatch(/locmsg\.yaml:7:16: error missing-argument/);
  });

  it("throws for a missing selector", () => {
    expect(strictError("vmCount").code).toBe("missing-argument");
  });

  it("throws for an invalid option", () => {
    const error = strictError("badOption", [{ key: "n", value: 3 }]);
    expect(error.code).toBe("mf2-format");
  });

  it("throws for a missing label", () => {
    const error = strictError("label", [{ key: "field", value: "paused" }]);
    expect(error.code).toBe("missing-label");
  });

  it("throws from a nested entry", () => {
    const error = strictError("outer", [{ key: "1", value: "inner" }]);
    expect(error.code).toBe("missing-argument");
    expect(error.diagnostics[0]!.key).toBe("inner");
  });

  it("renders when nothing fails", () => {
    const session = engine.createSession({ locale: "en" });
    const text = session.format(
      { key: "vmCount", arg: [{ key: "count", value: 1 }] },
      { strict: true },
    );
    expect(text).toBe("1 virtual machine");
  });

  it("follows the engine setting", async () => {
    const strictEngine = await loadEngine(CATALOGS, { strict: true });
    const session = strictEngine.createSession({ locale: "en" });
    expect(() => session.format({ key: "vmCount" })).toThrow(LocmsgError);
  });
});
