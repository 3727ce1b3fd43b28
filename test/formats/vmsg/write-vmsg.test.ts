import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseVmsg } from "../../../src/formats/vmsg/parse-vmsg.js";
import {
  describeUnwritableVmsgEntry,
  escapeVmsgValue,
  writeVmsg,
} from "../../../src/formats/vmsg/write-vmsg.js";
import { PROPERTY_SETTINGS } from "../../property/fast-check-settings.js";

function reparse(text: string): Map<string, string> {
  const parsed = parseVmsg(new TextEncoder().encode(text), "out.vmsg");
  expect(parsed.diagnostics).toEqual([]);
  return parsed.entries;
}

describe("escapeVmsgValue", () => {
  const cases: [string, string, string][] = [
    ["plain text", "Power On %1$s", "Power On %1$s"],
    ["quote", 'say "hi"', "say |22hi|22"],
    ["pipe", "a|b", "a|7Cb"],
    ["hash", "# 1", "|23 1"],
    ["newline, tab, CR", "a\nb\tc\rd", "a|0Ab|09c|0Dd"],
    ["other controls", "\u0001\u001f\u007f", "|01|1F|7F"],
    ["backslash as \\\\", "C:\\dir\\n", "C:\\\\dir\\\\n"],
    ["braces and non-ASCII", "{x} Größe 仮想 😀", "{x} Größe 仮想 😀"],
    ["C1 controls stay as UTF-8", "\u0085", "\u0085"],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => expect(escapeVmsgValue(value)).toBe(expected));
  }
});

describe("writeVmsg", () => {
  it("quotes every value and separates entries with a blank line", () => {
    const text = writeVmsg([
      ["a", "x"],
      ["b", ""],
      ["c", "no"],
    ]);
    expect(text).toBe('a = "x"\n\nb = ""\n\nc = "no"\n');
  });

  it("writes a header as comment lines", () => {
    const text = writeVmsg([["a", "x"]], { header: "Generated\n\nby a test" });
    expect(text).toBe('# Generated\n#\n# by a test\n\na = "x"\n');
    expect(reparse(text)).toEqual(new Map([["a", "x"]]));
  });

  it("writes an empty catalog as an empty file", () => {
    expect(writeVmsg([])).toBe("");
  });

  it("reads back values whose escapes would clash", () => {
    const entries: [string, string][] = [
      ["backslash.n", "\\n"],
      ["backslash.pipe", "\\|22"],
      ["pipe.hex", "|5Cn"],
      ["octal.like", "\\101"],
      ["trailing.backslash", "C:\\"],
      ["quote.after.backslash", '\\"'],
      ["everything", '"|#\\\t\n\r{}}{%1$s ä 😀'],
    ];
    expect([...reparse(writeVmsg(entries))]).toEqual(entries);
  });

  it("refuses what the format cannot hold", () => {
    expect(() => writeVmsg([["a b", "x"]])).toThrow(RangeError);
    expect(() => writeVmsg([["a", "x\0y"]])).toThrow(/NUL/);
    expect(() => writeVmsg([["a", "x\uD800"]])).toThrow(/surrogate/);
  });

  const unwritableNames = [
    "",
    "a b",
    "a\tb",
    "a=b",
    "a#b",
    '"a',
    "a\nb",
    "a\u00A0b",
    "a\u0001",
  ];
  for (const name of unwritableNames) {
    it(`refuses the name ${JSON.stringify(name)}`, () => {
      expect(describeUnwritableVmsgEntry(name, "x")).toMatch(
        /cannot be written/,
      );
    });
  }

  it("accepts names with quotes, pipes and non-ASCII after the first character", () => {
    expect(describeUnwritableVmsgEntry('a"b|c.größe', "x")).toBeUndefined();
  });
});

/**
 * Names the writer accepts: no whitespace, '=', '#' or control characters,
 * and no '"' first.
 */
const nameArbitrary = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        "a",
        "Z",
        "0",
        ".",
        "-",
        "_",
        "$",
        "|",
        '"',
        "\\",
        "ä",
        "仮",
      ),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .filter((name) => describeUnwritableVmsgEntry(name, "") === undefined);

/**
 * Any text without NUL or lone surrogates (which `writeVmsg` refuses, as
 * VMware's loader cannot hold them), biased towards the escape hazards.
 */
const valueArbitrary = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        '"',
        "|",
        "#",
        "\\",
        "\t",
        "\n",
        "\r",
        "{",
        "}",
        "n",
        "0",
        "7",
        "2",
        "C",
        "%",
        " ",
        "\u007f",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  })
  .filter((value) => describeUnwritableVmsgEntry("a", value) === undefined);

describe("writeVmsg and parseVmsg", () => {
  it("round-trip any map of valid names to strings", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(nameArbitrary, valueArbitrary), {
          selector: ([name]) => name,
          maxLength: 8,
        }),
        (entries) => {
          const parsed = parseVmsg(
            new TextEncoder().encode(writeVmsg(entries)),
            "p.vmsg",
          );
          expect(parsed.diagnostics).toEqual([]);
          expect([...parsed.entries]).toEqual(entries);
        },
      ),
      PROPERTY_SETTINGS,
    );
  });
});
