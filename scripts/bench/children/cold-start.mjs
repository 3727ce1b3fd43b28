// One cold start, in a fresh process: import the renderer, load the
// catalogs of one locale's chain and render one message. Prints
// {importMs, loadMs, text} as JSON.
//
//   node cold-start.mjs yaml CATALOG_DIR LOCALE
//   node cold-start.mjs bundles BUNDLE_DIR LOCALE
//   node cold-start.mjs esm ESM_DIR LOCALE
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [mode, dir, locale] = process.argv.slice(2);
const DIST = new URL("../../../dist/", import.meta.url);
const MESSAGE = {
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
};

const started = performance.now();
let imported;
let text;
if (mode === "yaml") {
  const { Locmsg } = await import(new URL("index.js", DIST).href);
  imported = performance.now();
  const engine = await Locmsg.fromDirectory(dir);
  text = engine.createSession({ locale, timeZone: "UTC" }).format(MESSAGE);
} else if (mode === "bundles") {
  const { createLocmsg, matchMessageLocale, messageLocaleChain } = await import(
    new URL("browser/index.js", DIST).href
  );
  imported = performance.now();
  const readJson = async (file) =>
    JSON.parse(await readFile(path.join(dir, file), "utf8"));
  const manifest = await readJson("manifest.json");
  const chain = messageLocaleChain(
    matchMessageLocale(locale, manifest),
    manifest,
  );
  const bundles = await Promise.all(
    manifest.catalogs
      .filter((entry) => chain.includes(entry.locale))
      .map((entry) => readJson(entry.catalogUri)),
  );
  const locmsg = createLocmsg(manifest, bundles, {
    locale,
    timeZone: "UTC",
    chain,
  });
  text = locmsg.format(MESSAGE);
} else if (mode === "esm") {
  const index = await import(pathToFileURL(path.join(dir, "index.js")).href);
  imported = performance.now();
  const locmsg = await index.loadLocmsg({ locale, timeZone: "UTC" });
  text = locmsg.format(MESSAGE);
} else {
  throw new Error(`unknown mode '${mode}'; use yaml, bundles or esm`);
}
const finished = performance.now();
process.stdout.write(
  JSON.stringify({
    importMs: imported - started,
    loadMs: finished - imported,
    text,
  }),
);
