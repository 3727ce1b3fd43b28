import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/limits.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

function collect() {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic),
  };
}

describe("render limits", () => {
  it("stops a lookup fan-out at maxRenderSteps", () => {
    // Each level inserts the next one four times: 4^16 placeholders unbounded.
    const texts: Record<string, string> = {};
    for (let level = 0; level < 20; level++)
      texts[`l${level}`] = `{${level + 2}}`.repeat(4);
    const args = Array.from({ length: 21 }, (_, index) => ({
      key: String(index + 1),
      value: `l${index}`,
    }));
    const engine = new Locmsg(buildCatalogs({ en: { locmsg: texts } }), {
      limits: { maxRenderSteps: 5_000 },
    });
    const { diagnostics, onDiagnostic } = collect();
    const text = engine
      .createSession()
      .format({ key: "l0", arg: args }, { onDiagnostic });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "lookup-depth",
      "limit-exceeded",
    ]);
    expect(diagnostics[1]?.message).toMatch(/maxRenderSteps = 5000/);
    expect(text.length).toBeLessThan(100_000);
  });

  it("resets the budget for each render", () => {
    const engine = new Locmsg(
      buildCatalogs({ en: { locmsg: { m: "{a}{a}{a}" } } }),
      {
        limits: { maxRenderSteps: 3 },
      },
    );
    const session = engine.createSession();
    for (let round = 0; round < 3; round++) {
      expect(
        session.format(
          { key: "m", arg: [{ key: "a", value: "x" }] },
          { strict: true },
        ),
      ).toBe("xxx");
    }
  });

  it("ignores arguments past maxArguments", () => {
    const engine = new Locmsg(
      buildCatalogs({ en: { locmsg: { m: "{1} {4}" } } }),
      { limits: { maxArguments: 3 } },
    );
    const { diagnostics, onDiagnostic } = collect();
    const text = engine
      .createSession()
      .format({ key: "m", arg: ["a", "b", "c", "d"] }, { onDiagnostic });
    expect(text).toBe("a {4}");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "limit-exceeded",
      "missing-argument",
    ]);
    expect(diagnostics[0]?.message).toMatch(
      /the number of arguments of 'm' is 4, over the limit maxArguments = 3/,
    );
  });

  it("cuts values past maxArgumentLength", () => {
    const engine = new Locmsg(
      buildCatalogs({ en: { locmsg: { m: "<{v}>" } } }),
      { limits: { maxArgumentLength: 4 } },
    );
    const { diagnostics, onDiagnostic } = collect();
    expect(
      engine
        .createSession()
        .format(
          { key: "m", arg: [{ key: "v", value: "abcdefgh" }] },
          { onDiagnostic },
        ),
    ).toBe("<abcd>");
    expect(diagnostics[0]?.code).toBe("limit-exceeded");
  });

  it("rejects long templates", () => {
    const session = new Locmsg(buildCatalogs({}), {
      limits: { maxMessageLength: 10, maxPlaceholders: 2 },
    }).createSession();
    expect(() => session.formatTemplate("x".repeat(11), {})).toThrow(
      /maxMessageLength = 10/,
    );
    expect(() => session.formatTemplate("{a}{b}{c}", {})).toThrow(
      /maxPlaceholders = 2/,
    );
    expect(session.formatTemplate("{a}{b}", { a: 1, b: 2 })).toBe("12");
  });

  it("rejects invalid limit options", () => {
    expect(
      () => new Locmsg(buildCatalogs({}), { limits: { maxArguments: 0 } }),
    ).toThrow(/limit maxArguments is 0/);
  });
});

describe("catalog limits", () => {
  const small = resolveLimits({
    maxCatalogFileBytes: 64,
    maxKeysPerCatalog: 2,
    maxMessageLength: 8,
    maxPlaceholders: 1,
  });

  it("rejects a file over maxCatalogFileBytes", () => {
    const parsed = parseCatalogYaml(
      `a: "${"x".repeat(80)}"\n`,
      "big.yaml",
      {},
      small,
    );
    expect(parsed.entries.size).toBe(0);
    expect(parsed.diagnostics[0]).toMatchObject({
      code: "limit-exceeded",
      file: "big.yaml",
    });
    expect(parsed.diagnostics[0]?.message).toMatch(/maxCatalogFileBytes = 64/);
  });

  it("keeps the first maxKeysPerCatalog keys", () => {
    const parsed = parseCatalogYaml(
      'a: "1"\nb: "2"\nc: "3"\nd: "4"\n',
      "keys.yaml",
      {},
      small,
    );
    expect([...parsed.entries.keys()]).toEqual(["a", "b"]);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({
      code: "limit-exceeded",
      key: "c",
      line: 3,
      column: 4,
    });
  });

  it("leaves out long messages and many placeholders", () => {
    const parsed = parseCatalogYaml(
      'long: "123456789"\nmany: "{a}{b}"\nok: "{a}"\n',
      "m.yaml",
      {},
      small,
    );
    expect([...parsed.entries.keys()]).toEqual(["ok"]);
    expect(
      parsed.diagnostics.map((diagnostic) => [
        diagnostic.key,
        diagnostic.line,
        diagnostic.column,
      ]),
    ).toEqual([
      ["long", 1, 7],
      ["many", 2, 7],
    ]);
  });

  it("checks the file size before reading", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-limits-"));
    await mkdir(path.join(dir, "en"));
    await writeFile(
      path.join(dir, "en", "locmsg.yaml"),
      `a: "${"x".repeat(200)}"\n`,
    );
    const { catalogs, diagnostics } = await loadCatalogDirectory(dir, {
      limits: { maxCatalogFileBytes: 100 },
    });
    expect(catalogs.get("en", "locmsg")?.entries.size).toBe(0);
    expect(diagnostics[0]).toMatchObject({
      code: "limit-exceeded",
      locale: "en",
      catalog: "locmsg",
    });
    expect(diagnostics[0]?.message).toMatch(/the file size in bytes is 206/);
  });

  it("has documented defaults", () => {
    expect(DEFAULT_LIMITS.maxLookupDepth).toBe(16);
    expect(DEFAULT_LIMITS.maxRequestBodyBytes).toBe(1_048_576);
  });
});

describe("text longer than a string can be", () => {
  it("throws invalid-input naming the cause", () => {
    // 600 placeholders of a 1 MiB value pass V8's string length limit.
    const engine = new Locmsg(
      buildCatalogs({ en: { locmsg: { wide: "{name}".repeat(600) } } }),
    );
    const render = () =>
      engine.createSession().format({
        key: "wide",
        arg: [{ key: "name", value: "y".repeat(1_048_576) }],
      });
    expect(render).toThrow(
      "the rendered text is longer than a JavaScript string can be; shorten the arguments, or lower limits.maxArgumentLength",
    );
  });
});
