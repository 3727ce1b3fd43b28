import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../../src/cli/export-command.js";
import { IMPORT_FORMATS } from "../../src/cli/import-command.js";
import { COMMANDS } from "../../src/cli/main.js";

describe("command table", () => {
  it("loads every command", async () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(typeof (await command.load()), name).toBe("function");
    }
  });

  it("lists every import and export format", () => {
    for (const format of Object.keys(IMPORT_FORMATS))
      expect(COMMANDS["import"]!.summary).toContain(format);
    for (const format of Object.keys(EXPORT_FORMATS))
      expect(COMMANDS["export"]!.summary).toContain(format);
  });
});
