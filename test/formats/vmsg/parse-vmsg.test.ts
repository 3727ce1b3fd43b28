import { describe, expect, it } from "vitest";
import { parseVmsg } from "../../../src/formats/vmsg/parse-vmsg.js";

const FILE = "test.vmsg";

function parse(source: string | Uint8Array) {
  const bytes =
    typeof source === "string" ? new TextEncoder().encode(source) : source;
  const parsed = parseVmsg(bytes, FILE);
  return { ...parsed, values: Object.fromEntries(parsed.entries) };
}

/** Each diagnostic as `code severity line:column`. */
function problems(source: string | Uint8Array): string[] {
  return parse(source).diagnostics.map(
    (d) => `${d.code} ${d.severity} ${d.line}:${d.column}`,
  );
}

/** Bytes from text with `\xNN` written as `%NN`. */
function bytesOf(text: string): Uint8Array {
  const parts = text.split(/(%[0-9A-F]{2})/);
  const bytes: number[] = [];
  for (const part of parts) {
    if (/^%[0-9A-F]{2}$/.test(part)) bytes.push(parseInt(part.slice(1), 16));
    else bytes.push(...new TextEncoder().encode(part));
  }
  return Uint8Array.from(bytes);
}

describe("parseVmsg: lines", () => {
  const cases: [string, string, Record<string, string>][] = [
    ["quoted value", 'a = "x"', { a: "x" }],
    ["no blanks", 'a="x"', { a: "x" }],
    ["blanks and tabs", '\t a \t=\t "x y" \t', { a: "x y" }],
    ["comment after a quoted value", 'a = "x" # note', { a: "x" }],
    ["comment right after the quote", 'a = "x"#note', { a: "x" }],
    ["'#' inside quotes", 'a = "x # y"', { a: "x # y" }],
    ["unquoted value", "a = x", { a: "x" }],
    ["unquoted value and comment", "a = x # note", { a: "x" }],
    ["unquoted value ends at '#'", "a = x#note", { a: "x" }],
    ["quote inside an unquoted value", 'a = b"c', { a: 'b"c' }],
    ["empty value", "a =", { a: "" }],
    ["empty value and comment", "a = # note", { a: "" }],
    ["empty quoted value", 'a = ""', { a: "" }],
    [
      "dotted name",
      'device.connect.error = "x"',
      { "device.connect.error": "x" },
    ],
    ["name with punctuation", 'a-b_c$|"d = "x"', { 'a-b_c$|"d': "x" }],
    ["non-ASCII name", 'größe = "x"', { größe: "x" }],
    ["no backslash escape at quote level", 'a = "C:\\"', { a: "C:\\" }],
    ["blank and comment lines", '\n# c\n   # c\n\t\na = "x"\n\n', { a: "x" }],
    ["adjacent entry lines", 'a = "1"\nb = "2"\n', { a: "1", b: "2" }],
    ["printf placeholders", 'a = "%1$s: %2$d %s%%"', { a: "%1$s: %2$d %s%%" }],
    ["a byte order mark before the first line", '\uFEFFa = "x"', { a: "x" }],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const parsed = parse(source);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.values).toEqual(expected);
    });
  }

  it("records where each name is written", () => {
    const parsed = parse('# c\n\n  a = "x"\nb = y\n');
    expect([...parsed.locations]).toEqual([
      ["a", { line: 3, column: 3 }],
      ["b", { line: 4, column: 1 }],
    ]);
  });
});

describe("parseVmsg: escapes", () => {
  const cases: [string, string, string][] = [
    ["|22 is a quote", "say |22hi|22", 'say "hi"'],
    ["|7C is a pipe", "a|7Cb", "a|b"],
    ["|23 is a hash", "|23 1", "# 1"],
    ["hex digits in either case", "|7c|0a|0A", "|\n\n"],
    [
      "| without two hex digits stays",
      "<power|resume|suspend>",
      "<power|resume|suspend>",
    ],
    ["| at the end stays", "a|4", "a|4"],
    ["| then a non-hex digit stays", "|G1", "|G1"],
    ["a | after '|X' starts no escape", "|A|41", "|A|41"],
    ["a | after '|' starts no escape", "||41", "||41"],
    ["|XX bytes form UTF-8", "|C3|A4", "ä"],
    ["\\n \\t \\r", "a\\nb\\tc\\rd", "a\nb\tc\rd"],
    ["\\\\ is one backslash", "C:\\\\dir", "C:\\dir"],
    ["unknown escapes stay", "\\q \\x41 \\b", "\\q \\x41 \\b"],
    ["a final backslash stays", "a\\", "a\\"],
    ["octal escapes", "\\101\\7\\12", "A\u0007\n"],
    ["octal takes at most three digits", "\\1011", "A1"],
    ["octal stops at a non-octal digit", "\\18", "\u00018"],
    ["octal bytes form UTF-8", "\\303\\244", "ä"],
    [
      "\\\\n is a backslash and n",
      "statistiche: %1$s\\\\n",
      "statistiche: %1$s\\n",
    ],
    // |XX is decoded first, so an escaped backslash starts a C escape.
    ["|5Cn is a newline", "a|5Cnb", "a\nb"],
    ["|5C|5C is one backslash", "|5C|5C", "\\"],
    ["\\|6E is a newline", "\\|6E", "\n"],
    ["|5C at the end is a backslash", "a|5C", "a\\"],
    // C escapes are decoded last, so they never make a |XX escape.
    ["\\174 is a pipe, not an escape", "\\17422", "|22"],
    ["a byte order mark inside a value stays", "\uFEFFx", "\uFEFFx"],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      const parsed = parse(`a = "${value}"`);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.values["a"]).toBe(expected);
    });
  }

  it('decodes \\" where the raw text can hold a quote', () => {
    // A quoted value ends at the first '"', so \" can only come from an
    // unquoted value, a continuation line, or |XX escapes.
    const parsed = parse('a = x\\"y\nb = ""\n"say \\"hi\\""\nc = "|5C|22"');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.values).toEqual({ a: 'x"y', b: 'say "hi"', c: '"' });
  });

  it("decodes escapes in unquoted values too", () => {
    expect(parse("a = x|7Cy\\n").values).toEqual({ a: "x|y\n" });
  });
});

