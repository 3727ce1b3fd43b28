import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  generateParserSource,
  parserTypes,
} from "../../scripts/generate-parser.js";

describe("generated parser", () => {
  it("matches the grammar", async () => {
    const committed = await readFile(
      "src/parse/generated/message-parser.js",
      "utf8",
    );
    expect(committed).toBe(await generateParserSource());
  });

  it("has current type declarations", async () => {
    const committed = await readFile(
      "src/parse/generated/message-parser.d.ts",
      "utf8",
    );
    expect(committed).toBe(parserTypes);
  });
});
