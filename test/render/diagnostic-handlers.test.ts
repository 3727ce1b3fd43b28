// An onDiagnostic handler that throws stops the render with its own error,
// in vSphere templates and in MF2 messages alike, and a handler that
// renders again leaves the outer render's budget as it was.
import { describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { FIXTURE_CATALOGS } from "../vectors/vector-cases.js";

class Stop extends Error {}

const cases: [string, object][] = [
  ["template placeholder", { key: "hello", arg: [] }],
  ["MF2 expression", { key: "percent", arg: [] }],
  [
    "MF2 list past the render budget",
    {
      key: "plain",
      arg: [{ key: "arg1", value: Array(100_001).fill("x") }],
    },
  ],
];

describe("throwing onDiagnostic", () => {
  it.each(cases)("%s throws the handler's error", async (_name, message) => {
    const engine = await Locmsg.fromDirectory(FIXTURE_CATALOGS);
    const stop = new Stop("stop here");
    const render = () =>
      engine.createSession({ locale: "en" }).format(message, {
        onDiagnostic: () => {
          throw stop;
        },
      });
    expect(render).toThrow(stop);
  });
});

describe("render inside an onDiagnostic handler", () => {
  it("leaves the outer render's budget as it was", async () => {
    const engine = await Locmsg.fromDirectory(FIXTURE_CATALOGS);
    const session = engine.createSession({ locale: "en" });
    const inner: string[] = [];
    const text = session.format(
      {
        key: "nested",
        arg: [
          { key: "1", value: Array(100_000).fill("x") },
          { key: "2", value: ["t", "t", "t"] },
        ],
      },
      {
        onDiagnostic: (diagnostic) => {
          if (diagnostic.code !== "limit-exceeded") return;
          // A missing argument sends this render to the general path,
          // which takes a render budget.
          inner.push(session.format({ key: "hello", arg: [] }));
        },
      },
    );
    expect(inner).toEqual(["Hello {name}"]);
    // The placeholder and 99,999 items spend the budget, so `{2}` stays as written.
    expect(text.endsWith("x: {2}")).toBe(true);
  });
});
