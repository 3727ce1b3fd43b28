// locmsg/browser's API: labels, diagnostics with the server's details,
// prototype-named keys, invalid input and failed requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLocmsg,
  loadLocmsg,
  type BrowserDiagnostic,
  type Bundle,
} from "../../src/browser/index.js";
import { mf2 } from "../../src/browser/mf2.js";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      state: "State is {field.@enum.TaskInfo.State}",
      lookup: "Pick {1}",
      ["__proto__"]: "proto {x}",
      ["constructor"]: "built",
    },
    enum: { "TaskInfo.State.queued.label": "Queued" },
  },
  de: { enum: { "TaskInfo.State.queued.label": "In Warteschlange" } },
});
const build = buildBundles(catalogs);
const bundles = build.manifest.catalogs.map(
  (entry) => JSON.parse(build.files.get(entry.catalogUri)!) as Bundle,
);

function browser(locale: string) {
  const diagnostics: BrowserDiagnostic[] = [];
  const locmsg = createLocmsg(build.manifest, bundles, {
    locale,
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  });
  return { locmsg, diagnostics };
}

describe("createLocmsg", () => {
  it("reads labels", () => {
    const { locmsg, diagnostics } = browser("de-AT");
    expect(locmsg.chain).toEqual(["de", "en"]);
    expect(locmsg.locale).toBe("de-AT");
    expect(locmsg.label("enum", "TaskInfo.State.queued")).toBe(
      "In Warteschlange",
    );
    expect(locmsg.label("task", "host.PatchManager.Check")).toBe("Check");
    expect(diagnostics).toEqual([
      {
        code: "missing-label",
        severity: "warning",
        message: "host.PatchManager.Check.label",
        key: "host.PatchManager.Check.label",
        catalog: "task",
      },
    ]);
  });

  it("reports like the server", () => {
    const message = { key: "state", arg: [{ key: "field", value: "paused" }] };
    const server: Diagnostic[] = [];
    new Locmsg(catalogs).createSession({ locale: "de" }).format(message, {
      onDiagnostic: (diagnostic) => server.push(diagnostic),
    });
    const { locmsg, diagnostics } = browser("de");
    expect(locmsg.format(message)).toBe("State is paused");
    const details = ({
      code,
      severity,
      key,
      catalog,
      locale,
    }: Partial<Diagnostic>) => ({
      code,
      severity,
      key,
      catalog,
      locale,
    });
    expect(diagnostics.map(details)).toEqual(server.map(details));
  });

  it("keeps prototype names as keys", () => {
    const { locmsg } = browser("en");
    expect(
      locmsg.format({ key: "__proto__", arg: [{ key: "x", value: 1 }] }),
    ).toBe("proto 1");
    expect(locmsg.format({ key: "lookup", arg: ["constructor"] })).toBe(
      "Pick built",
    );
    expect(locmsg.format({ key: "lookup", arg: ["toString"] })).toBe(
      "Pick toString",
    );
  });

  it("uses a given chain", () => {
    const locmsg = createLocmsg(build.manifest, bundles, {
      locale: "fr",
      chain: ["de", "en"],
    });
    expect(
      locmsg.format({ key: "state", arg: [{ key: "field", value: "queued" }] }),
    ).toBe("State is In Warteschlange");
  });

  it("renders MF2 with the add-on only", () => {
    const mf2Bundle: Bundle = {
      format: 1,
      locale: "en",
      catalog: "locmsg",
      module: "",
      messages: {
        count: [{ d: {}, v: [[0, ["n=", { x: { a: "n" }, src: "{$n}" }]]] }],
      },
    };
    const message = { key: "count", arg: [{ key: "n", value: "3" }] };
    const diagnostics: BrowserDiagnostic[] = [];
    const without = createLocmsg(build.manifest, [mf2Bundle], {
      locale: "en",
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    });
    expect(without.format(message)).toBe("");
    expect(diagnostics.map(({ code, severity }) => [code, severity])).toEqual([
      ["mf2-format", "error"],
    ]);
    const withAddOn = createLocmsg(build.manifest, [mf2Bundle], {
      locale: "en",
      mf2,
    });
    expect(withAddOn.format(message)).toBe("n=3");
  });

  it("reads no message while loading", () => {
    const reads: PropertyKey[] = [];
    const messages = new Proxy<Bundle["messages"]>(
      { greeting: "Hi" },
      {
        get: (target, property, receiver) => {
          reads.push(property);
          return Reflect.get(target, property, receiver);
        },
        ownKeys: (target) => {
          reads.push("ownKeys");
          return Reflect.ownKeys(target);
        },
      },
    );
    const bundle: Bundle = {
      format: 1,
      locale: "en",
      catalog: "locmsg",
      module: "",
      messages,
    };
    const locmsg = createLocmsg(build.manifest, [bundle], { locale: "en" });
    expect(reads).toEqual([]);
    expect(locmsg.format({ key: "greeting", arg: [] })).toBe("Hi");
    expect(reads).toEqual(["greeting"]);
  });

  it("rejects invalid input", () => {
    const { locmsg } = browser("en");
    expect(() => locmsg.format({ arg: [] })).toThrow(
      expect.objectContaining({ code: "invalid-input" }),
    );
    expect(() => locmsg.formatEvent({ vm: {} })).toThrow(
      expect.objectContaining({ code: "invalid-input" }),
    );
  });
});

describe("loadLocmsg", () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic({});
  });

  afterAll(async () => {
    await server.close();
  });

  it("fails on a missing manifest", async () => {
    await expect(
      loadLocmsg(`${server.url}/nothing/manifest.json`),
    ).rejects.toThrow(/HTTP 404/);
  });
});
