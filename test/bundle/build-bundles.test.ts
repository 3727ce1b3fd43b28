import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import { loadCatalogDirectorySync } from "../../src/catalogs/load-directory.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      plain: "Hello",
      named: "IP address is {address}",
      label: "State is {field.@enum.TaskInfo.State}",
      bare: "Color {color.@colors}",
      position: "first {01} then {2}",
      braces: "Use {{name}}",
      ["__proto__"]: "proto {x}",
    },
    enum: { "TaskInfo.State.queued.label": "Queued" },
  },
  de: { locmsg: { plain: "Hallo" } },
});

describe("buildBundles", () => {
  it("compiles placeholders", () => {
    const { files, manifest } = buildBundles(catalogs);
    const entry = manifest.catalogs.find(
      (item) => item.locale === "en" && item.catalogName === "locmsg",
    )!;
    const bundle = JSON.parse(files.get(entry.catalogUri)!);
    expect(bundle).toMatchObject({
      format: 1,
      locale: "en",
      catalog: "locmsg",
      module: "",
    });
    expect(bundle.messages.plain).toBe("Hello");
    expect(bundle.messages.named).toEqual([
      "IP address is ",
      ["{address}", "address"],
    ]);
    expect(bundle.messages.label).toEqual([
      "State is ",
      ["{field.@enum.TaskInfo.State}", "field", "enum", "TaskInfo.State"],
    ]);
    expect(bundle.messages.bare).toEqual([
      "Color ",
      ["{color.@colors}", "color", "colors"],
    ]);
    expect(bundle.messages.position).toEqual([
      "first ",
      ["{01}", 1],
      " then ",
      ["{2}", 2],
    ]);
    expect(bundle.messages.braces).toBe("Use {name}");
    expect(Object.hasOwn(bundle.messages, "__proto__")).toBe(true);
  });

  it("lists catalogs as LocalizationManagerMessageCatalog", () => {
    const { files, manifest } = buildBundles(catalogs);
    expect(manifest.locales).toEqual(["de", "en"]);
    expect(
      manifest.catalogs.map((entry) => `${entry.locale}/${entry.catalogName}`),
    ).toEqual(["de/locmsg", "en/enum", "en/locmsg"]);
    for (const entry of manifest.catalogs) {
      const text = files.get(entry.catalogUri);
      expect(text).toBeDefined();
      expect(entry.catalogUri).toBe(
        `${entry.locale}/${entry.catalogName}.${entry.version}.json`,
      );
      expect(entry.md5sum).toBe(createHash("md5").update(text!).digest("hex"));
      expect(entry.moduleName).toBe("");
      expect(entry.lastModified).toBe("1970-01-01T00:00:00.000Z");
    }
    expect([...files.keys()].at(-1)).toBe("manifest.json");
    expect(JSON.parse(files.get("manifest.json")!)).toEqual(manifest);
  });

  it("is deterministic", () => {
    const first = buildBundles(catalogs);
    const second = buildBundles(catalogs);
    expect([...second.files]).toEqual([...first.files]);
  });

  it("takes lastModified and defaultLocale", () => {
    const { manifest } = buildBundles(catalogs, {
      defaultLocale: "de",
      lastModified: new Date("2024-03-05T10:00:00Z"),
    });
    expect(manifest.defaultLocale).toBe("de");
    expect(manifest.catalogs[0]!.lastModified).toBe("2024-03-05T10:00:00.000Z");
  });

  it("compiles the shipped catalogs", () => {
    const shipped = loadCatalogDirectorySync("catalogs");
    expect(shipped.diagnostics).toEqual([]);
    const build = buildBundles(shipped.catalogs);
    expect(build.diagnostics).toEqual([]);
    expect(build.manifest.catalogs.length).toBe(shipped.catalogs.all().length);
  });

  it("includes TaskInfo line data", () => {
    const { manifest } = buildBundles(catalogs);
    expect(manifest.format).toBe(2);
    expect(manifest.taskInfo).toEqual({
      times: ["queueTime", "startTime", "completeTime"],
      reasons: [
        ["reasonUser", "userName"],
        ["reasonAlarm", "alarmName"],
        ["reasonSchedule", "scheduledTaskName"],
      ],
    });
    for (const name of [
      ...manifest.taskInfo.times,
      ...manifest.taskInfo.reasons.map(([name]) => name),
    ]) {
      expect(manifest.builtIn).toHaveProperty([`locmsg.taskInfo.${name}`]);
    }
  });

  it("includes built-in messages", () => {
    const { manifest } = buildBundles(catalogs);
    expect(manifest.builtIn["locmsg.taskInfo.progress"]).toEqual([
      ["{state}", "state"],
      " ",
      ["{percent}", "percent"],
    ]);
  });
});

describe("buildBundles default locale", () => {
  it("reports a default locale without catalogs", async () => {
    const { buildCatalogs } = await import("../helpers/build-catalogs.js");
    const result = buildBundles(buildCatalogs({ en: { locmsg: { a: "A" } } }), {
      defaultLocale: "xx",
    });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "invalid-locale",
    ]);
    expect(result.diagnostics[0]?.message).toMatch(
      /the default locale 'xx' has no catalogs/,
    );
  });
});
