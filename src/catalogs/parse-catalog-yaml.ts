import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  Scalar,
  type Document,
  type ScalarTag,
  type YAMLError,
} from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CatalogEntry } from "./catalog.js";
import { EntryCollector } from "./collect-entries.js";
import { decodeUtf8 } from "./decode-utf8.js";
import { FileDiagnostics, type CatalogContext } from "./file-diagnostics.js";
import { reportYamlErrors } from "./yaml-errors.js";
import { readFlatCatalog } from "./flat-catalog-fast-path.js";
import { DEFAULT_LIMITS, describeLimit, type Limits } from "../limits.js";
import { NodePropertyTokens, SourceText } from "./yaml-positions.js";

/**
 * The `!mf2` tag, resolved to the text as written, as the failsafe schema
 * resolves an unknown tag. Declaring it spares the composer an "Unresolved
 * tag" warning per MF2 message, each an Error with a captured stack trace
 * that nothing reads. EntryCollector decides where the tag is allowed.
 */
const MF2_STRING_TAG: ScalarTag = {
  tag: "!mf2",
  resolve: (value: string) => value,
};

export interface ParsedCatalogFile {
  entries: Map<string, CatalogEntry>;
  diagnostics: Diagnostic[];
}

/**
 * Parses one catalog file: a YAML mapping from message keys to message
 * strings, with keys written flat (`a.b.c: Text`), nested or mixed.
 *
 * The file contributes no entries when it is not valid UTF-8, has YAML
 * syntax errors, contains more than one document or its top level is not a
 * mapping. Otherwise each entry with a problem (invalid key, duplicate or
 * colliding key, anchor, alias, tag, non-string value, template syntax
 * error) is reported and left out, and the other entries load. When a key is
 * defined twice, the first definition is kept. An empty file is an empty
 * catalog.
 *
 * Every scalar is read as the string written (the YAML failsafe schema), so
 * `no`, `~` and `007` stay text. The document is walked node by node and
 * never converted with `toJS()`, so keys such as `__proto__` are ordinary
 * `Map` keys.
 */
export function parseCatalogYaml(
  source: string | Uint8Array,
  file: string,
  context: CatalogContext = {},
  limits: Limits = DEFAULT_LIMITS,
): ParsedCatalogFile {
  const reporter = new FileDiagnostics(file, context);
  const noEntries = (): ParsedCatalogFile => ({
    entries: new Map(),
    diagnostics: reporter.diagnostics,
  });

  const size =
    typeof source === "string" ? Buffer.byteLength(source) : source.byteLength;
  if (size > limits.maxCatalogFileBytes) {
    reporter.error(
      "limit-exceeded",
      describeLimit(
        "the file size in bytes",
        size,
        "maxCatalogFileBytes",
        limits.maxCatalogFileBytes,
      ),
    );
    return noEntries();
  }

  const text = decodeSource(source, reporter);
  if (text === undefined) return noEntries();

  const flat = readFlatCatalog(text, file, limits);
  if (flat) return { entries: flat, diagnostics: reporter.diagnostics };

  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const composer = new Composer({
    schema: "failsafe",
    customTags: [MF2_STRING_TAG],
    uniqueKeys: false,
  });
  const documents = [...composer.compose(tokens)];
  const sourceText = new SourceText(text, lineCounter);

  const errors: YAMLError[] = [...composer.streamInfo().errors];
  for (const document of documents) {
    for (const error of document.errors) errors.push(error);
  }
  if (errors.length > 0) {
    reportYamlErrors(errors, sourceText, reporter);
    return noEntries();
  }

  const [document, second] = documents;
  if (second) {
    reporter.error(
      "yaml-multiple-documents",
      "the file contains more than one YAML document; keep one mapping per catalog file and remove the extra '---' or '...' lines",
      sourceText.position(second.range[0]),
    );
    return noEntries();
  }
  const root = document?.contents;
  if (!root || isEmptyDocument(root)) return noEntries();

  const collector = new EntryCollector(
    sourceText,
    new NodePropertyTokens(tokens),
    reporter,
    limits,
  );
  if (!collector.acceptRoot(root)) return noEntries();
  if (!isMap(root)) {
    reportNotMapping(root, sourceText, reporter);
    return noEntries();
  }
  collector.collectMapping(root);
  return { entries: collector.entries, diagnostics: reporter.diagnostics };
}

/** Decodes bytes as UTF-8 and drops a leading byte order mark. */
function decodeSource(
  source: string | Uint8Array,
  reporter: FileDiagnostics,
): string | undefined {
  if (typeof source === "string") {
    return source.startsWith("\uFEFF") ? source.slice(1) : source;
  }
  const decoded = decodeUtf8(source);
  if (decoded.ok) return decoded.text;

  const { error } = decoded;
  const hex = error.bytes
    .map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`)
    .join(" ");
  reporter.error(
    "invalid-utf8",
    `invalid UTF-8 at byte offset ${error.byteOffset} (bytes ${hex}); save the file with UTF-8 encoding`,
    { line: error.line, column: error.column },
  );
  return undefined;
}

/** Checks whether a document has only a `---` marker or comments, which makes an empty catalog. */
function isEmptyDocument(root: NonNullable<Document.Parsed["contents"]>) {
  return (
    isScalar(root) &&
    root.type === Scalar.PLAIN &&
    root.value === "" &&
    root.tag === undefined &&
    root.anchor === undefined
  );
}

function reportNotMapping(
  root: NonNullable<Document.Parsed["contents"]>,
  source: SourceText,
  reporter: FileDiagnostics,
): void {
  if (isAlias(root)) {
    reporter.error(
      "yaml-alias",
      `alias '*${root.source}' as the whole document is not supported in catalogs; write the mapping of messages in full`,
      source.position(root.range[0]),
    );
    return;
  }
  const found = isSeq(root) ? "a sequence" : "a single string";
  reporter.error(
    "yaml-not-mapping",
    `the top level of the file is ${found}, but a catalog must be a mapping from message keys to messages; write lines such as 'TaskInfo.State.queued.label: Queued'`,
    source.position(root.range[0]),
  );
}
