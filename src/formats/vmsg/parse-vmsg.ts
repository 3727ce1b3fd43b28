/**
 * Parses VMware `.vmsg` catalog files. The format, as open-vm-tools reads it
 * (`lib/dict/dictll.c` and `libvmtools/i18n.c`), is one entry a line:
 *
 *     name = "value"   # optional comment
 *     name = value     (unquoted: ends at a blank or '#')
 *     name =           (empty value)
 *            "more"    (a continuation line, appended to the value above)
 *
 * Blanks are spaces and tabs. A name runs until a blank, `=` or `#`. A
 * quoted value ends at the first `"`: there is no backslash escape at this
 * level. A continuation line directly follows an entry line or another
 * continuation line and is only a quoted string: its text runs from its
 * first `"` to the `"` that ends the line (`read-vmsg-line.ts` reads one
 * line). Values are then decoded as `decode-value.ts` describes. LF, CRLF
 * and a lone CR all end a line.
 *
 * What is reported and what is salvaged. locmsg reads what VMware's loader
 * reads, and reports each place where the loader silently does something
 * the author probably did not mean:
 * - Bytes that are not UTF-8, in the file or in a value after its escapes
 *   are decoded: `invalid-utf8`, an error, and the whole file yields no
 *   entries, as the loader then rejects the whole catalog.
 * - A line that is neither blank, a comment, an entry nor a continuation
 *   (such as a quoted value with a bare `"` inside): `vmsg-syntax`, a
 *   warning at the column where it goes wrong. The loader skips such a
 *   line, so the entry on it is missing; so it is here.
 * - A value with a NUL byte (`|00`, `\0`): `vmsg-nul`, a warning. The value
 *   is cut there, as the loader keeps C strings.
 * - A name defined again: `duplicate-key`, a warning that points at the
 *   earlier definition. The last value wins, as in the loader.
 *
 * open-vm-tools' loader also drops a line that directly follows an entry
 * line and is no continuation, even a valid entry; locmsg reads every line
 * by the format above instead, and `writeVmsg` never writes such a pair.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { decodeUtf8, findInvalidUtf8 } from "../../catalogs/decode-utf8.js";
import { decodeValue } from "./decode-value.js";
import { readVmsgLine } from "./read-vmsg-line.js";
import { endPosition, splitLines, type SourceLine } from "./split-lines.js";

/** A 1-based line and column (UTF-16 code units). */
export interface VmsgLocation {
  line: number;
  column: number;
}

export interface ParsedVmsg {
  /** Decoded values by name, in the order names first appear. */
  entries: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Where the name of each entry's winning definition is written. */
  locations: Map<string, VmsgLocation>;
}

/** An entry line whose value may still continue on the next lines. */
interface PendingEntry {
  name: string;
  location: VmsgLocation;
  /** Column of the value (its opening quote, when quoted). */
  valueColumn: number;
  /** Raw text of the value and of each continuation line. */
  pieces: string[];
}

/** Parses one `.vmsg` file, following the policy at the top of this file. */
export function parseVmsg(bytes: Uint8Array, file: string): ParsedVmsg {
  const parser = new VmsgParser(file);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    parser.reportInvalidFile(bytes);
    return parser.result();
  }
  for (const line of splitLines(decoded.text)) parser.readLine(line);
  parser.finishEntry();
  return parser.result();
}

class VmsgParser {
  private readonly entries = new Map<string, string>();
  private readonly locations = new Map<string, VmsgLocation>();
  private readonly diagnostics: Diagnostic[] = [];
  private pending: PendingEntry | undefined;
  /** Set when the loader would reject the whole file. */
  private rejected = false;

  constructor(private readonly file: string) {}

  result(): ParsedVmsg {
    if (this.rejected) {
      return {
        entries: new Map(),
        diagnostics: this.diagnostics,
        locations: new Map(),
      };
    }
    return {
      entries: this.entries,
      diagnostics: this.diagnostics,
      locations: this.locations,
    };
  }

