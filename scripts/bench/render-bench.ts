import type { Session } from "../../src/engine/session.js";
import {
  buildCases,
  INPUTS,
  type CompiledRenderers,
  type Renderer,
} from "./render-cases.js";
import { medianNanoseconds, warmCallSite } from "./measure.js";

export interface RenderResult {
  caseName: string;
  library: string;
  nanoseconds: number;
  /** Time relative to the template literal of the same case. */
  ratio: number;
  /** False when the library's text differs from the template literal's. */
  sameOutput: boolean;
}

/** Runs every case for every library and returns medians and ratios. */
export async function runRenderBench(
  session: Session,
  compiled: CompiledRenderers,
  options: { time: number; warmupTime: number },
): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  const cases = await buildCases(session, compiled);
  const runs = new Map<Renderer, (index: number) => string>();
  for (const benchCase of cases)
    for (const render of benchCase.renderers.values())
      runs.set(render, (index) => render(INPUTS[index & 3]!));
  warmCallSite([...runs.values()]);
  // One short measurement of each renderer, thrown away, so the timing
  // closure has seen them all too. Otherwise V8 specializes it for the
  // first renderer it times, which then measures at about half its cost.
  for (const run of runs.values())
    await medianNanoseconds(run, { time: 5, warmupTime: 0 });
  for (const benchCase of cases) {
    const baseline = benchCase.renderers.get("template literal")!;
    const expected = INPUTS.map((input) => baseline(input));
    const times = new Map<string, number>();

    for (const [library, render] of benchCase.renderers) {
      // The baseline is not called again: in the case with a new count
      // every call, a second call would give other texts.
      const sameOutput =
        render === baseline ||
        INPUTS.every((input, index) => render(input) === expected[index]);
      const nanoseconds = await medianNanoseconds(runs.get(render)!, options);
      times.set(library, nanoseconds);
      results.push({
        caseName: benchCase.name,
        library,
        nanoseconds,
        ratio: 0,
        sameOutput,
      });
    }
    const floor = times.get("template literal")!;
    for (const result of results) {
      if (result.caseName === benchCase.name)
        result.ratio = result.nanoseconds / floor;
    }
  }
  return results;
}
