// Variables named like Object.prototype properties are arguments like any
// other: when missing, they are reported, not read from the prototype.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadEngine } from "./mf2-catalogs.js";

describe("MF2 variables named like prototype properties", () => {
  for (const name of ["constructor", "toString", "valueOf", "__proto__"]) {
    it(`reports a missing $${name}`, async () => {
      const diagnostics: Diagnostic[] = [];
      const engine = await loadEngine(
        { "en/locmsg.yaml": `m: !mf2 "x {$${name}} y"\n` },
        { onDiagnostic: (diagnostic) => diagnostics.push(diagnostic) },
      );
      const session = engine.createSession({ locale: "en" });
      expect(session.format({ key: "m", arg: [] })).toBe(`x {$${name}} y`);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
        "missing-argument",
      ]);
    });
  }

  it("renders $constructor when it is passed", async () => {
    const engine = await loadEngine({
      "en/locmsg.yaml": 'm: !mf2 "x {$constructor} y"\n',
    });
    const session = engine.createSession({ locale: "en" });
    expect(session.message("m")({ constructor: "given" })).toBe("x given y");
  });
});
