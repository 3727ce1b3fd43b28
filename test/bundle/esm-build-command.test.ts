// `locmsg build --format esm` as a child process (the built CLI; run
// `npm run build` first).
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import type { EsmIndex } from "./esm-fixtures.js";

// Each run starts Node and loads every shipped catalog.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "locmsg-build-esm-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("locmsg build --format esm", () => {
  it("writes modules that render", async () => {
    const out = path.join(dir, "shipped");
    const result = await runCli(["build", "--format", "esm", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote \d+ catalog modules for \d+ locales and .*index\.js\n$/,
    );
    expect(existsSync(path.join(out, "runtime.js"))).toBe(true);
    expect(existsSync(path.join(out, "de", "locmsg.js"))).toBe(true);

    const url = pathToFileURL(path.join(out, "index.js")).href;
    const index = (await import(/* @vite-ignore */ url)) as EsmIndex;
    const locmsg = await index.loadLocmsg({ locale: "de" });
    const message = {
      key: "com.vmware.locmsg.taskState",
      arg: [{ key: "field", value: "queued" }],
    };
    expect(locmsg.format(message)).toBe("Status: In Warteschlange");
  });

  it("copies the runtime that sits beside the compiled builder", async () => {
    const out = path.join(dir, "runtime");
    expect(
      (await runCli(["build", "--format", "esm", "--out", out])).code,
    ).toBe(0);
    const written = await readFile(path.join(out, "runtime.js"), "utf8");
    const compiled = await readFile("dist/bundle/esm/runtime.js", "utf8");
    // The source map comment of tsc's copy is left out, with the map.
    expect(compiled).toContain("//# sourceMappingURL=");
    expect(written).not.toContain("//# sourceMappingURL=");
    expect(compiled.startsWith(written.trimEnd())).toBe(true);
  });

  it("rejects an unknown format", async () => {
    const out = path.join(dir, "xml");
    const result = await runCli(["build", "--format", "xml", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid --format 'xml'");
    expect(existsSync(out)).toBe(false);
  });

  it("documents the format in --help", async () => {
    const result = await runCli(["build", "--help"]);
    expect(result.stdout).toContain("--format F");
  });
});

describe("locmsg build default locale", () => {
  it("exits 2 for a default locale without catalogs", async () => {
    const { runCli } = await import("../helpers/run-cli.js");
    const { mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const out = await mkdtemp(path.join(tmpdir(), "locmsg-build-"));
    const result = await runCli([
      "build",
      "catalogs",
      "--out",
      out,
      "--default-locale",
      "zz",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--default-locale zz has no catalogs/);
    expect(result.stderr).not.toMatch(/MessageFormat 2/);
  });
});
