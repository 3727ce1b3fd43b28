import { Bench } from "tinybench";

/** Calls per benchmark sample; one call takes well under a microsecond. */
const CALLS_PER_SAMPLE = 1000;

let sink = 0;

/** Calls `run` `CALLS_PER_SAMPLE` times, all from this one call site. */
function sample(run: (index: number) => string): void {
  let length = 0;
  for (let index = 0; index < CALLS_PER_SAMPLE; index++)
    length += run(index).length;
  sink += length;
}

/**
 * Calls every renderer through the sampling loop before any is timed. The
 * loop's call site then has seen them all, so V8 inlines none of them into
 * it: the renderer timed first (the template literal) would otherwise be
 * inlined while the later ones are not, which favours it by an amount that
 * depends on the order.
 */
export function warmCallSite(runs: ((index: number) => string)[]): void {
  for (let round = 0; round < 20; round++) for (const run of runs) sample(run);
}

/**
 * Measures the median time of one call of `run`, in nanoseconds, over
 * repeated samples of `CALLS_PER_SAMPLE` calls after a warm-up.
 */
export async function medianNanoseconds(
  run: (index: number) => string,
  options: { time: number; warmupTime: number },
): Promise<number> {
  const bench = new Bench({ ...options, warmupIterations: 5 });
  bench.add("run", () => sample(run));
  await bench.run();
  const latency = bench.tasks[0]?.result;
  if (!latency || !("latency" in latency))
    throw new Error("benchmark produced no result");
  // tinybench reports milliseconds per sample.
  return (latency.latency.p50 * 1e6) / CALLS_PER_SAMPLE;
}

/** Keeps the measured work observable so the engine cannot drop it. */
export function consumeSink(): number {
  return sink;
}
