import { Bench } from "tinybench";

/** Calls per benchmark sample; one call takes well under a microsecond. */
const CALLS_PER_SAMPLE = 1000;

let sink = 0;

/**
 * Measures the median time of one call of `run`, in nanoseconds, over
 * repeated samples of `CALLS_PER_SAMPLE` calls after a warm-up.
 */
export async function medianNanoseconds(
  run: (index: number) => string,
  options: { time: number; warmupTime: number },
): Promise<number> {
  const bench = new Bench({ ...options, warmupIterations: 5 });
  bench.add("run", () => {
    let length = 0;
    for (let index = 0; index < CALLS_PER_SAMPLE; index++)
      length += run(index).length;
    sink += length;
  });
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
