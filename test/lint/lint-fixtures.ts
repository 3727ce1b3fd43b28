import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import {
  lintCatalogs,
  type LintOptions,
} from "../../src/lint/lint-catalogs.js";

const tempDirs: string[] = [];

afterEach(async () => {
  for (const dir of tempDirs.splice(0)) {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Writes `files` (path relative to the new directory, then content) into a new temporary directory. */
export async function writeCatalogs(
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "locmsg-lint-"));
  tempDirs.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return root;
}

/** The fields tests compare, with `file` relative to the catalog directory. */
export interface Finding {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  column?: number;
  key?: string;
  locale?: string;
}

export function toFinding(root: string, diagnostic: Diagnostic): Finding {
  const finding: Finding = {
    code: diagnostic.code,
    severity: diagnostic.severity,
  };
  if (diagnostic.file !== undefined) {
    finding.file = path
      .relative(root, diagnostic.file)
      .split(path.sep)
      .join("/");
  }
  if (diagnostic.line !== undefined) finding.line = diagnostic.line;
  if (diagnostic.column !== undefined) finding.column = diagnostic.column;
  if (diagnostic.key !== undefined) finding.key = diagnostic.key;
  if (diagnostic.locale !== undefined) finding.locale = diagnostic.locale;
  return finding;
}

/** Writes the files, lints them and returns the findings. */
export async function lintFiles(
  files: Record<string, string | Uint8Array>,
  options: LintOptions = {},
): Promise<Finding[]> {
  const root = await writeCatalogs(files);
  const { diagnostics } = await lintCatalogs([root], options);
  return diagnostics.map((diagnostic) => toFinding(root, diagnostic));
}

/** Lints files and returns the full diagnostics with the directory they were written to. */
export async function lintFilesFull(
  files: Record<string, string | Uint8Array>,
  options: LintOptions = {},
): Promise<{ root: string; diagnostics: Diagnostic[] }> {
  const root = await writeCatalogs(files);
  const { diagnostics } = await lintCatalogs([root], options);
  return { root, diagnostics };
}
