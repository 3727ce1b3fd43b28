/** Strict UTF-8 decoding that locates the first invalid byte sequence. */

export type DecodeResult =
  { ok: true; text: string } | { ok: false; error: InvalidUtf8 };

/** The first invalid byte sequence of a file. */
export interface InvalidUtf8 {
  /** 0-based offset of the first byte of the invalid sequence. */
  byteOffset: number;
  /** The invalid sequence, up to and including the byte that broke it. */
  bytes: number[];
  /** 1-based line and column (UTF-16 code units) in the decoded text before it. */
  line: number;
  column: number;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes `bytes` as UTF-8 and drops a leading byte order mark. Returns the
 * location of the first invalid sequence instead of text when decoding fails.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const invalid = findInvalidUtf8(bytes);
  // TextDecoder and findInvalidUtf8 follow the same WHATWG rules, so a
  // decoding failure always has an invalid sequence. Offset 0 is only a fallback.
  const byteOffset = invalid?.byteOffset ?? 0;
  const before = decoder.decode(bytes.subarray(0, byteOffset));
  const lineStart = before.lastIndexOf("\n") + 1;
  return {
    ok: false,
    error: {
      byteOffset,
      bytes: invalid?.bytes ?? [],
      line: countNewlines(before) + 1,
      column: before.length - lineStart + 1,
    },
  };
}

/**
 * Finds the first ill-formed sequence by the rules of the WHATWG UTF-8
 * decoder: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
export function findInvalidUtf8(
  bytes: Uint8Array,
): { byteOffset: number; bytes: number[] } | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const sequence = continuationRange(lead);
    if (sequence === undefined) {
      return { byteOffset: index, bytes: [lead] };
    }
    let { lower, upper } = sequence;
    for (let k = 1; k <= sequence.continuationBytes; k++) {
      const byte = bytes[index + k];
      if (byte === undefined || byte < lower || byte > upper) {
        const end = byte === undefined ? index + k : index + k + 1;
        return { byteOffset: index, bytes: [...bytes.subarray(index, end)] };
      }
      lower = 0x80;
      upper = 0xbf;
    }
    index += sequence.continuationBytes + 1;
  }
  return undefined;
}

/**
 * Returns how many continuation bytes follow `lead` and the allowed range of
 * the first one, or undefined when `lead` cannot start a sequence.
 */
function continuationRange(
  lead: number,
): { continuationBytes: number; lower: number; upper: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) {
    return { continuationBytes: 1, lower: 0x80, upper: 0xbf };
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    return {
      continuationBytes: 2,
      lower: lead === 0xe0 ? 0xa0 : 0x80,
      upper: lead === 0xed ? 0x9f : 0xbf,
    };
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return {
      continuationBytes: 3,
      lower: lead === 0xf0 ? 0x90 : 0x80,
      upper: lead === 0xf4 ? 0x8f : 0xbf,
    };
  }
  return undefined;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    count += 1;
  }
  return count;
}
