// `npm run bench -- --only PARTS` rejects an unknown part before it builds
// or measures anything.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("bench --only", () => {
  it("rejects an unknown part", async () => {
    const failure = await run(process.execPath, [
      "--import",
      "tsx",
      "scripts/bench/run.ts",
      "--only",
      "render,nope",
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'invalid --only value "render,nope"; use a comma-separated list of render, cold-start, compile-lint, server, cli',
    );
  });
});
