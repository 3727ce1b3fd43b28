import { writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { findJsonErrorOffset } from "../../src/cli/json-error-offset.js";
import { findInvalidUtf8 } from "../../src/cli/read-input.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "./temp-files.js";

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

/** Writes `content` to a file in the test folder and returns its path. */
async function inputFile(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(
    parts.map((part) =>
      typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part),
    ),
  );
}

const TASK_STATE =
  '{"key":"com.vmware.locmsg.taskState","arg":[{"key":"field","value":"';

describe("JSON syntax error location", () => {
  it("points at the unexpected character", async () => {
    // V8 names no position for these; each row is the file, its line and column.
    const cases: [string, string, string][] = [
      ["missing-value.json", '{"key":}', "1:8"],
      ["trailing-comma.json", '{"key":"a",\n  "arg":[1,]}', "2:12"],
      ["not-json.json", "zq#!", "1:1"],
      [
        "long.json",
        `{"key":"${"x".repeat(100)}",\n"arg": [1, 2, ?, 4]}`,
        "2:15",
      ],
    ];
    for (const [name, text, location] of cases) {
      const file = await inputFile(name, text);
      const result = await runCli(["format", file]);
      expect(result.code, name).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(
        new RegExp(`^locmsg format: .*${name}:${location}: invalid JSON \\(`),
      );
    }
  });

  it("uses V8's position when it names one", async () => {
    const file = await inputFile("missing-colon.json", '{\n  "key" "a"}');
    const result = await runCli(["format", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "missing-colon.json:2:9: invalid JSON (Expected ':' after property name in JSON at position 10",
    );
  });

  it("counts columns after a byte order mark", async () => {
    const result = await runCli(["format", "-"], '\uFEFF{"key":}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^locmsg format: <stdin>:1:8: invalid JSON/);
  });

  it("points at the end of a truncated document", async () => {
    const result = await runCli(["task", "-"], '[{"key":"task-1"\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^locmsg task: <stdin>:2:1: invalid JSON \(/);
  });

  it("finds the offset that JSON.parse reports", () => {
    const jsonish = fc.stringMatching(
      /^[[\]{}":,.\-+eE0-9tfnrulasx\\ \n\u0001]*$/,
    );
    fc.assert(
      fc.property(fc.oneof(fc.json(), jsonish), (text) => {
        let message: string | undefined;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        const offset = findJsonErrorOffset(text);
        if (message === undefined) {
          expect(offset).toBeUndefined();
          return;
        }
        expect(offset).toBeDefined();
        const position = /at position (\d+)/.exec(message);
        const token = /^Unexpected token '(.)'/su.exec(message);
        if (position) expect(offset).toBe(Number(position[1]));
        else if (message.startsWith("Unexpected end")) {
          expect(offset).toBe(text.length);
        } else if (token) expect(text[offset!]).toBe(token[1]);
      }),
      { numRuns: 5_000 },
    );
  });

  it("accepts deep nesting without recursion", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(findJsonErrorOffset(deep)).toBeUndefined();
    expect(findJsonErrorOffset(`${deep}x`)).toBe(200_000);
  });
});

describe("UTF-8 input", () => {
  it("rejects invalid UTF-8 with its byte offset", async () => {
    const file = await inputFile(
      "invalid.json",
      bytes(TASK_STATE, "qu", [0xff, 0xfe], 'eued"}]}'),
    );
    const result = await runCli(["format", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `locmsg format: ${file}:1:${TASK_STATE.length + 3}: invalid UTF-8 at byte offset ${TASK_STATE.length + 2} (byte 0xff); save the file as UTF-8\n`,
    );
  });

  it("counts the byte order mark and multibyte characters", async () => {
    const file = await inputFile(
      "bom-invalid.json",
      bytes([0xef, 0xbb, 0xbf], '{"key":"\u00e9\n', [0xe2, 0x28]),
    );
    const result = await runCli(["task", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `locmsg task: ${file}:2:1: invalid UTF-8 at byte offset 14 (byte 0xe2); save the file as UTF-8\n`,
    );
  });

  it("rejects a sequence cut off at the end", async () => {
    const file = await inputFile("cut.json", bytes('{"key":"a', [0xe2, 0x82]));
    const result = await runCli(["format", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "cut.json:1:10: invalid UTF-8 at byte offset 9 (byte 0xe2)",
    );
  });

  it("accepts a byte order mark", async () => {
    const file = await inputFile(
      "bom.json",
      bytes([0xef, 0xbb, 0xbf], TASK_STATE, 'queued"}]}'),
    );
    const result = await runCli(["format", file, "--locale", "en"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("State is Queued\n");
    expect(result.code).toBe(0);
  });

  it("finds the sequence TextDecoder rejects", () => {
    const interesting = fc.constantFrom(
      0x41,
      0x80,
      0x8f,
      0x90,
      0x9f,
      0xa0,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xe1,
      0xed,
      0xee,
      0xef,
      0xf0,
      0xf1,
      0xf4,
      0xf5,
      0xff,
    );
    const byteArrays = fc.uint8Array({ maxLength: 12 });
    const mixed = fc
      .array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), {
        maxLength: 12,
      })
      .map((values) => Uint8Array.from(values));
    fc.assert(
      fc.property(fc.oneof(byteArrays, mixed), (input) => {
        const offset = findInvalidUtf8(input);
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(input);
        } catch {
          valid = false;
        }
        expect(offset === undefined).toBe(valid);
        if (offset === undefined) return;
        // The replacement decoder puts U+FFFD where the first error starts.
        const replaced = new TextDecoder("utf-8").decode(input);
        const before = new TextDecoder("utf-8").decode(
          input.subarray(0, offset),
        );
        expect(replaced.startsWith(`${before}\uFFFD`)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});
