import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/**
 * Bundles locmsg/browser and its MF2 add-on (export `mf2`) into one ES
 * module file in `dir`, as an application bundler would, so a page can
 * import it. Returns the file name.
 */
export async function writeRuntimeBundle(dir: string): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        'export * from "./src/browser/index.ts"; export { mf2 } from "./src/browser/mf2.ts";',
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, "locmsg-browser.js"),
    result.outputFiles[0]!.contents,
  );
  return "locmsg-browser.js";
}
