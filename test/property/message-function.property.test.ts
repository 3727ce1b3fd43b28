// Message functions and `format` without options render through compiled
// closures, which hand anything unusual to the general path. Whatever the
// arguments, both must give the text and diagnostics of the general path,
// which `format` takes when it is given per-call options.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { loadCatalogDirectory } from "../../src/catalogs/load-directory.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { Locmsg, type LocmsgOptions } from "../../src/engine/locmsg.js";
import { PROPERTY_SETTINGS } from "./fast-check-settings.js";

const LOCMSG_EN = `
plain: "IP address is {address}"
label: "State is {field.@enum.TaskInfo.State}"
labelPosition: "State {1.@enum.TaskInfo.State}!"
noPrefix: "{field.@enum}"
lookup: "Select '{1}' to {2}"
path: "{vm.name} on {host.name} in {datacenter.name} is powered on"
deep: "{a.b.c} and {a.b}"
many: "{address}, {field}, {count}, {vm.name} and {1}"
self: "again {1}"
text: "Plain text"
nested: "[{1}] <{address}>"
missingCatalog: "{field.@nothere.Prefix}"
labelled: "label {field.@enum.Nested}"
count: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtual machine}}
  *   {{{$count} virtual machines}}
integer: !mf2 |-
  .input {$count :integer}
  .match $count
  0   {{none}}
  one {{one {$count}}}
  *   {{{$count} items for {$address}}}
exact: !mf2 |-
  .input {$count :number select=exact}
  .match $count
  1 {{exactly one}}
  * {{{$count}}}
digits: !mf2 |-
  Free: {$count :number minimumFractionDigits=1 maximumFractionDigits=1}%
power: !mf2 |-
  .input {$state :string}
  .match $state
  poweredOn {{{$vm} is on}}
  *         {{{$vm} is {$state}}}
`;

const LOCMSG_DE = `
plain: "Die IP-Adresse lautet {address}"
label: "Status: {field.@enum.TaskInfo.State}"
count: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtuelle Maschine}}
  *   {{{$count} virtuelle Maschinen}}
`;

const ENUM_EN = `
TaskInfo.State.queued.label: Queued
TaskInfo.State.running.label: Running
TaskInfo.State.1,000.label: Thousand
TaskInfo.State.true.label: Yes
queued.label: Queued without prefix
Nested.queued.label: "Nested {address}"
Nested.running.label: "Nested {1}"
`;

const ENUM_DE = `
TaskInfo.State.queued.label: In Warteschlange
`;

const KEYS = [
  "plain",
  "label",
  "labelPosition",
  "noPrefix",
  "lookup",
  "path",
  "deep",
  "many",
  "self",
  "text",
  "nested",
  "missingCatalog",
  "labelled",
  "count",
  "integer",
  "exact",
  "digits",
  "power",
  "unknown",
];

let root: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "locmsg-message-fn-"));
  const files: Record<string, string> = {
    "en/locmsg.yaml": LOCMSG_EN,
    "de/locmsg.yaml": LOCMSG_DE,
    "en/enum.yaml": ENUM_EN,
    "de/enum.yaml": ENUM_DE,
  };
  for (const [relative, text] of Object.entries(files)) {
    await fs.mkdir(path.join(root, path.dirname(relative)), {
      recursive: true,
    });
    await fs.writeFile(path.join(root, relative), text);
  }
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function loadEngine(
  options: LocmsgOptions,
  diagnostics: Diagnostic[],
): Promise<Locmsg> {
  const loaded = await loadCatalogDirectory(root);
  expect(loaded.diagnostics).toEqual([]);
  return new Locmsg(loaded.catalogs, {
    ...options,
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  });
}