  readLine(line: SourceLine): void {
    const read = readVmsgLine(line.text);
    if (read.kind === "continuation" && this.pending) {
      this.pending.pieces.push(read.text);
      return;
    }
    const pending = this.pending;
    this.finishEntry();

    if (read.kind === "entry") {
      this.pending = {
        name: read.name,
        location: { line: line.number, column: read.nameStart + 1 },
        valueColumn: read.valueStart + 1,
        pieces: [read.value],
      };
    } else if (
      read.kind === "continuation" ||
      (read.kind === "invalid" && read.quoted && !pending)
    ) {
      this.skipLine(line, {
        index: read.kind === "continuation" ? read.start : read.index,
        problem:
          "a line that starts with '\"' continues the value of the entry directly above it, but there is none (a blank or comment line ends an entry)",
        fix: "join it to its entry, or write 'name = \"value\"'",
      });
    } else if (read.kind === "invalid") {
      this.skipLine(line, {
        ...read,
        name: read.quoted ? pending?.name : read.name,
      });
    }
  }

  /** Decodes the pending entry, if any, and stores it. */
  finishEntry(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;

    const decoded = decodeValue(pending.pieces);
    const where = { line: pending.location.line, column: pending.valueColumn };
    if (!decoded.ok) {
      this.rejected = true;
      this.report(
        "invalid-utf8",
        "error",
        where,
        pending.name,
        `the value of '${pending.name}' is not valid UTF-8 once its |XX and octal escapes are decoded (bytes ${hexBytes(decoded.bytes)}), so VMware's loader rejects the whole file; escape whole UTF-8 sequences or write the characters themselves`,
      );
      return;
    }
    if (decoded.cutAtNul) {
      this.report(
        "vmsg-nul",
        "warning",
        where,
        pending.name,
        `the value of '${pending.name}' contains a NUL byte (written as |00 or \\0), where VMware's loader cuts the text off, so only the text before it is kept; remove the NUL escape`,
      );
    }

    const earlier = this.locations.get(pending.name);
    if (earlier) {
      this.report(
        "duplicate-key",
        "warning",
        pending.location,
        pending.name,
        `'${pending.name}' is already defined at line ${earlier.line}; VMware's loader keeps this later value, so remove the definition you do not want`,
        { file: this.file, ...earlier },
      );
    }
    this.entries.set(pending.name, decoded.text);
    this.locations.set(pending.name, pending.location);
  }

  /** Reports the first invalid UTF-8 sequence of the file. */
  reportInvalidFile(bytes: Uint8Array): void {
    this.rejected = true;
    const invalid = findInvalidUtf8(bytes) ?? { byteOffset: 0, bytes: [] };
    const before = new TextDecoder().decode(
      bytes.subarray(0, invalid.byteOffset),
    );
    this.report(
      "invalid-utf8",
      "error",
      endPosition(before),
      undefined,
      `invalid UTF-8 at byte offset ${invalid.byteOffset} (bytes ${hexBytes(invalid.bytes)}), so the whole file is rejected; save it with UTF-8 encoding`,
    );
  }

  /** Reports a line that is no entry, which VMware's loader skips. */
  private skipLine(
    line: SourceLine,
    problem: {
      index: number;
      problem: string;
      fix: string;
      name?: string | undefined;
    },
  ): void {
    this.report(
      "vmsg-syntax",
      "warning",
      { line: line.number, column: problem.index + 1 },
      problem.name,
      `${problem.problem}; VMware's loader skips this line, and so does locmsg; ${problem.fix}`,
    );
  }

  private report(
    code: Diagnostic["code"],
    severity: Diagnostic["severity"],
    where: VmsgLocation,
    key: string | undefined,
    message: string,
    related?: Diagnostic["related"],
  ): void {
    const diagnostic: Diagnostic = {
      code,
      severity,
      message,
      file: this.file,
      ...where,
    };
    if (key !== undefined) diagnostic.key = key;
    if (related) diagnostic.related = related;
    this.diagnostics.push(diagnostic);
  }
}

function hexBytes(bytes: readonly number[]): string {
  return bytes
    .map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`)
    .join(" ");
}
