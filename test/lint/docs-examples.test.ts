import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/locmsg.js", import.meta.url));

/** Returns the command lines of the `sh` blocks of docs/lint.md that run locmsg lint. */
function documentedCommands(): string[] {
  const text = readFileSync(`${PROJECT}/docs/lint.md`, "utf8");
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((match) => match[1]!.split("\n"))
    .filter((line) => /^(npx )?locmsg lint\b/.test(line));
}

/** Runs a documented line with sh in the project folder, with the built CLI as locmsg. */
function runDocumented(
  line: string,
): Promise<{ code: number | null; stderr: string }> {
  const command = line.replace(
    /^(npx )?locmsg /,
    `"${process.execPath}" "${BIN}" `,
  );
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], {
      cwd: PROJECT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

// Each line lints the shipped catalogs with the built CLI.
describe("docs/lint.md examples", { timeout: 60_000 }, () => {
  // Each line with its exit status and standard error.
  const expected = new Map<string, [number, string]>([
    ["npx locmsg lint                      # lints ./catalogs", [0, ""]],
    [
      "npx locmsg lint catalogs test/fixtures/catalogs-basic --format github --max-warnings 0",
      [1, "warnings exceed --max-warnings 0"],
    ],
    ['locmsg lint --ignore "dropped-placeholder:com.example.short.*"', [0, ""]],
    [
      'locmsg lint --ignore "missing-key:*/task/*" --ignore "missing-catalog-file:*/task/*"',
      [0, ""],
    ],
  ]);

  it("lists the commands checked here", () => {
    expect(documentedCommands()).toEqual([...expected.keys()]);
  });

  for (const [line, [code, stderr]] of expected) {
    it(`exits ${code}: ${line}`, async () => {
      const result = await runDocumented(line);
      // Status 2 would mean a folder or option the document names is wrong.
      expect(result.stderr).not.toMatch(/not found|not a directory/);
      expect(result.code).toBe(code);
      if (stderr === "") expect(result.stderr).toBe("");
      else expect(result.stderr).toContain(stderr);
    });
  }
});
