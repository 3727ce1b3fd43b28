import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, Scalar } from "yaml";

/**
 * Writes catalog entries as a YAML mapping with flat keys and double-quoted
 * values, in the order given, so the loader reads back exactly the same
 * strings (`no` and `007` stay text, control characters are escaped).
 */
export function writeCatalogYaml(
  entries: Iterable<readonly [string, string]>,
  header?: string,
): string {
  const document = new Document(null, { schema: "failsafe" });
  const mapping = document.createNode({});
  for (const [key, text] of entries) {
    const keyNode = new Scalar(key);
    keyNode.type = needsQuotes(key) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
    const valueNode = new Scalar(text);
    valueNode.type = Scalar.QUOTE_DOUBLE;
    mapping.add(document.createPair(keyNode, valueNode));
  }
  document.contents = mapping;
  if (header) document.commentBefore = header;
  return document.toString({ lineWidth: 0, doubleQuotedAsJSON: false });
}

/** Keys are written plain unless YAML would read them as something else. */
function needsQuotes(key: string): boolean {
  return !/^[A-Za-z_$][A-Za-z0-9_$.\-]*$/.test(key);
}

/**
 * Writes files so that each one is either complete or untouched: every
 * file goes to a temporary name beside its target first, and only when all
 * writes succeeded are they renamed into place.
 */
export async function writeFilesAtomically(files: ReadonlyMap<string, string>): Promise<void> {
  const suffix = `.tmp-${randomBytes(6).toString("hex")}`;
  const written: string[] = [];
  try {
    for (const [file, text] of files) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file + suffix, text);
      written.push(file);
    }
  } catch (error) {
    await Promise.all(written.map((file) => rm(file + suffix, { force: true })));
    throw error;
  }
  for (const file of written) await rename(file + suffix, file);
}
