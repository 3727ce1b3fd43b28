/**
 * The shared render vectors: cases that the server renderer (Session) and
 * the browser runtime (locmsg/browser) must render to the same text with
 * the same diagnostic codes. `fixture-cases.json` and `limit-cases.json`
 * render against `test/vectors/catalogs`, `shipped-cases.json` against
 * `catalogs/`. `limit-cases.json` contains arguments too large or too deep to
 * write out, so its values are generated (see `expand`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";

/** One case; exactly one of `message`, `event` and `task` is set. */
export interface VectorCase {
  name: string;
  /** Session locale, vSphere or BCP 47 form. */
  locale: string;
  /** IANA time zone; every case that formats a date sets one. */
  timeZone?: string;
  /** `maxLookupDepth`, 16 when left out. */
  maxDepth?: number;
  message?: unknown;
  event?: unknown;
  /** The event template field, `fullFormat` when left out. */
  format?: string;
  /** A TaskInfo; the expected text is its one-line summary. */
  task?: Record<string, unknown>;
  expected: string;
  /** Diagnostic codes in the order they are reported. */
  diagnostics: string[];
  /** Also run in headless Chromium. */
  chromium?: boolean;
}

/** What one renderer produced for a case. */
export interface VectorResult {
  text: string;
  diagnostics: string[];
}

export const FIXTURE_CATALOGS = fileURLToPath(
  new URL("catalogs", import.meta.url),
);

/**
 * Builds the generated values of a case: `{"$nest": N, "value": V}` is V
 * inside N arrays, `{"$nest": N, "key": K, "value": V}` is V inside N
 * objects with the one property K, `{"$repeat": S, "times": N}` is S
 * repeated N times, `{"$fill": V, "times": N}` is a list of N items V, and
 * a list of strings as `expected` is joined.
 */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record["$repeat"] === "string") {
    return record["$repeat"].repeat(record["times"] as number);
  }
  if ("$fill" in record) {
    return Array.from({ length: record["times"] as number }, () =>
      expand(record["$fill"]),
    );
  }
  if (typeof record["$nest"] === "number") {
    const key = record["key"];
    let nested = expand(record["value"]);
    for (let level = 0; level < record["$nest"]; level++) {
      nested = typeof key === "string" ? { [key]: nested } : [nested];
    }
    return nested;
  }
  return Object.fromEntries(
    Object.entries(record).map(([name, item]) => [name, expand(item)]),
  );
}

export function readVectors(
  name: "fixture" | "shipped" | "limit",
): VectorCase[] {
  const file = new URL(`${name}-cases.json`, import.meta.url);
  const cases = JSON.parse(readFileSync(file, "utf8")) as VectorCase[];
  if (name !== "limit") return cases;
  return cases.map((vector) => {
    const expanded = expand(vector) as VectorCase & { expected: unknown };
    const { expected } = expanded;
    return {
      ...expanded,
      expected: Array.isArray(expected) ? expected.join("") : expected,
    };
  });
}

/** Renders a case with the server renderer. */
export function renderOnServer(
  engine: Locmsg,
  vector: VectorCase,
): VectorResult {
  const diagnostics: string[] = [];
  const options = {
    onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic.code),
  };
  const session = (
    vector.maxDepth === undefined
      ? engine
      : new Locmsg(engine.catalogs, { maxLookupDepth: vector.maxDepth })
  ).createSession({
    locale: vector.locale,
    ...(vector.timeZone ? { timeZone: vector.timeZone } : {}),
  });
  let text: string;
  if (vector.task) {
    text = session.renderTaskInfo(vector.task, options).line;
  } else if (vector.event) {
    text = session.formatEvent(vector.event, vector.format, options);
  } else {
    text = session.format(vector.message, options);
  }
  return { text, diagnostics };
}
