import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { runCli } from "../helpers/run-cli.js";

describe("imported open-vm-tools catalogs", () => {
  it("lint flags only the Italian double-escaped newlines", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "locmsg-vmsg-lint-"));
    const imported = await runCli([
      "import",
      "vmsg",
      "test/fixtures/vmsg/toolbox.en.vmsg",
      "test/fixtures/vmsg/toolbox.it.vmsg",
      "--out",
      out,
    ]);
    expect(imported.code).toBe(0);

    const lint = await runCli(["lint", out, "--format", "json"]);
    const diagnostics = JSON.parse(lint.stdout) as Diagnostic[];
    const escapes = diagnostics.filter(
      (diagnostic) => diagnostic.code === "literal-escape",
    );
    expect(
      escapes.map((diagnostic) => [diagnostic.locale, diagnostic.key]),
    ).toEqual([
      ["it", "disk.wiper.progress"],
      ["it", "stat.get.failed"],
    ]);

    // printf placeholders such as %1$s are text, so no placeholder rule fires.
    const placeholderCodes = [
      "unknown-placeholder",
      "dropped-placeholder",
      "template-syntax",
    ];
    expect(
      diagnostics.filter((diagnostic) =>
        placeholderCodes.includes(diagnostic.code),
      ),
    ).toEqual([]);
    expect(
      diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
    ).toEqual([]);
  });
});
