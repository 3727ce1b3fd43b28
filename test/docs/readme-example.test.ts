import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const EXAMPLE = "docs/examples/library.ts";

/** Code blocks of a Markdown text whose info string is `language`. */
function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  let currentLanguage = "";
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("```")) {
      current?.push(line);
    } else if (current === undefined) {
      current = [];
      currentLanguage = line.slice(3).trim();
    } else {
      if (currentLanguage === language) blocks.push(current.join("\n") + "\n");
      current = undefined;
    }
  }
  return blocks;
}

describe("README library example", () => {
  it("shows the example file verbatim", async () => {
    const [readme, example] = await Promise.all([
      readFile("README.md", "utf8"),
      readFile(EXAMPLE, "utf8"),
    ]);
    expect(fencedBlocks(readme, "ts")).toContain(example);
  });

  it("prints what the README says", async () => {
    const readme = await readFile("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Library"));
    const expected = fencedBlocks(section, "")[0];
    const { stdout } = await run(process.execPath, [
      "--import",
      "tsx",
      EXAMPLE,
    ]);
    expect(stdout).toBe(expected);
  });
});
