// Heap used by one locale's loaded catalogs. Run with --expose-gc:
//
//   node --expose-gc catalog-memory.mjs CATALOG_DIR LOCALE ROUNDS
//
// CATALOG_DIR contains only that locale. One load first compiles the code
// involved. Then each round collects garbage, reads heapUsed, loads the
// catalogs into ENGINES_PER_ROUND engines that stay referenced and render
// one message each, collects garbage and reads heapUsed again. Prints
// {bytes} (the median difference per engine) and {messages} as JSON.
//
// Loading is synchronous (loadCatalogDirectorySync, as Locmsg.fromDirectory
// loads but without awaiting), because a suspended async function may keep
// a value in a register after its variable goes out of scope, which would
// keep an engine of an earlier round alive.
const [dir, locale, rounds] = process.argv.slice(2);
if (typeof globalThis.gc !== "function") {
  throw new Error("gc() is missing; run this script with node --expose-gc");
}
const { Locmsg, loadCatalogDirectorySync } = await import(
  new URL("../../../dist/index.js", import.meta.url).href
);
const MESSAGE = {
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
};
const ENGINES_PER_ROUND = 4;

function load() {
  const { catalogs, diagnostics } = loadCatalogDirectorySync(dir);
  // The folder has only this locale, so it is also the default locale.
  const engine = new Locmsg(catalogs, { defaultLocale: locale }, diagnostics);
  engine.createSession({ locale, timeZone: "UTC" }).format(MESSAGE);
  return engine;
}

function countMessages() {
  let messages = 0;
  for (const catalog of load().catalogs.all()) {
    messages += catalog.entries.size;
  }
  return messages;
}

/** Returns the heap that one engine adds, averaged over ENGINES_PER_ROUND. */
function measureRound() {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const engines = [];
  for (let index = 0; index < ENGINES_PER_ROUND; index++) engines.push(load());
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  if (engines.length !== ENGINES_PER_ROUND)
    throw new Error("the engines were dropped before the heap was read");
  return (after - before) / ENGINES_PER_ROUND;
}

const messages = countMessages();
const differences = [];
for (let round = 0; round < Number(rounds); round++) {
  differences.push(measureRound());
}
differences.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    bytes: differences[differences.length >> 1],
    messages,
  }),
);
