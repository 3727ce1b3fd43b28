import { describe, expect, it } from "vitest";
import { decodeUtf8, findInvalidUtf8 } from "../../src/catalogs/decode-utf8.js";

const encode = (text: string) => [...new TextEncoder().encode(text)];

describe("findInvalidUtf8", () => {
  it.each([
    ["ascii", encode("plain text\n")],
    ["two byte", encode("ä")],
    ["three byte", encode("进")],
    ["four byte", encode("😀")],
    ["max code point", [0xf4, 0x8f, 0xbf, 0xbf]],
    ["bom", [0xef, 0xbb, 0xbf, 0x61]],
  ])("valid %s", (_name, bytes) => {
    expect(findInvalidUtf8(new Uint8Array(bytes))).toBeUndefined();
  });

  it.each([
    ["lone continuation", [0x61, 0x80], 1, [0x80]],
    ["invalid lead", [0x61, 0x62, 0xff], 2, [0xff]],
    ["c0 lead", [0xc0, 0x80], 0, [0xc0]],
    ["missing continuation", [0xc3, 0x41], 0, [0xc3, 0x41]],
    ["truncated at end", [0x61, 0xe2, 0x82], 1, [0xe2, 0x82]],
    ["overlong three byte", [0xe0, 0x80, 0x80], 0, [0xe0, 0x80]],
    ["surrogate", [0xed, 0xa0, 0x80], 0, [0xed, 0xa0]],
    ["above max", [0xf4, 0x90, 0x80, 0x80], 0, [0xf4, 0x90]],
    ["f5 lead", [0xf5, 0x80, 0x80, 0x80], 0, [0xf5]],
  ])("invalid %s", (_name, bytes, byteOffset, sequence) => {
    const found = findInvalidUtf8(new Uint8Array(bytes));
    expect(found?.byteOffset).toBe(byteOffset);
    expect(found?.bytes).toEqual(sequence);
  });

  it("agrees with TextDecoder", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (let first = 0x80; first <= 0xff; first++) {
      for (const second of [
        0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
      ]) {
        const bytes = new Uint8Array([first, second, 0x80, 0x80]);
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(findInvalidUtf8(bytes) === undefined, `${first} ${second}`).toBe(
          valid,
        );
      }
    }
  });
});

describe("decodeUtf8", () => {
  it("decode strips bom", () => {
    const result = decodeUtf8(
      new Uint8Array([0xef, 0xbb, 0xbf, ...encode("a: b")]),
    );
    expect(result).toEqual({ ok: true, text: "a: b" });
  });

  it.each([
    ["first line", [...encode("ab"), 0xff], 1, 3, 2],
    ["third line", [...encode("a\nb\ncd"), 0xff], 3, 3, 6],
    ["after wide characters", [...encode("进行"), 0xff], 1, 3, 6],
    ["after astral character", [...encode("😀"), 0xff], 1, 3, 4],
    ["after bom", [0xef, 0xbb, 0xbf, 0x61, 0xff], 1, 2, 4],
    ["crlf lines", [...encode("a\r\nb"), 0xff], 2, 2, 4],
  ])("decode error %s", (_name, bytes, line, column, byteOffset) => {
    const result = decodeUtf8(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(line);
    expect(result.error.column).toBe(column);
    expect(result.error.byteOffset).toBe(byteOffset);
  });
});
