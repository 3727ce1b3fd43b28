import type { VectorCase, VectorResult } from "../vectors/vector-cases.js";

export declare function runCases(
  loadLocmsg: (url: string, options: object) => Promise<unknown>,
  manifestUrl: string,
  cases: readonly VectorCase[],
  extraOptions?: object,
): Promise<VectorResult[]>;
