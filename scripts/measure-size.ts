// Measures the browser runtime locmsg/browser and other message formatting
// runtimes the same way: bundled and minified by esbuild as an ES module
// (like `esbuild --bundle --minify --format=esm`), then gzipped at level 9
// with zlib. Prints a Markdown table.
//
//   npm run size                 print the table
//   npm run size -- --check      exit 1 when locmsg/browser exceeds BUDGET_BYTES
//   npm run size -- --write      also replace the table in docs/benchmarks.md
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, version as esbuildVersion } from "esbuild";
import * as prettier from "prettier";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The design target for locmsg/browser, gzipped. */
export const TARGET_BYTES = 2048;
/**
 * The recorded size of locmsg/browser (the core entry, without the MF2
 * add-on), gzipped: `--check` and test/browser/size-budget.test.ts fail
 * when the runtime grows past it.
 * NOTE: it is above TARGET_BYTES, and docs/benchmarks.md explains why.
 */
export const BUDGET_BYTES = 3344;

export interface Measured {
  name: string;
  /** The table's first column, Markdown. */
  label: string;
  version: string;
  /** The source of the measured module, which imports what an application would. */
  entry: string;
  minified: number;
  gzipped: number;
}

interface Candidate {
  /** The package whose version the table shows. */
  name: string;
  /** The table's first column, Markdown; `name` in code style when left out. */
  label?: string;
  /** The module esbuild bundles; it imports what an application would. */
  source: string;
}

const CANDIDATES: Candidate[] = [
  {
    name: "locmsg/browser",
    source: 'export * from "./src/browser/index.ts";',
  },
  {
    name: "locmsg/browser",
    label: "`locmsg/browser` with the `mf2` add-on",
    source:
      'export * from "./src/browser/index.ts"; export { mf2 } from "./src/browser/mf2.ts";',
  },
  {
    name: "messageformat",
    source: 'export { MessageFormat } from "messageformat";',
  },
  {
    name: "@fluent/bundle",
    source: 'export { FluentBundle, FluentResource } from "@fluent/bundle";',
  },
  {
    name: "intl-messageformat",
    source: 'export { IntlMessageFormat } from "intl-messageformat";',
  },
];

/** The installed version, read from package.json (some packages do not export it). */
async function packageVersion(name: string): Promise<string | undefined> {
  const file =
    name === "locmsg/browser"
      ? path.join(ROOT, "package.json")
      : path.join(ROOT, "node_modules", name, "package.json");
  try {
    return (JSON.parse(await readFile(file, "utf8")) as { version: string })
      .version;
  } catch {
    return undefined;
  }
}

/** Bundles, minifies and gzips one module; undefined when its package is not installed. */
export async function measure(
  candidate: Candidate,
): Promise<Measured | undefined> {
  const version = await packageVersion(candidate.name);
  if (version === undefined) return undefined;
  const result = await build({
    stdin: { contents: candidate.source, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return {
    name: candidate.name,
    label: candidate.label ?? `\`${candidate.name}\``,
    version,
    entry: candidate.source,
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
  };
}

export async function measureRuntime(): Promise<Measured> {
  return (await measure(CANDIDATES[0]!))!;
}

function table(rows: (Measured | { label: string; missing: true })[]): string {
  const lines = [
    "| runtime | version | minified (bytes) | minified + gzip -9 (bytes) |",
    "| --- | --- | ---: | ---: |",
  ];
  for (const row of rows) {
    if ("missing" in row) {
      lines.push(`| ${row.label} | not installed | – | – |`);
    } else {
      lines.push(
        `| ${row.label} | ${row.version} | ${row.minified} | ${row.gzipped} |`,
      );
    }
  }
  return lines.join("\n");
}

const START = "<!-- browser-size:start -->";
const END = "<!-- browser-size:end -->";

async function writeDocs(text: string): Promise<void> {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const docs = await readFile(file, "utf8").catch(() => "# Benchmarks\n");
  const block = `${START}\n${text}\n${END}`;
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  const updated =
    start >= 0 && end > start
      ? docs.slice(0, start) + block + docs.slice(end + END.length)
      : `${docs.trimEnd()}\n\n${block}\n`;
  // Prettier aligns Markdown tables; `npm test` checks the formatting.
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(
    file,
    await prettier.format(updated, { ...options, filepath: file }),
  );
}

async function main(args: string[]): Promise<number> {
  const rows = [];
  for (const candidate of CANDIDATES) {
    rows.push(
      (await measure(candidate)) ?? {
        label: candidate.label ?? `\`${candidate.name}\``,
        missing: true as const,
      },
    );
  }
  const text = `${table(rows)}\n\nMeasured with esbuild ${esbuildVersion} and Node.js ${process.versions.node} zlib by \`npm run size\` (scripts/measure-size.ts).`;
  console.log(text);
  if (args.includes("--write")) await writeDocs(text);

  const runtime = rows[0] as Measured;
  if (args.includes("--check") && runtime.gzipped > BUDGET_BYTES) {
    console.error(
      `locmsg/browser is ${runtime.gzipped} bytes gzipped, over the recorded budget of ${BUDGET_BYTES}; make it smaller or raise BUDGET_BYTES in scripts/measure-size.ts and say why in docs/benchmarks.md`,
    );
    return 1;
  }
  return 0;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  process.exitCode = await main(process.argv.slice(2));
}
