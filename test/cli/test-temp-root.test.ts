import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

describe("test temporary folder", () => {
  const root = inject("testTempRoot");

  it("is a fresh locmsg-test- folder", () => {
    expect(path.basename(root)).toMatch(/^locmsg-test-/);
  });

  it("is os.tmpdir() in test workers", async () => {
    expect(tmpdir()).toBe(root);
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-probe-"));
    expect(path.dirname(dir)).toBe(root);
  });

  it("is os.tmpdir() in child processes", () => {
    const childTmpdir = execFileSync(
      process.execPath,
      ["-e", "process.stdout.write(require('node:os').tmpdir())"],
      { encoding: "utf8" },
    );
    expect(realpathSync(childTmpdir)).toBe(realpathSync(root));
  });
});
