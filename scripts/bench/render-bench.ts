import type { Session } from "../../src/engine/session.js";
import {
  buildCases,
  INPUTS,
  type CompiledRenderers,
  type Renderer,
} from "./render-cases.js";
import { medianNanoseconds, warmCallSite } from "./measure.js";
import { median } from "./processes.js";

export interface RenderResult {
  caseName: string;
  library: string;
  /** The median over rounds of each round's median time of one call. */
  nanoseconds: number;
  /**
   * Time relative to the template literal of the same case: the median
   * over rounds of the ratio of the two times measured in that round.
   */
  ratio: number;
  /** The median time of one call in each round, in round order. */
  rounds: number[];
  /** False when the library's text differs from the template literal's. */
  sameOutput: boolean;
}

export interface RenderSettings {
  /** Rounds per case. Each round times every library of the case once. */
  rounds: number;
  /** Milliseconds each library is timed in one round. */
  time: number;
  warmupTime: number;
}

/**
 * Returns how many times slower `times` is than `baseline`: the median over rounds
 * of the ratio of the two times measured in the same round.
 */
export function pairedRatio(
  times: readonly number[],
  baseline: readonly number[],
): number {
  return median(times.map((time, round) => time / baseline[round]!));
}

type Run = (index: number) => string;

/**
 * Times every library of a case in rounds, in a rotated order each round,
 * so a change in the machine's load during the case reaches the baseline
 * and the library alike, and their ratio is taken within each round.
 */
async function timeCase(
  libraries: [string, Run][],
  settings: RenderSettings,
): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(
    libraries.map(([library]) => [library, []]),
  );
  for (let round = 0; round < settings.rounds; round++) {
    for (let offset = 0; offset < libraries.length; offset++) {
      const [library, run] = libraries[(round + offset) % libraries.length]!;
      times.get(library)!.push(await medianNanoseconds(run, settings));
    }
  }
  return times;
}

/** Runs every case for every library and returns medians and ratios. */
export async function runRenderBench(
  session: Session,
  compiled: CompiledRenderers,
  settings: RenderSettings,
): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  const cases = await buildCases(session, compiled);
  // The texts are compared before any timing, because the renderers of the
  // case with a new count every call make the same number of calls only until then.
  const sameOutput = new Map<Renderer, boolean>();
  for (const { renderers } of cases) {
    const baseline = renderers.get("template literal")!;
    const expected = INPUTS.map((input) => baseline(input));
    for (const render of renderers.values()) {
      sameOutput.set(
        render,
        render === baseline ||
          INPUTS.every((input, index) => render(input) === expected[index]),
      );
    }
  }
  const runs = new Map<Renderer, Run>();
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
    const libraries = [...benchCase.renderers].map(
      ([library, render]): [string, Run] => [library, runs.get(render)!],
    );
    const times = await timeCase(libraries, settings);
    const floor = times.get("template literal")!;

    for (const [library, render] of benchCase.renderers) {
      const own = times.get(library)!;
      results.push({
        caseName: benchCase.name,
        library,
        nanoseconds: median(own),
        ratio: pairedRatio(own, floor),
        rounds: own,
        sameOutput: sameOutput.get(render)!,
      });
    }
  }
  return results;
}
