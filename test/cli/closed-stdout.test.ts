import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeTree } from "./temp-files.js";

const BIN = fileURLToPath(new URL("../../bin/locmsg.js", import.meta.url));

/** Far more output than a pipe buffers (64 KiB on Linux). */
const COUNT = 20_000;

/**
 * Runs the built CLI and closes the read end of its stdout after the first
 * chunk, as `| head -1` does, so the CLI's later writes fail with EPIPE.
 */
function runWithClosedStdout(
  args: string[],
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.once("data", () => child.stdout.destroy());
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

describe("stdout closed by the reader", () => {
  it("task stops writing and exits 0", async () => {
    const tasks = Array.from({ length: COUNT }, (_, index) => ({
      key: `task-${index}`,
      descriptionId: "VirtualMachine.powerOn",
      entityName: `web${index}`,
      state: "running",
      progress: 40,
    }));
    const file = path.join(dir, "tasks.json");
    await writeFile(file, JSON.stringify(tasks));
    const result = await runWithClosedStdout(["task", file, "--locale", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("export extension --out - exits 0", async () => {
    const lines = Array.from(
      { length: COUNT },
      (_, index) => `key${index}.label: "Label number ${index}"`,
    );
    const catalogs = await writeTree(path.join(dir, "big"), {
      "en/task.yaml": `${lines.join("\n")}\n`,
    });
    const result = await runWithClosedStdout([
      "export",
      "extension",
      catalogs,
      "--out",
      "-",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("lint keeps its exit code 1", async () => {
    // Every value has an unclosed placeholder, so each key is an error.
    const lines = Array.from(
      { length: 2_000 },
      (_, index) => `key${index}: "unclosed {${index}"`,
    );
    const catalogs = await writeTree(path.join(dir, "broken"), {
      "en/task.yaml": `${lines.join("\n")}\n`,
    });
    const result = await runWithClosedStdout(["lint", catalogs]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
  });
});