/** Values that take the compiled path and values that must leave it. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(
      "queued",
      "running",
      "1,000",
      "",
      "true",
      "text",
      "plain",
      "self",
      "text",
      "nested",
      "lookup",
      "count",
      "unknown",
      "poweredOn",
      "toString",
      "__proto__",
      "a much longer argument value",
    ),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -2000, max: 2000 }),
    fc.constantFrom(0, -0, 1, 1.5, 1000, NaN, Infinity, -Infinity, 1e21),
    fc.double(),
    fc.bigInt({ min: -10n, max: 10n }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.record({
      _typeName: fc.constantFrom("string", "int"),
      _value: fc.constantFrom("queued", "7"),
    }),
    fc.array(tie("value"), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom("name", "b", "c", "value"), tie("value"), {
      maxKeys: 3,
    }),
    // Inherited properties, which the general path does not read.
    fc
      .dictionary(fc.constantFrom("name", "b"), tie("value"), { maxKeys: 2 })
      .map((inherited) => Object.create(inherited) as unknown),
  ),
})).value;

const args = fc.dictionary(
  fc.constantFrom(
    "address",
    "field",
    "1",
    "2",
    "vm",
    "host",
    "datacenter",
    "a",
    "a.b",
    "vm.name",
    "count",
    "state",
    "constructor",
    "_typeName",
  ),
  value,
  { maxKeys: 8 },
);

/**
 * Settings the compiled path must respect: defaults, and very small limits.
 * maxArguments stays at its default: the compiled path does not count
 * arguments (see `Session.message`).
 */
const CONFIGURATIONS: [string, LocmsgOptions][] = [
  ["default limits", {}],
  [
    "small limits",
    {
      maxLookupDepth: 2,
      limits: { maxRenderSteps: 3, maxArgumentLength: 6 },
    },
  ],
];

/** LocalizableMessage arguments with positional values and repeated keys. */
const argumentList = fc.array(
  fc.oneof(
    fc.record({
      key: fc.constantFrom("address", "field", "1", "2", "count", "vm"),
      value,
    }),
    value,
  ),
  { maxLength: 4 },
);

describe("format with argument lists", () => {
  const configurations: [string, LocmsgOptions][] = [
    ...CONFIGURATIONS,
    ["maxArguments 2", { limits: { maxArguments: 2 } }],
  ];
  for (const [name, options] of configurations) {
    it(`matches the general path with ${name}`, async () => {
      const diagnostics: Diagnostic[] = [];
      const engine = await loadEngine(options, diagnostics);
      const session = engine.createSession({ locale: "en", timeZone: "UTC" });
      fc.assert(
        fc.property(fc.constantFrom(...KEYS), argumentList, (key, arg) => {
          diagnostics.length = 0;
          const expected = session.format({ key, arg }, {});
          const expectedDiagnostics = diagnostics.splice(0);
          expect(session.format({ key, arg })).toBe(expected);
          expect(diagnostics.splice(0)).toEqual(expectedDiagnostics);
        }),
        PROPERTY_SETTINGS,
      );
    });
  }
});

describe("message functions", () => {
  for (const [name, options] of CONFIGURATIONS) {
    it(`match format with ${name}`, async () => {
      const diagnostics: Diagnostic[] = [];
      const engine = await loadEngine(options, diagnostics);
      const sessions = ["en", "de"].map((locale) =>
        engine.createSession({ locale, timeZone: "UTC" }),
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...KEYS),
          fc.constantFrom(0, 1),
          fc.oneof(
            args,
            // Inherited named arguments, and some shadowed by own ones.
            fc
              .tuple(args, args)
              .map(([inherited, own]) =>
                Object.assign(Object.create(inherited), own),
              ),
            args.map((own) => Object.assign(Object.create(null), own)),
            // A class instance, which takes the general path.
            args.map((own) => Object.assign(new (class Named {})(), own)),
          ),
          (key, sessionIndex, argumentObject: Record<string, unknown>) => {
            const session = sessions[sessionIndex]!;
            // Message functions read enumerable properties, own or inherited.
            const arg: { key: string; value: unknown }[] = [];
            for (const name in argumentObject) {
              arg.push({ key: name, value: argumentObject[name] });
            }
            const message = { key, arg };
            diagnostics.length = 0;
            // Per-call options send format down the general path.
            const expected = session.format(message, {});
            const expectedDiagnostics = diagnostics.splice(0);
            // Twice: the first call compiles, the second reuses the closure.
            for (let call = 0; call < 2; call++) {
              expect(session.message(key)(argumentObject)).toBe(expected);
              expect(diagnostics.splice(0)).toEqual(expectedDiagnostics);
              expect(session.format(message)).toBe(expected);
              expect(diagnostics.splice(0)).toEqual(expectedDiagnostics);
            }
          },
        ),
        PROPERTY_SETTINGS,
      );
    });
  }
});
