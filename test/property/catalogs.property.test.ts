import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import { writeCatalogYaml } from "../../src/catalogs/write-catalog-yaml.js";
import {
  InvalidLocaleError,
  resolveLocale,
} from "../../src/locales/locale-settings.js";
import { hostileString, PROPERTY_SETTINGS } from "./fast-check-settings.js";

const keySegment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_$-]{1,10}$/),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "no",
    "007",
    "8.10",
    "yes",
    "null",
    "~",
  ),
);
const key = fc
  .array(keySegment, { minLength: 1, maxLength: 4 })
  .map((segments) => segments.join("."));
/** Catalog values: any text, with braces escaped so every value is a valid message. */
const text = hostileString.map((value) =>
  value
    .replace(/[\ud800-\udfff]/g, "?")
    .replaceAll("{", "{{")
    .replaceAll("}", "}}"),
);

describe("catalog YAML properties", () => {
  it("reads back what it writes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, text), {
          selector: ([name]) => name,
          maxLength: 20,
        }),
        (entries) => {
          const parsed = parseCatalogYaml(
            writeCatalogYaml(entries),
            "generated.yaml",
          );
          expect(parsed.diagnostics).toEqual([]);
          expect(
            [...parsed.entries].map(([name, entry]) => [name, entry.text]),
          ).toEqual(entries);
        },
      ),
      PROPERTY_SETTINGS,
    );
  });

  it("reports problems with positions, never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        const parsed = parseCatalogYaml(source, "any.yaml");
        for (const diagnostic of parsed.diagnostics) {
          expect(diagnostic.file).toBe("any.yaml");
          expect(diagnostic.code).toMatch(/^[a-z0-9-]+$/);
        }
      }),
      PROPERTY_SETTINGS,
    );
  });
});

describe("locale properties", () => {
  const settings = {
    defaultLocale: "en",
    messageLocaleList: ["de", "en", "zh_TW"],
  };

  it("normalises any string or raises InvalidLocale", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          fc.stringMatching(/^[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8}){0,3}$/),
        ),
        (input) => {
          try {
            const resolved = resolveLocale(input, settings);
            expect(resolved.locale).toMatch(/^[a-z]{2,8}(_[A-Z0-9]+)?$/);
            expect(settings.messageLocaleList).toContain(
              resolved.messageLocale,
            );
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidLocaleError);
          }
        },
      ),
      PROPERTY_SETTINGS,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

/** YAML scalars in every style the loader reads, for one message text. */
const safeWords = fc.stringMatching(
  /^[A-Za-z0-9][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$|^[A-Za-z0-9]$/,
);
const messageText = fc
  .array(
    fc.oneof(
      safeWords,
      fc.constantFrom(
        "{name}",
        "{1}",
        "{vm.name}",
        "{{",
        "}}",
        "  ",
        "é",
        "'",
        '"',
        "#",
        ": x",
      ),
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((parts) => parts.join(""));

type YamlValue =
  | { kind: "scalar"; source: string }
  | { kind: "map"; entries: [string, YamlValue][] };

const scalarSource = fc.oneof(
  safeWords.map((text) => text),
  messageText.map((text) => `'${text.replaceAll("'", "''")}'`),
  messageText.map((text) => JSON.stringify(text)),
  fc
    .array(safeWords, { minLength: 1, maxLength: 3 })
    .map((lines) => `|-\n${lines.map((line) => `  ${line}`).join("\n")}`),
  safeWords.map((word) => `!mf2 ${JSON.stringify(`Hello {$name} ${word}`)}`),
);

const yamlValue: fc.Arbitrary<YamlValue> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarSource.map((source) => ({ kind: "scalar" as const, source })),
    fc
      .array(fc.tuple(key, tie("value") as fc.Arbitrary<YamlValue>), {
        minLength: 1,
        maxLength: 4,
      })
      .map((entries) => ({ kind: "map" as const, entries })),
  ),
})).value;

/** Writes a mapping as block YAML, indenting nested mappings and block scalars. */
function toYaml(entries: [string, YamlValue][], indent = ""): string {
  return entries
    .map(([name, value]) => {
      if (value.kind === "map")
        return `${indent}${name}:\n${toYaml(value.entries, `${indent}  `)}`;
      const source = value.source.replaceAll("\n", `\n${indent}`);
      return `${indent}${name}: ${source}\n`;
    })
    .join("");
}

describe("catalog YAML round trip", () => {
  it("loads what it wrote back from any accepted catalog", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, yamlValue), { minLength: 1, maxLength: 5 }),
        (entries) => {
          const first = parseCatalogYaml(toYaml(entries), "source.yaml");
          if (first.diagnostics.length > 0) return;
          const written = writeCatalogYaml(
            [...first.entries.values()].map(
              (entry) =>
                [entry.key, entry.text, entry.mf2 ? "mf2" : undefined] as const,
            ),
          );
          const second = parseCatalogYaml(written, "written.yaml");
          expect(second.diagnostics).toEqual([]);
          const summary = (parsed: typeof first) =>
            [...parsed.entries.values()].map((entry) => [
              entry.key,
              entry.text,
              entry.mf2 !== undefined,
            ]);
          expect(summary(second)).toEqual(summary(first));
        },
      ),
      PROPERTY_SETTINGS,
    );
  });
});