describe("parseVmsg: continuation lines", () => {
  it("appends quoted lines to the value above", () => {
    const parsed = parse('a = "one "\n   "two "\n\t"three"\nb = "x"\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.values).toEqual({ a: "one two three", b: "x" });
  });

  it("continues unquoted and empty values", () => {
    expect(parse('a = x\n"y"\nb =\n"z"').values).toEqual({ a: "xy", b: "z" });
  });

  it("takes the text between the first and the last quote", () => {
    expect(parse('a = "x"\n"say "hi""').values).toEqual({ a: 'xsay "hi"' });
  });

  it("decodes |XX per line and C escapes on the joined value", () => {
    const parsed = parse('a = "x\\"\n"n"\nb = "|2"\n"2"\nc = "|7"\n"C"');
    expect(parsed.values).toEqual({ a: "x\n", b: "|22", c: "|7C" });
  });

  it("reads a multi-line value with CRLF endings", () => {
    expect(parse('a = "x"\r\n  "y"\r\n').values).toEqual({ a: "xy" });
  });

  it("warns about a quoted line after a blank or comment line", () => {
    const source = 'a = "x"\n\n  "y"\nb = "1"\n# c\n"z"';
    expect(problems(source)).toEqual([
      "vmsg-syntax warning 3:3",
      "vmsg-syntax warning 6:1",
    ]);
    expect(parse(source).values).toEqual({ a: "x", b: "1" });
  });

  it("warns about text after the closing quote and keeps the value so far", () => {
    const source = 'a = "x"\n"y" # c\n"z"';
    const parsed = parse(source);
    expect(problems(source)).toEqual([
      "vmsg-syntax warning 2:4",
      "vmsg-syntax warning 3:1",
    ]);
    expect(parsed.diagnostics[0]!.key).toBe("a");
    expect(parsed.values).toEqual({ a: "x" });
  });

  it("warns about a continuation line without a closing quote", () => {
    expect(problems('a = "x"\n  "y')).toEqual(["vmsg-syntax warning 2:3"]);
    expect(problems('a = "x"\n"')).toEqual(["vmsg-syntax warning 2:1"]);
  });
});

describe("parseVmsg: lines that are no entry", () => {
  const cases: [string, string, string, RegExp][] = [
    ["no name", '= "x"', "1:1", /expected a message name before '='/],
    [
      "no '='",
      "  abc",
      "1:6",
      /expected '=' after the name 'abc', found the end of the line/,
    ],
    ["a blank inside the name", 'a b = "x"', "1:3", /found 'b'/],
    [
      "no closing quote",
      'a = "x',
      "1:5",
      /quoted value of 'a' has no closing '"'/,
    ],
    [
      "text after a quoted value",
      'a = "x" y',
      "1:9",
      /unexpected text after the quoted value of 'a'/,
    ],
    [
      "a bare quote inside a value",
      'a = "say "hi""',
      "1:11",
      /write a '"' inside a value as \|22/,
    ],
    [
      "text after an unquoted value",
      "a = x y",
      "1:7",
      /put the value in quotes/,
    ],
    [
      "a quoted line with no entry above",
      '"orphan"',
      "1:1",
      /but there is none/,
    ],
  ];
  for (const [name, source, where, message] of cases) {
    it(name, () => {
      const parsed = parse(`${source}\nok = "yes"`);
      expect(parsed.diagnostics).toHaveLength(1);
      const [diagnostic] = parsed.diagnostics;
      expect(diagnostic).toMatchObject({
        code: "vmsg-syntax",
        severity: "warning",
        file: FILE,
      });
      expect(`${diagnostic!.line}:${diagnostic!.column}`).toBe(where);
      expect(diagnostic!.message).toMatch(message);
      expect(diagnostic!.message).toMatch(/VMware's loader skips this line/);
      // The line is skipped, and the rest of the file still loads.
      expect(parsed.values).toEqual({ ok: "yes" });
    });
  }

  it("names the key of an entry line that went wrong after its name", () => {
    expect(parse('a = "x" y').diagnostics[0]!.key).toBe("a");
    expect(parse("= x").diagnostics[0]!.key).toBeUndefined();
  });

  it("ends a line at a CR inside quotes", () => {
    expect(problems('a = "x\ry"')).toEqual([
      "vmsg-syntax warning 1:5",
      "vmsg-syntax warning 2:3",
    ]);
  });
});

describe("parseVmsg: line endings", () => {
  const endings: [string, string[]][] = [
    ["LF", ["\n", "\n", "\n", "\n"]],
    ["CRLF", ["\r\n", "\r\n", "\r\n", "\r\n"]],
    ["CR", ["\r", "\r", "\r", "\r"]],
    ["mixed", ["\r\n", "\r", "\n", "\r\n"]],
  ];
  for (const [name, [e1, e2, e3, e4]] of endings) {
    it(`reads ${name} endings with the right line numbers`, () => {
      const source = `# c${e1}a = "x"${e2}   "y"${e3}${e4}b c${e4}d = "z"`;
      const parsed = parse(source);
      expect(parsed.values).toEqual({ a: "xy", d: "z" });
      expect(problems(source)).toEqual(["vmsg-syntax warning 5:3"]);
      expect(parsed.locations.get("d")).toEqual({ line: 6, column: 1 });
    });
  }

  it("counts CR LF as one line ending, and LF CR as two", () => {
    expect(parse('a = "x"\r\nb = "y"').locations.get("b")!.line).toBe(2);
    expect(parse('a = "x"\n\rb = "y"').locations.get("b")!.line).toBe(3);
  });
});

describe("parseVmsg: invalid UTF-8", () => {
  it("rejects the whole file at the first invalid byte", () => {
    const parsed = parse(bytesOf('a = "x"\nb = "%FF"\n'));
    expect(parsed.entries.size).toBe(0);
    expect(parsed.locations.size).toBe(0);
    expect(parsed.diagnostics).toEqual([
      {
        code: "invalid-utf8",
        severity: "error",
        file: FILE,
        line: 2,
        column: 6,
        message: expect.stringMatching(/byte offset 13 \(bytes 0xFF\)/),
      },
    ]);
  });

  it("counts lines with CR endings and columns in UTF-16 code units", () => {
    const parsed = parse(bytesOf('a = "x"\rb = "ä😀%C3"'));
    expect(problems(bytesOf('a = "x"\rb = "ä😀%C3"'))).toEqual([
      "invalid-utf8 error 2:9",
    ]);
    expect(parsed.diagnostics[0]!.message).toMatch(
      /byte offset 19 \(bytes 0xC3 0x22\)/,
    );
  });

  it("rejects the whole file when a decoded value is not UTF-8", () => {
    const parsed = parse('a = "x"\nb = "|C3"\nc = "\\377"\nd = "|ED|A0|80"');
    expect(parsed.entries.size).toBe(0);
    expect(
      problems('a = "x"\nb = "|C3"\nc = "\\377"\nd = "|ED|A0|80"'),
    ).toEqual([
      "invalid-utf8 error 2:5",
      "invalid-utf8 error 3:5",
      "invalid-utf8 error 4:5",
    ]);
    expect(parsed.diagnostics[0]).toMatchObject({ key: "b" });
    expect(parsed.diagnostics[0]!.message).toMatch(/bytes 0xC3/);
  });
});

describe("parseVmsg: NUL bytes", () => {
  it("cuts a value at a NUL from |00 and warns", () => {
    const parsed = parse('a = "x|00y"');
    expect(parsed.values).toEqual({ a: "x" });
    expect(problems('a = "x|00y"')).toEqual(["vmsg-nul warning 1:5"]);
  });

  it("cuts only the line's piece at |00, as the loader joins C strings", () => {
    expect(parse('a = "x|00y"\n"z"').values).toEqual({ a: "xz" });
  });

  it("cuts the whole value at an octal NUL", () => {
    expect(parse('a = "x\\0y"\n"z"').values).toEqual({ a: "x" });
    expect(parse('a = "x\\400"').values).toEqual({ a: "x" });
  });
});

describe("parseVmsg: duplicate keys", () => {
  it("keeps the last value and points at the earlier definition", () => {
    const parsed = parse('a = "1"\n\n  a = "2"\nb = "x"\na = "3"\n');
    expect(parsed.values).toEqual({ a: "3", b: "x" });
    expect(parsed.locations.get("a")).toEqual({ line: 5, column: 1 });
    expect(parsed.diagnostics).toEqual([
      {
        code: "duplicate-key",
        severity: "warning",
        file: FILE,
        line: 3,
        column: 3,
        key: "a",
        message: expect.stringMatching(/already defined at line 1/),
        related: { file: FILE, line: 1, column: 1 },
      },
      {
        code: "duplicate-key",
        severity: "warning",
        file: FILE,
        line: 5,
        column: 1,
        key: "a",
        message: expect.stringMatching(/already defined at line 3/),
        related: { file: FILE, line: 3, column: 3 },
      },
    ]);
  });
});
