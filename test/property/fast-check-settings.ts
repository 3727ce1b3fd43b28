import fc from "fast-check";

/**
 * Seed and run count for every property test. `npm test` uses the fixed
 * seed; `LOCMSG_PROPERTY_RUNS=100000 LOCMSG_PROPERTY_SEED=random npm run
 * test:property` runs a longer search.
 */
const seedSetting = process.env["LOCMSG_PROPERTY_SEED"];
const runsSetting = Number(process.env["LOCMSG_PROPERTY_RUNS"] ?? "300");

export const PROPERTY_SETTINGS: fc.Parameters<unknown> = {
  seed: seedSetting === "random" ? Date.now() : Number(seedSetting ?? 20261204),
  numRuns: Number.isFinite(runsSetting) && runsSetting > 0 ? runsSetting : 300,
  verbose: true,
};

/** Strings that stress parsers: braces, `@`, dots, controls and lone surrogates. */
export const hostileString = fc.oneof(
  fc.string({ unit: "grapheme-composite", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "{",
      "}",
      "@",
      ".",
      "1",
      "a",
      " ",
      "\n",
      "\t",
      "\\",
      "\u0000",
      "\ud800",
      "é",
      "$",
      "_",
    ),
    maxLength: 40,
  }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "{{",
    "}}",
    "{.@}",
    "{}",
  ),
);
