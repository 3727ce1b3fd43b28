// Labels may hold placeholders, so a label that reaches itself again, or a
// chain of labels deeper than maxLookupDepth, must stop with a diagnostic
// instead of recursing until the stack overflows.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

function session(maxLookupDepth?: number) {
  const diagnostics: Diagnostic[] = [];
  const engine = new Locmsg(
    buildCatalogs({
      en: {
        locmsg: {
          loop: "State {field.@enum.P}",
          chain: "[{field.@enum.C}]",
        },
        enum: {
          "P.loop.label": "again {field.@enum.P}",
          "C.a.label": "a{next.@enum.C}",
          "C.b.label": "b{last.@enum.C}",
          "C.c.label": "c",
        },
      },
    }),
    {
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
      ...(maxLookupDepth === undefined ? {} : { maxLookupDepth }),
    },
  );
  return { session: engine.createSession({ locale: "en" }), diagnostics };
}

describe("label nesting", () => {
  it("stops a label cycle", () => {
    const { session: target, diagnostics } = session();
    const message = { key: "loop", arg: [{ key: "field", value: "loop" }] };
    expect(target.format(message)).toBe("State again loop");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "lookup-cycle",
    ]);
    expect(diagnostics[0]!.message).toContain("P.loop.label -> P.loop.label");
  });

  it("stops a label cycle in a message function", () => {
    const { session: target, diagnostics } = session();
    expect(target.message("loop")({ field: "loop" })).toBe("State again loop");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "lookup-cycle",
    ]);
  });

  it("renders nested labels within maxLookupDepth", () => {
    const { session: target, diagnostics } = session();
    const args = { field: "a", next: "b", last: "c" };
    expect(target.message("chain")(args)).toBe("[abc]");
    expect(diagnostics).toEqual([]);
  });

  it("stops labels deeper than maxLookupDepth", () => {
    const { session: target, diagnostics } = session(2);
    const message = {
      key: "chain",
      arg: [
        { key: "field", value: "a" },
        { key: "next", value: "b" },
        { key: "last", value: "c" },
      ],
    };
    expect(target.format(message)).toBe("[ab]");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "lookup-depth",
    ]);
  });
});
