import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFlatCatalog } from "../../src/catalogs/flat-catalog-fast-path.js";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import { writeCatalogYaml } from "../../src/catalogs/write-catalog-yaml.js";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/limits.js";
import { PROPERTY_SETTINGS } from "../property/fast-check-settings.js";

/**
 * Parses with the full YAML parser: a `%YAML` directive is a line the fast
 * path never reads, and it shifts every line by two.
 */
function parseFull(text: string) {
  const parsed = parseCatalogYaml(`%YAML 1.2\n---\n${text}`, "c.yaml");
  const entries = [...parsed.entries.values()].map((entry) => ({
    ...entry,
    line: entry.line! - 2,
  }));
  return { entries, diagnostics: parsed.diagnostics };
}

function parseFast(text: string) {
  const entries = readFlatCatalog(text, "c.yaml", DEFAULT_LIMITS);
  return entries && [...entries.values()];
}

const key = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_$-]{1,6}$/), {
    minLength: 1,
    maxLength: 3,
  })
  .map((segments) => segments.join("."))
  .filter((name) => !name.startsWith("-"));
const value = fc
  .string({ unit: "binary", maxLength: 30 })
  .map((text) => text.replace(/[\ud800-\udfff]/g, "?"));

describe("readFlatCatalog", () => {
  it("gives the full parser's entries", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, value), {
          selector: ([name]) => name,
          maxLength: 10,
        }),
        (pairs) => {
          const text = writeCatalogYaml(pairs, " comment");
          const full = parseFull(text);
          const fast = parseFast(text);
          if (fast === undefined) return;
          expect(full.diagnostics).toEqual([]);
          expect(fast).toEqual(full.entries);
        },
      ),
      PROPERTY_SETTINGS,
    );
  });

  it("gives the full parser's entries for any line mix", () => {
    // Whole and broken entry lines, so quotes, escapes and comments fall across line breaks.
    const line = fc.constantFrom(
      'a: "x"',
      'b.c: "{n} y" # c',
      'a: "x',
      'b: "\\',
      '# y"',
      '  y"',
      "",
      "# c",
      'd: "é\\n"',
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        (lines, finalBreak) => {
          const text = lines.join("\n") + (finalBreak ? "\n" : "");
          const fast = parseFast(text);
          if (fast === undefined) return;
          const full = parseFull(text);
          expect(full.diagnostics).toEqual([]);
          expect(fast).toEqual(full.entries);
        },
      ),
      PROPERTY_SETTINGS,
    );
  });

  it("reads lines after blank, space-only and comment lines", () => {
    const text = '\n   \n# note\na: "x"\n\nb: "y" # why\nc: "z"';
    expect(
      parseFast(text)?.map((entry) => [entry.key, entry.text, entry.line]),
    ).toEqual([
      ["a", "x", 4],
      ["b", "y", 6],
      ["c", "z", 7],
    ]);
  });

  it("reads the common shape", () => {
    const text =
      '# header\n\nTaskInfo.State.queued.label: "Queued"  # trailing\nemoji: "\\u00e9 \\x41 \\U0001F600 \\t\\"q\\""\n';
    expect(
      parseFast(text)?.map((entry) => [
        entry.key,
        entry.text,
        entry.line,
        entry.column,
      ]),
    ).toEqual([
      ["TaskInfo.State.queued.label", "Queued", 3, 30],
      ["emoji", 'é A 😀 \t"q"', 4, 8],
    ]);
  });

  const fallbacks: [string, string][] = [
    ["nested keys", 'a:\n  b: "x"\n'],
    ["single quotes", "a: 'x'\n"],
    ["plain value", "a: x\n"],
    ["duplicate key", 'a: "x"\na: "y"\n'],
    ["template error", 'a: "{x"\n'],
    ["empty segment", 'a..b: "x"\n'],
    ["tab", 'a: "x\ty"\n'],
    ["carriage return", 'a: "x"\r\n'],
    ["tag", 'a: !mf2 "x"\n'],
    ["document marker", '---\na: "x"\n'],
    ["invalid escape", 'a: "\\q"\n'],
    ["short hex escape", 'a: "\\x4"\n'],
    ["indented comment", '  # x\na: "x"\n'],
    ["line separator", 'a: "x\u2028y"\n'],
    ["value over two lines", 'a: "x\n  y"\n'],
    ["escaped line break", 'a: "x\\\n  y"\n'],
    ["comment without space", 'a: "x"#c\n'],
    ["value broken before a comment line", 'a: "x\n# y"\n'],
  ];
  for (const [name, text] of fallbacks) {
    it(`leaves ${name} to the full parser`, () => {
      expect(parseFast(text)).toBeUndefined();
    });
  }

  it("leaves limits to the full parser", () => {
    expect(
      readFlatCatalog(
        'a: "x"\nb: "y"\n',
        "c.yaml",
        resolveLimits({ maxKeysPerCatalog: 1 }),
      ),
    ).toBeUndefined();
    expect(
      readFlatCatalog(
        'a: "xyz"\n',
        "c.yaml",
        resolveLimits({ maxMessageLength: 2 }),
      ),
    ).toBeUndefined();
    expect(
      readFlatCatalog(
        'a: "{a}{b}"\n',
        "c.yaml",
        resolveLimits({ maxPlaceholders: 1 }),
      ),
    ).toBeUndefined();
  });

  it("reads the shipped generated catalog", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile("catalogs/en/task.yaml", "utf8");
    const fast = parseFast(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(parseFull(text).entries);
  });
});
