// Which MF2 messages compile for the browser, and what they compile to.
import { describe, expect, it } from "vitest";
import { buildBundles } from "../../src/bundle/build-bundles.js";
import { CatalogSet, createCatalog } from "../../src/catalogs/catalog.js";
import { compileMf2 } from "../../src/mf2/compile-mf2.js";

function build(source: string) {
  const parsed = compileMf2(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const catalog = createCatalog("locmsg", "en");
  catalog.entries.set("m", {
    key: "m",
    text: source,
    parts: [],
    mf2: parsed.mf2,
  });
  const catalogs = new CatalogSet();
  catalogs.add(catalog);
  const result = buildBundles(catalogs);
  const uri = result.manifest.catalogs[0]!.catalogUri;
  const bundle = result.files.has(uri)
    ? JSON.parse(result.files.get(uri)!)
    : undefined;
  return { message: bundle?.messages.m, diagnostics: result.diagnostics };
}

function rejection(source: string): string {
  const { message, diagnostics } = build(source);
  expect(message).toBeUndefined();
  expect(diagnostics.map((d) => d.code)).toEqual(["mf2-unsupported"]);
  return diagnostics[0]!.message;
}

describe("MF2 compile subset", () => {
  it("compiles a plural match", () => {
    const { message, diagnostics } = build(
      ".input {$n :number}\n.match $n\none {{one {$n}}}\n* {{many}}",
    );
    expect(diagnostics).toEqual([]);
    expect(message).toEqual([
      {
        d: {
          n: {
            x: { a: "n" },
            src: "{$n}",
            f: "number",
            o: { style: "decimal" },
          },
        },
        s: "n",
        v: [
          ["one", ["one ", { x: { $: "n" }, src: "{$n}" }]],
          [0, ["many"]],
        ],
      },
    ]);
  });

  it("merges declared options", () => {
    const { message } = build(
      ".local $a = {$x :number minimumFractionDigits=2}\n{{{$a :integer useGrouping=never}}}",
    );
    expect(message[0].v[0][1][0].o).toEqual({
      style: "decimal",
      maximumFractionDigits: 0,
      useGrouping: false,
    });
  });

  it("resolves datetime options", () => {
    const { message } = build(
      "{$t :datetime dateLength=long timePrecision=hour}",
    );
    expect(message[0].v[0][1][0].o).toEqual({
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
    });
  });

  it("compiles label options", () => {
    const { message } = build("{$s :label catalog=enum prefix=TaskInfo.State}");
    expect(message[0].v[0][1][0]).toEqual({
      x: { a: "s" },
      src: "{$s}",
      f: "label",
      o: { catalog: "enum", prefix: "TaskInfo.State" },
    });
  });

  it("escapes literal fallbacks", () => {
    const { message } = build("{|a\\|b| :number}");
    expect(message[0].v[0][1][0].src).toBe("{|a\\|b|}");
  });

  it("rejects other functions", () => {
    expect(rejection("{$n :percent}")).toContain(
      ":percent is outside the compiled subset",
    );
  });

  it("rejects variable options", () => {
    expect(rejection("{$n :number maximumFractionDigits=$d}")).toContain(
      "the compiled subset takes literal option values",
    );
  });

  it("rejects two selectors", () => {
    expect(
      rejection(
        ".input {$a :number}\n.input {$b :string}\n.match $a $b\none x {{1}}\n* * {{2}}",
      ),
    ).toContain("the compiled subset takes one");
  });

  it("rejects markup", () => {
    expect(rejection("{#b}bold{/b}")).toContain("markup {#b}");
  });

  it("rejects select=plural", () => {
    expect(
      rejection(".input {$n :number select=plural}\n.match $n\n* {{x}}"),
    ).toContain("select=plural");
  });

  it("rejects invalid option values", () => {
    expect(rejection("{$n :number minimumFractionDigits=two}")).toContain(
      "minimumFractionDigits=two",
    );
  });

  it("rejects mixed function families", () => {
    expect(rejection(".local $d = {$t :datetime}\n{{{$d :number}}}")).toContain(
      "declared with :datetime",
    );
  });

  it("rejects label without catalog", () => {
    expect(rejection("{$s :label}")).toContain("catalog=NAME");
  });
});
