import { describe, expect, it } from "vitest";
import { CatalogSet } from "../../../src/catalogs/catalog.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import {
  catalogsToResources,
  encodeResourcesViJson,
  readResourceDocument,
  resourcesToCatalogs,
} from "../../../src/formats/extension/index.js";
import { compileMf2 } from "../../../src/mf2/compile-mf2.js";
import { buildCatalogs } from "../../helpers/build-catalogs.js";

const RESOURCES = [
  {
    locale: "de",
    module: "task",
    data: [
      { key: "com.example.backup.run.label", value: "Sicherung ausführen" },
      { key: "com.example.backup.run.summary", value: "Sichert {vm.name}" },
    ],
  },
  {
    locale: "en",
    module: "task",
    data: [{ key: "com.example.backup.run.label", value: "Run backup" }],
  },
  {
    locale: "en",
    module: "event",
    data: [
      {
        key: "com.example.backup.done.fullFormat",
        value: "Backup of {vm.name} done  in {{1}}",
      },
    ],
  },
];

function toSet(
  catalogs: ReturnType<typeof resourcesToCatalogs>["catalogs"],
): CatalogSet {
  const set = new CatalogSet();
  for (const catalog of catalogs) set.add(catalog);
  return set;
}

describe("resourcesToCatalogs", () => {
  it("maps modules to catalogs", () => {
    const { catalogs, diagnostics } = resourcesToCatalogs(RESOURCES);
    expect(diagnostics).toEqual([]);
    expect(
      catalogs.map((catalog) => [catalog.locale, catalog.name, catalog.module]),
    ).toEqual([
      ["de", "task", "task"],
      ["en", "event", "event"],
      ["en", "task", "task"],
    ]);
    const entry = catalogs[0]!.entries.get("com.example.backup.run.summary")!;
    expect(entry.text).toBe("Sichert {vm.name}");
    expect(entry.parts.length).toBe(2);
  });

  it("reads VI/JSON", () => {
    const { catalogs, diagnostics } = resourcesToCatalogs(
      encodeResourcesViJson(RESOURCES),
    );
    expect(diagnostics).toEqual([]);
    expect(catalogs).toHaveLength(3);
  });

  it("normalizes locales", () => {
    const { catalogs } = resourcesToCatalogs([
      {
        locale: "zh-Hant-TW",
        module: "task",
        data: [{ key: "a", value: "甲" }],
      },
      { locale: "DE_at", module: "task", data: [{ key: "a", value: "A" }] },
    ]);
    expect(catalogs.map((catalog) => catalog.locale)).toEqual([
      "de_AT",
      "zh_TW",
    ]);
  });

  it("merges entries of one locale and module", () => {
    const { catalogs, diagnostics } = resourcesToCatalogs([
      { locale: "de", module: "task", data: [{ key: "a", value: "1" }] },
      { locale: "de-DE", module: "task", data: [{ key: "b", value: "2" }] },
      { locale: "de", module: "task", data: [{ key: "c", value: "3" }] },
    ]);
    expect(diagnostics).toEqual([]);
    expect(catalogs.map((catalog) => [...catalog.entries.keys()])).toEqual([
      ["a", "c"],
      ["b"],
    ]);
  });

  const problems: [string, unknown, Partial<Diagnostic>, string][] = [
    [
      "invalid locale",
      [{}, { locale: "no locale", module: "task", data: [] }],
      { code: "invalid-locale", locale: "no locale", catalog: "task" },
      "resourceList[1], locale 'no locale', module 'task': 'no locale' is not a locale",
    ],
    [
      "missing locale",
      [{ module: "task", data: [] }],
      { code: "invalid-locale" },
      "resourceList[0], module 'task': 'locale' is missing",
    ],
    [
      "invalid module",
      [{ locale: "de", module: "com.example", data: [] }],
      { code: "invalid-input", locale: "de" },
      "resourceList[0], locale 'de', module 'com.example': module is 'com.example'",
    ],
    [
      "non-string value",
      [{ locale: "de", module: "task", data: [{ key: "a", value: 3 }] }],
      { code: "non-string-value", key: "a", locale: "de", catalog: "task" },
      "resourceList[0], locale 'de', module 'task', key 'a': data[0]: the value is a number",
    ],
    [
      "duplicate key",
      [
        { locale: "de", module: "task", data: [{ key: "a", value: "1" }] },
        { locale: "de", module: "task", data: [{ key: "a", value: "2" }] },
      ],
      { code: "duplicate-key", key: "a" },
      "resourceList[1], locale 'de', module 'task', key 'a': data[0]: key is defined twice",
    ],
    [
      "template syntax error",
      [
        {
          locale: "en",
          module: "event",
          data: [{ key: "x.fullFormat", value: "line\n{vm.name" }],
        },
      ],
      { code: "template-syntax", key: "x.fullFormat" },
      "resourceList[0], locale 'en', module 'event', key 'x.fullFormat': data[0]: template syntax error at line 2",
    ],
    [
      "invalid key",
      [{ locale: "en", module: "task", data: [{ key: "a..b", value: "x" }] }],
      { code: "invalid-key", key: "a..b" },
      "non-empty segments",
    ],
    [
      "data not a list",
      [{ locale: "en", module: "task", data: { a: "b" } }],
      { code: "invalid-input" },
      "'data' must be an array",
    ],
    [
      "not a list",
      { locale: "en" },
      { code: "invalid-input" },
      "resourceList must be an array",
    ],
  ];

  for (const [name, input, expected, text] of problems) {
    it(`reports ${name}`, () => {
      const { diagnostics } = resourcesToCatalogs(input, "ext.json");
      const diagnostic = diagnostics.at(-1)!;
      expect(diagnostic).toMatchObject({
        ...expected,
        severity: "error",
        file: "ext.json",
      });
      expect(diagnostic.message).toContain(text);
    });
  }

  it("keeps good entries beside bad ones", () => {
    const { catalogs, diagnostics } = resourcesToCatalogs([
      {
        locale: "de",
        module: "task",
        data: [
          { key: "good", value: "Gut" },
          { key: "bad", value: "{" },
        ],
      },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect([...catalogs[0]!.entries.keys()]).toEqual(["good"]);
  });
});

describe("catalogsToResources", () => {
  const catalogs = buildCatalogs({
    en: { task: { "b.label": "B", "a.label": "A" }, enum: { "x.label": "X" } },
    de: { task: { "a.label": "A auf Deutsch" } },
  });

  it("exports every catalog", () => {
    expect(catalogsToResources(catalogs)).toEqual([
      {
        locale: "de",
        module: "task",
        data: [{ key: "a.label", value: "A auf Deutsch" }],
      },
      { locale: "en", module: "enum", data: [{ key: "x.label", value: "X" }] },
      {
        locale: "en",
        module: "task",
        data: [
          { key: "b.label", value: "B" },
          { key: "a.label", value: "A" },
        ],
      },
    ]);
  });

  it("filters modules", () => {
    const resources = catalogsToResources(catalogs, { modules: ["task"] });
    expect(
      resources.map((resource) => `${resource.locale}/${resource.module}`),
    ).toEqual(["de/task", "en/task"]);
  });

  it("encodes VI/JSON", () => {
    const [first] = encodeResourcesViJson(
      catalogsToResources(catalogs, { modules: ["task"] }),
    );
    expect(first).toEqual({
      _typeName: "ExtensionResourceInfo",
      locale: "de",
      module: "task",
      data: [{ _typeName: "KeyValue", key: "a.label", value: "A auf Deutsch" }],
    });
  });

  it("skips MessageFormat 2 messages with a warning", () => {
    const set = buildCatalogs({
      en: { task: { "a.label": "A", "b.label": "B" } },
    });
    const compiled = compileMf2("Hello {$name}");
    if (!compiled.ok) throw new Error(compiled.error.message);
    set.get("en", "task")!.entries.get("b.label")!.mf2 = compiled.mf2;
    const warnings: Diagnostic[] = [];
    const resources = catalogsToResources(set, {
      onDiagnostic: (d) => warnings.push(d),
    });
    expect(resources[0]!.data).toEqual([{ key: "a.label", value: "A" }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: "resource-unrepresentable",
      severity: "warning",
      key: "b.label",
      locale: "en",
    });
  });

  it("round-trips through resources", () => {
    const back = resourcesToCatalogs(catalogsToResources(catalogs));
    expect(back.diagnostics).toEqual([]);
    expect(catalogsToResources(toSet(back.catalogs))).toEqual(
      catalogsToResources(catalogs),
    );
  });

  it("round-trips resources through catalogs", () => {
    const { catalogs: converted } = resourcesToCatalogs(RESOURCES);
    const again = catalogsToResources(toSet(converted));
    const sorted = (list: typeof RESOURCES) =>
      [...list].sort((a, b) =>
        `${a.locale}/${a.module}`.localeCompare(`${b.locale}/${b.module}`),
      );
    expect(again).toEqual(sorted(RESOURCES));
  });
});

describe("readResourceDocument", () => {
  it("accepts a list or an Extension", () => {
    expect(readResourceDocument(RESOURCES)).toHaveLength(3);
    expect(
      readResourceDocument({
        _typeName: "Extension",
        key: "k",
        resourceList: RESOURCES,
      }),
    ).toHaveLength(3);
  });

  it("explains other documents", () => {
    expect(readResourceDocument({ key: "k" })).toContain(
      "has no 'resourceList'",
    );
    expect(readResourceDocument({ resourceList: 3 })).toContain(
      "must be an array",
    );
    expect(readResourceDocument("text")).toContain("expected a JSON array");
  });
});
