import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCatalog } from "../../../src/catalogs/catalog.js";
import { parseCatalogYaml } from "../../../src/catalogs/parse-catalog-yaml.js";
import { writeCatalogYaml } from "../../../src/catalogs/write-catalog-yaml.js";
import { parseVmsg } from "../../../src/formats/vmsg/parse-vmsg.js";
import {
  catalogToVmsg,
  vmsgToCatalogEntries,
} from "../../../src/formats/vmsg/vmsg-catalog.js";

const FIXTURES = new URL("../../fixtures/vmsg/", import.meta.url);
const FILES = [
  "toolbox.en.vmsg",
  "toolbox.de.vmsg",
  "toolbox.it.vmsg",
  "toolbox.ja.vmsg",
  "vgauth-cli.en.vmsg",
];

function read(name: string) {
  return parseVmsg(readFileSync(new URL(name, FIXTURES)), name);
}

/** `.vmsg` bytes to catalog templates through the YAML file import writes. */
function importBytes(bytes: Uint8Array, file: string): Map<string, string> {
  const parsed = parseVmsg(bytes, file);
  const { entries, diagnostics } = vmsgToCatalogEntries(parsed, file);
  expect(diagnostics).toEqual([]);
  const yaml = parseCatalogYaml(writeCatalogYaml(entries), `${file}.yaml`);
  expect(yaml.diagnostics).toEqual([]);
  return new Map([...yaml.entries].map(([key, entry]) => [key, entry.text]));
}

function exportTemplates(templates: Map<string, string>): string {
  const catalog = createCatalog("toolbox", "en");
  const yaml = parseCatalogYaml(writeCatalogYaml(templates), "c.yaml");
  for (const [key, entry] of yaml.entries) catalog.entries.set(key, entry);
  const exported = catalogToVmsg(catalog);
  expect(exported.diagnostics).toEqual([]);
  return exported.text!;
}

describe("the real open-vm-tools catalogs", () => {
  for (const name of FILES) {
    it(`${name}: import, export and import again give the same catalog`, () => {
      const first = importBytes(readFileSync(new URL(name, FIXTURES)), name);
      const vmsg = exportTemplates(first);
      const second = importBytes(
        new TextEncoder().encode(vmsg),
        "exported.vmsg",
      );
      expect(second).toEqual(first);
      expect([...second.keys()]).toEqual([...first.keys()]);
    });
  }

  it("reads every entry of the clean files without a diagnostic", () => {
    for (const [name, count] of [
      ["toolbox.en.vmsg", 94],
      ["toolbox.de.vmsg", 94],
      ["toolbox.ja.vmsg", 94],
      ["vgauth-cli.en.vmsg", 43],
    ] as const) {
      const parsed = read(name);
      expect(parsed.diagnostics, name).toEqual([]);
      expect(parsed.entries.size, name).toBe(count);
    }
  });

  it("reads entry lines that directly follow each other", () => {
    const parsed = read("vgauth-cli.en.vmsg");
    expect(parsed.entries.get("addsubj.fail")).toBe(
      "%1$s: Failed to add alias for user '%2$s': %3$s.\n",
    );
    expect(parsed.entries.get("addsubj.success")).toBe("%1$s: alias added\n");
  });

  it("reads German text with umlauts", () => {
    const parsed = read("toolbox.de.vmsg");
    expect(parsed.entries.get("arg.config.key")).toBe(
      "Konfigurationsschlüssel",
    );
    expect(parsed.entries.get("device.connect.error")).toBe(
      "Gerät '%1$s' kann nicht angeschlossen werden.\n",
    );
  });

  it("reads a multi-line entry with a literal '|'", () => {
    const text = read("toolbox.en.vmsg").entries.get("help.script")!;
    expect(text.split("\n")).toHaveLength(12);
    expect(
      text.startsWith(
        "%1$s: control the scripts run in response to power operations\nUsage: %2$s %3$s <power|resume|suspend|shutdown> <subcommand> [args]\n\nSubcommands:\n",
      ),
    ).toBe(true);
    expect(
      text.endsWith(
        "   value from the global configuration is returned if present\n",
      ),
    ).toBe(true);
  });

  it("keeps the double-escaped \\\\n and \\\\r of the Italian file as a backslash and a letter", () => {
    const parsed = read("toolbox.it.vmsg");
    expect(parsed.entries.get("stat.get.failed")).toBe(
      "Impossibile ottenere statistiche: %1$s\\n",
    );
    expect(parsed.entries.get("disk.wiper.progress")).toBe(
      "\\rAvanzamento: %1$d",
    );
    expect(read("toolbox.ja.vmsg").entries.get("stat.getspeed.failed")).toBe(
      "プロセッサ速度を取得できません。\\n",
    );
  });

  it("keeps the unknown escape \\N of the German file as written", () => {
    const text = read("toolbox.de.vmsg").entries.get("help.timesync")!;
    expect(text).toContain("auf dem Gastbetriebssystem\\Nutzung: %2$s");
  });

  it("skips the two Italian lines with a bare quote, as VMware's loader does", () => {
    const parsed = read("toolbox.it.vmsg");
    expect(
      parsed.diagnostics.map((d) => [
        d.code,
        d.severity,
        d.line,
        d.column,
        d.key,
      ]),
    ).toEqual([
      ["vmsg-syntax", "warning", 107, 233, "help.info"],
      ["vmsg-syntax", "warning", 115, 790, "help.stat"],
    ]);
    expect(parsed.entries.has("help.info")).toBe(false);
    expect(parsed.entries.size).toBe(92);
  });

  it("keeps printf placeholders verbatim in the catalog", () => {
    const templates = importBytes(
      readFileSync(new URL("toolbox.en.vmsg", FIXTURES)),
      "en",
    );
    expect(templates.get("device.connect.error")).toBe(
      "Unable to connect device %1$s.\n",
    );
    expect(templates.get("help.hint")).toBe(
      "Try '%1$s %2$s%3$s%4$s' for more information.\n",
    );
  });
});
