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
