import { describe, expect, it } from "vitest";
import { parseCatalogYaml } from "../../src/catalogs/parse-catalog-yaml.js";
import { compileMf2 } from "../../src/mf2/compile-mf2.js";
import {
  mf2Functions,
  mf2Selectors,
  mf2Variables,
  mf2Variants,
} from "../../src/mf2/mf2-summary.js";

const SOURCE = `plain: "{count} machines"
pattern: !mf2 "Hello {$name}"
plural: !mf2 |-
  .input {$count :number}
  .input {$state :string}
  .match $count $state
  one  on  {{one VM on}}
  few  *   {{few}}
  *    on  {{{$count} on}}
  *    *   {{{$count} {$name}}}
ordinal: !mf2 |-
  .input {$place :number select=ordinal}
  .local $rank = {$place :integer signDisplay=never}
  .match $rank
  one {{{$rank}st}}
  *   {{{$rank}th}}
`;

const { entries, diagnostics } = parseCatalogYaml(SOURCE, "en/locmsg.yaml");

function entry(key: string) {
  const found = entries.get(key);
  if (!found) throw new Error(`no entry '${key}'`);
  return found;
}

describe("mf2 summary", () => {
  it("loads the fixture", () => {
    expect(diagnostics).toEqual([]);
  });

  it("lists selectors with functions", () => {
    expect(mf2Selectors(entry("plural"))).toEqual([
      {
        variable: "count",
        function: "number",
        options: {},
        keys: ["one", "few"],
      },
      { variable: "state", function: "string", options: {}, keys: ["on"] },
    ]);
  });

  it("follows local declarations", () => {
    expect(mf2Selectors(entry("ordinal"))).toEqual([
      {
        variable: "rank",
        function: "integer",
        options: { select: "ordinal", signDisplay: "never" },
        keys: ["one"],
      },
    ]);
  });

  it("lists variants with positions", () => {
    const variants = mf2Variants(entry("plural"));
    expect(variants.map((variant) => variant.keys)).toEqual([
      [
        { kind: "literal", value: "one" },
        { kind: "literal", value: "on" },
      ],
      [{ kind: "literal", value: "few" }, { kind: "catchall" }],
      [{ kind: "catchall" }, { kind: "literal", value: "on" }],
      [{ kind: "catchall" }, { kind: "catchall" }],
    ]);
    expect(variants[1]!.offset).toBe(entry("plural").text.indexOf("few  *"));
    expect(variants[1]!.position).toEqual({ line: 8, column: 3, exact: true });
  });

  it("lists variables and functions", () => {
    expect(mf2Variables(entry("plural"))).toEqual(["count", "name", "state"]);
    expect(mf2Functions(entry("plural"))).toEqual(["number", "string"]);
    expect(mf2Variables(entry("ordinal"))).toEqual(["place"]);
    expect(mf2Functions(entry("ordinal"))).toEqual(["integer", "number"]);
  });

  it("is empty without .match", () => {
    expect(mf2Selectors(entry("pattern"))).toEqual([]);
    expect(mf2Variants(entry("pattern"))).toEqual([]);
    expect(mf2Variables(entry("pattern"))).toEqual(["name"]);
  });

  it("is empty for templates", () => {
    expect(mf2Selectors(entry("plain"))).toEqual([]);
    expect(mf2Variants(entry("plain"))).toEqual([]);
    expect(mf2Variables(entry("plain"))).toEqual([]);
    expect(mf2Functions(entry("plain"))).toEqual([]);
  });

  it("has no positions without a file", () => {
    const compiled = compileMf2(
      ".input {$n :number}\n.match $n\none {{a}}\n* {{b}}",
    );
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.mf2.variants[0]!.offset).toBe(30);
    expect(compiled.mf2.variants[0]!.position).toBeUndefined();
  });
});
