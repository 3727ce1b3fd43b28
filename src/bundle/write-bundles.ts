import path from "node:path";
import { writeFilesAtomically } from "../catalogs/write-catalog-yaml.js";
import type { BuildResult } from "./build-bundles.js";

/**
 * Writes a build into `outDir`. Each file is written to a temporary name
 * and renamed into place only after every write succeeded, and the
 * manifest is renamed last, so a client never sees a manifest that names a
 * missing bundle. Bundles of earlier builds stay, because a client that
 * has the old manifest may still request them.
 */
export async function writeBundles(
  outDir: string,
  build: Pick<BuildResult, "files">,
): Promise<string[]> {
  const files = new Map<string, string>();
  for (const [relative, text] of build.files) {
    files.set(path.join(outDir, ...relative.split("/")), text);
  }
  await writeFilesAtomically(files);
  return [...files.keys()];
}
