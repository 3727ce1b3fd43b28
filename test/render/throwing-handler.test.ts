// An onDiagnostic handler that throws stops the render with its own error,
// in vSphere templates and in MF2 messages alike.
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
