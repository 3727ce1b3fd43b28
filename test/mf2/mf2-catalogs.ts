// Helpers for the MF2 tests: real catalog files in temporary directories,
// loaded through the same loader the engine uses.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg, type LocmsgOptions } from "../../src/engine/locmsg.js";

const tempDirs: string[] = [];

afterEach(async () => {
  for (const dir of tempDirs.splice(0)) {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Writes `files` (path relative to the root, then YAML text) into a new temporary directory. */
export async function writeCatalogTree(
  files: Record<string, string>,
): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "locmsg-mf2-"));
  tempDirs.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return root;
}

/**
 * Loads an engine from `files`; fails the test when a file has a problem.
 * `options.strict` applies to rendering only.
 */
export async function loadEngine(
  files: Record<string, string>,
  options: LocmsgOptions = {},
): Promise<Locmsg> {
  const root = await writeCatalogTree(files);
  const { catalogs, diagnostics } = await loadCatalogDirectory(root);
  if (diagnostics.length > 0) {
    throw new Error(
      `catalogs did not load cleanly: ${JSON.stringify(diagnostics)}`,
    );
  }
  return new Locmsg(catalogs, options);
}

/** Renders one message and returns the text with the diagnostics it reported. */
export function formatWithDiagnostics(
  engine: Locmsg,
  locale: string,
  key: string,
  args: { key?: string; value: unknown }[] | unknown[] = [],
  timeZone = "UTC",
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const session = engine.createSession({ locale, timeZone });
  const text = session.format(
    { key, arg: args },
    { onDiagnostic: (diagnostic) => diagnostics.push(diagnostic) },
  );
  return { text, diagnostics };
}
