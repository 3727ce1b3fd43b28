/**
 * Gives each test run one fresh temporary folder and removes it at the end.
 * Tests create their temporary folders with `os.tmpdir()`, which reads
 * TMPDIR, and the CLI and servers they start inherit the environment, so
 * everything a run creates lands in this folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's temporary folder, which TMPDIR names. */
    testTempRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "locmsg-test-"));
  const previous = process.env["TMPDIR"];
  // Set before vitest starts its workers, which copy the environment.
  process.env["TMPDIR"] = root;
  project.provide("testTempRoot", root);
  return () => {
    if (previous === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
