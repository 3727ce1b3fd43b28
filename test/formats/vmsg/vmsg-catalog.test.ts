import { describe, expect, it } from "vitest";
import {
  createCatalog,
  type CatalogEntry,
} from "../../../src/catalogs/catalog.js";
import { parseCatalogYaml } from "../../../src/catalogs/parse-catalog-yaml.js";
import { writeCatalogYaml } from "../../../src/catalogs/write-catalog-yaml.js";
import { parseMessage } from "../../../src/parse/parse-message.js";
import { parseVmsg } from "../../../src/formats/vmsg/parse-vmsg.js";
import {
  catalogToVmsg,
  templateToText,
  textToTemplate,
  vmsgToCatalogEntries,
} from "../../../src/formats/vmsg/vmsg-catalog.js";

function catalogOf(entries: Record<string, string>) {
  const catalog = createCatalog("toolbox", "de");
  let line = 1;
  for (const [key, text] of Object.entries(entries)) {
    const parsed = parseMessage(text);
    const parts = parsed.ok ? parsed.parts : [];
    catalog.entries.set(key, {
      key,
      text,
      parts,
      file: "de/toolbox.yaml",
      line: line++,
      column: 1,
    });
  }
  return catalog;
}

describe("braces between .vmsg text and catalog templates", () => {
  const pairs: [string, string][] = [
    ["no braces", "no braces"],
    ["{name}", "{{name}}"],
    ["{{", "{{{{"],
    ["a } b", "a }} b"],
    ["%1$s {0} %s", "%1$s {{0}} %s"],
  ];
  for (const [text, template] of pairs) {
    it(`${JSON.stringify(text)} <-> ${JSON.stringify(template)}`, () => {
      expect(textToTemplate(text)).toBe(template);
      expect(templateToText(template)).toEqual({ ok: true, text });
    });
  }

  it("renders an imported template as the original text", () => {
    const parsed = parseMessage(textToTemplate("use {x} and %1$s"));
    expect(parsed.ok && parsed.parts).toEqual(["use {x} and %1$s"]);
  });

  it("reads a lone '}' in a template as a literal brace", () => {
    expect(templateToText("a } b")).toEqual({ ok: true, text: "a } b" });
  });

  it("refuses a template with a placeholder", () => {
    expect(templateToText("Hello {name}")).toEqual({
      ok: false,
      reason: expect.stringMatching(/placeholder '\{name\}'/),
    });
  });
});

describe("vmsgToCatalogEntries", () => {
  it("escapes braces and keeps printf placeholders", () => {
    const parsed = parseVmsg(
      new TextEncoder().encode('a = "%1$s {x}"\nb = "%s"'),
      "t.vmsg",
    );
    expect(vmsgToCatalogEntries(parsed, "t.vmsg")).toEqual({
      entries: [
        ["a", "%1$s {{x}}"],
        ["b", "%s"],
      ],
      diagnostics: [],
    });
  });

  it("reports names that cannot be catalog keys, where they are written", () => {
    const source = 'ok = "1"\n\na..b = "2"\nc. = "3"\na\u00A0b = "4"';
    const parsed = parseVmsg(new TextEncoder().encode(source), "t.vmsg");
    const imported = vmsgToCatalogEntries(parsed, "t.vmsg");
    expect(imported.entries).toEqual([["ok", "1"]]);
    expect(
      imported.diagnostics.map((d) => [
        d.code,
        d.severity,
        d.key,
        d.line,
        d.column,
      ]),
    ).toEqual([
      ["invalid-key", "error", "a..b", 3, 1],
      ["invalid-key", "error", "c.", 4, 1],
      ["invalid-key", "error", "a\u00A0b", 5, 1],
    ]);
  });

  it("writes YAML that the catalog loader reads without a problem", () => {
    const source = 'a = "{x} \\"q\\" |7C %1$s"\nno = "no"\nb = "C:\\\\"';
    const parsed = parseVmsg(new TextEncoder().encode(source), "t.vmsg");
    const { entries } = vmsgToCatalogEntries(parsed, "t.vmsg");
    const loaded = parseCatalogYaml(writeCatalogYaml(entries), "t.yaml");
    expect(loaded.diagnostics).toEqual([]);
    expect(
      [...loaded.entries].map(([key, entry]) => [key, entry.text]),
    ).toEqual(entries);
  });
});

describe("catalogToVmsg", () => {
  it("writes plain messages with literal braces", () => {
    const exported = catalogToVmsg(
      catalogOf({ a: "x {{y}}", b: "%1$s" }),
      "header",
    );
    expect(exported.diagnostics).toEqual([]);
    expect(exported.text).toBe('# header\n\na = "x {y}"\n\nb = "%1$s"\n');
  });

  it("reports every message with a placeholder and writes no text", () => {
    const exported = catalogToVmsg(
      catalogOf({ a: "x", b: "Hi {name}", c: "{1} of {2}" }),
    );
    expect(exported.text).toBeUndefined();
    expect(exported.diagnostics).toEqual([
      {
        code: "vmsg-unrepresentable",
        severity: "error",
        key: "b",
        locale: "de",
        catalog: "toolbox",
        file: "de/toolbox.yaml",
        line: 2,
        column: 1,
        message: expect.stringMatching(
          /'b' cannot be exported to \.vmsg: it has the placeholder '\{name\}'.*no \.vmsg file is written for catalog 'toolbox' of locale 'de'/,
        ),
      },
      expect.objectContaining({ key: "c", line: 3 }),
    ]);
  });

  it("reports keys and values the .vmsg format cannot hold", () => {
    const exported = catalogToVmsg(catalogOf({ "a=b": "x", nul: "x\0y" }));
    expect(exported.text).toBeUndefined();
    expect(
      exported.diagnostics.map((d) => [
        d.key,
        d.message.match(/NUL|name/)?.[0],
      ]),
    ).toEqual([
      ["a=b", "name"],
      ["nul", "NUL"],
    ]);
  });

  it("reports MessageFormat 2 messages", () => {
    const catalog = createCatalog("c", "en");
    catalog.entries.set("m", {
      key: "m",
      text: ".match {$n}",
      parts: [],
      // Only the presence of `mf2` matters to export.
      mf2: {} as NonNullable<CatalogEntry["mf2"]>,
    });
    expect(catalogToVmsg(catalog).diagnostics[0]!.message).toMatch(
      /MessageFormat 2/,
    );
  });
});
