// buildEsmModules output: the files it writes, what they may contain, and
// the renderer API beyond the shared vectors.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEsmModules } from "../../src/bundle/esm/build-esm.js";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import { FIXTURE_CATALOGS } from "../vectors/vector-cases.js";
import { buildEsmFixture, loadStrict, type EsmBuild } from "./esm-fixtures.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      ip: "IP address is {address}",
      select: "Select '{1}' to {2}",
      powered: "{vm.name} on {host.name}",
      state: "State is {field.@enum.TaskInfo.State}",
      "button.cancel": "Cancel",
      inherited: "{constructor} and {toString}",
      ["__proto__"]: "proto {name}",
    },
    enum: { "TaskInfo.State.queued.label": "Queued" },
  },
  de: {
    locmsg: { ip: "IP-Adresse ist {address}" },
    enum: { "TaskInfo.State.queued.label": "In Warteschlange" },
  },
});

let build: EsmBuild;
const diagnostics: string[] = [];

beforeAll(async () => {
  build = await buildEsmFixture(catalogs);
});

afterAll(async () => {
  await build?.remove();
});

async function english() {
  diagnostics.length = 0;
  return build.index.loadLocmsg({
    locale: "en",
    onDiagnostic: (diagnostic: { code: string }) =>
      diagnostics.push(diagnostic.code),
  });
}

describe("buildEsmModules", () => {
  it("writes the runtime, one module per catalog and the index last", () => {
    const files = [...buildEsmModules(catalogs).files.keys()];
    expect(files).toEqual([
      "runtime.js",
      "de/enum.js",
      "de/locmsg.js",
      "en/enum.js",
      "en/locmsg.js",
      "index.d.ts",
      "index.js",
    ]);
  });

  it("generates no code at run time", () => {
    for (const [file, text] of buildEsmModules(catalogs).files) {
      expect(text, file).not.toMatch(/\beval\s*\(/);
      expect(text, file).not.toMatch(/\bFunction\s*\(/);
    }
  });

  it("turns messages into functions", () => {
    const module = buildEsmModules(catalogs).files.get("en/locmsg.js")!;
    expect(module).toContain(
      'return (a, f) => "IP address is " + text(c, f, "address", "{address}");',
    );
    expect(module).toContain(
      'return "IP address is " + v0;\n    return start(c, a);',
    );
    expect(module).toContain('["button.cancel", "Cancel"]');
  });

  it("builds the same files twice", () => {
    const first = buildEsmModules(catalogs).files;
    const second = buildEsmModules(catalogs).files;
    expect([...second]).toEqual([...first]);
  });

  it("rejects MF2 outside the subset and writes nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-esm-mf2-"));
    try {
      await mkdir(path.join(dir, "en"));
      await writeFile(
        path.join(dir, "en", "locmsg.yaml"),
        'ok: !mf2 "{$n :number}"\nshare: !mf2 "{$n :percent}"\n',
      );
      const { catalogs: loaded } = await loadCatalogDirectory(dir);
      const result = buildEsmModules(loaded);
      const codes = result.diagnostics.map((diagnostic) => diagnostic.code);
      expect(codes).toEqual(["mf2-unsupported"]);
      expect(result.files.size).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("ES module renderer", () => {
  it("formats in the session's chain", async () => {
    const locmsg = await build.index.loadLocmsg({ locale: "de-AT" });
    expect(locmsg.chain).toEqual(["de", "en"]);
    const message = {
      key: "state",
      arg: [{ key: "field", value: "queued" }],
    };
    expect(locmsg.format(message)).toBe("State is In Warteschlange");
  });

  it("renders a message function with named arguments", async () => {
    const locmsg = await english();
    const ip = locmsg.message("ip");
    expect(ip({ address: "10.0.0.1" })).toBe("IP address is 10.0.0.1");
    expect(diagnostics).toEqual([]);
  });

  it("reads {1} from the key 1", async () => {
    const locmsg = await english();
    const select = locmsg.message("select");
    expect(select({ 1: "button.cancel", 2: "revert" })).toBe(
      "Select 'Cancel' to revert",
    );
  });

  it("reports a missing argument of a message function", async () => {
    const locmsg = await english();
    expect(locmsg.message("powered")({ vm: { name: "web01" } })).toBe(
      "web01 on {host.name}",
    );
    expect(diagnostics).toEqual(["missing-argument"]);
  });

  it("falls back for a key no catalog has", async () => {
    const locmsg = await english();
    expect(locmsg.message("nope")({ vm: "web01" })).toBe("nope (vm = web01)");
    expect(diagnostics).toEqual(["missing-message"]);
  });

  it("returns a plain message as it is", async () => {
    const locmsg = await english();
    expect(locmsg.message("button.cancel")()).toBe("Cancel");
  });

  it("reads only own arguments", async () => {
    const locmsg = await english();
    const text = locmsg.format({
      key: "inherited",
      arg: [{ key: "constructor", value: "built" }],
    });
    expect(text).toBe("built and {toString}");
    expect(diagnostics).toEqual(["missing-argument"]);
  });

  it("keeps __proto__ an ordinary key and argument", async () => {
    const locmsg = await english();
    const text = locmsg.format({
      key: "__proto__",
      arg: [{ key: "name", value: "web01" }],
    });
    expect(text).toBe("proto web01");
    expect(diagnostics).toEqual([]);
  });

  it("creates a renderer from imported modules", async () => {
    const url = pathToFileURL(path.join(build.outDir, "en", "locmsg.js")).href;
    const module = (await import(/* @vite-ignore */ url)) as object;
    const locmsg = build.index.createLocmsg([module], { locale: "en" });
    const message = { key: "ip", arg: [{ key: "address", value: "::1" }] };
    expect(locmsg.format(message)).toBe("IP address is ::1");
  });
});

describe("ES modules of the vector catalogs", () => {
  it("build without diagnostics", async () => {
    const result = buildEsmModules(await loadStrict(FIXTURE_CATALOGS));
    expect(result.diagnostics).toEqual([]);
    expect(result.files.has("index.js")).toBe(true);
  });
});
