// Catalogs for the tests of ES module message functions: every placeholder
// form that has a fast path in generated code, and the forms next to them
// that do not, built into a temporary folder.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CatalogSet } from "../../src/catalogs/catalog.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import {
  buildEsmFixture,
  loadStrict,
  type EsmBuild,
  type EsmRenderer,
} from "./esm-fixtures.js";

const FILES: Record<string, string> = {
  "en/locmsg.yaml": `
ip: "IP address is {address}"
two: "{first} and {second}"
path: "{vm.name} on {host.name}"
deepPath: "{a.b.c} of {x-y} and {constructor}"
state: "State is {field.@enum.TaskInfo.State}"
kind: "Kind {kind.@enum.Kind}"
noCatalog: "Shape {shape.@shapes}"
select: "Select '{1}' to {2}"
nested: "{1}: {2}"
self: "self {1}"
cycleA: "A then {1}"
cycleB: "B then {1}"
mixed: "{1} by {user} in {field.@enum.TaskInfo.State}"
onlyEnglish: "English {1}"
fan1: "{2}{2}{2}{2}{2}{2}{2}{2}{2}{2}"
fan2: "{3}{3}{3}{3}{3}{3}{3}{3}{3}{3}"
fan3: "{4}{4}{4}{4}{4}{4}{4}{4}{4}{4}"
fan4: "{5}{5}{5}{5}{5}{5}{5}{5}{5}{5}"
fan5: "{6}{6}{6}{6}{6}{6}{6}{6}{6}{6}"
button.cancel: "Cancel"
msg.revert: "revert"
count: !mf2 |-
  .input {$count :number}
  .match $count
  0   {{no virtual machines}}
  one {{{$count} virtual machine}}
  *   {{{$count} virtual machines}}
integer: !mf2 |-
  .input {$n :integer}
  .match $n
  1   {{exactly one}}
  one {{{$n} as one}}
  *   {{{$n} items}}
exact: !mf2 |-
  .input {$n :number select=exact}
  .match $n
  1 {{exactly one}}
  * {{{$n} items}}
ordinal: !mf2 |-
  .input {$place :integer select=ordinal}
  .match $place
  one {{{$place}st}}
  two {{{$place}nd}}
  few {{{$place}rd}}
  *   {{{$place}th}}
hosts: !mf2 |-
  .input {$count :number}
  .local $who = {$user :string}
  .match $count
  one {{{$who} has {$count} VM on {$host}}}
  *   {{{$who} has {$count} VMs}}
chained: !mf2 |-
  .input {$n :number maximumFractionDigits=2}
  .local $m = {$n :integer}
  .match $n
  one {{{$m} as one}}
  *   {{{$m} of {$n}}}
inherited: !mf2 "{$constructor} and {$valueOf :string}"
power: !mf2 |-
  .input {$state :string}
  .match $state
  poweredOn {{{$vm} is on}}
  é         {{accent {$state}}}
  *         {{{$vm} is {$state}}}
`,
  "en/enum.yaml": `
TaskInfo.State.queued.label: "Queued"
TaskInfo.State.running.label: "Running"
Kind.vm.label: "VM {user}"
`,
  "de/locmsg.yaml": `
ip: "IP-Adresse ist {address}"
select: "Wählen Sie „{1}“, um {2}"
button.cancel: "Abbrechen"
count: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtuelle Maschine}}
  *   {{{$count} virtuelle Maschinen}}
`,
  "de/enum.yaml": `
TaskInfo.State.queued.label: "In Warteschlange"
`,
};

/** The placeholder names of each message, which the tests give values. */
export const MESSAGE_ARGUMENTS: Record<string, string[]> = {
  ip: ["address"],
  two: ["first", "second"],
  path: ["vm", "host", "vm.name"],
  deepPath: ["a", "x-y", "constructor"],
  state: ["field"],
  kind: ["kind", "user"],
  noCatalog: ["shape"],
  select: ["1", "2"],
  nested: ["1", "2"],
  self: ["1"],
  cycleA: ["1"],
  // `{1}` may look up `select`, whose `{2}` then reads the argument "2".
  mixed: ["1", "2", "user", "field"],
  onlyEnglish: ["1"],
  count: ["count"],
  integer: ["n"],
  exact: ["n"],
  ordinal: ["place"],
  hosts: ["count", "user", "host"],
  chained: ["n"],
  power: ["state", "vm"],
  inherited: ["constructor", "valueOf"],
};

/** Values that each argument of each message takes in turn. */
export const VALUES: [string, () => unknown][] = [
  ["a string", () => "web01"],
  ["an empty string", () => ""],
  ["a label value", () => "queued"],
  ["a plain-text key", () => "button.cancel"],
  ["a message key", () => "ip"],
  ["a key that cycles", () => "cycleA"],
  ["the key select", () => "select"],
  ["toString", () => "toString"],
  ["__proto__", () => "__proto__"],
  ["a decomposed accent", () => "e\u0301"],
  ["poweredOn", () => "poweredOn"],
  ["vm", () => "vm"],
  ["zero", () => 0],
  ["one", () => 1],
  ["minus zero", () => -0],
  ["a fraction", () => 2.5],
  ["a half", () => 1.5],
  ["twenty-two", () => 22],
  ["NaN", () => NaN],
  ["Infinity", () => Infinity],
  ["a large number", () => 1e21],
  ["a numeric string", () => "1"],
  ["a BigInt", () => 10n],
  ["true", () => true],
  ["null", () => null],
  ["undefined", () => undefined],
  ["a Symbol", () => Symbol("s")],
  ["a function", () => () => 1],
  ["a named object", () => ({ name: "web" })],
  ["a named object with a number", () => ({ name: 5 })],
  ["a wrapped name", () => ({ name: { _typeName: "string", _value: "w" } })],
  ["a wrapped int", () => ({ _typeName: "int", _value: "7" })],
  ["a wrapped string", () => ({ _typeName: "string", _value: "queued" })],
  ["an inherited name", () => Object.create({ name: "inherited" })],
  [
    "a name without prototype",
    () => Object.assign(Object.create(null), { name: "bare" }),
  ],
  ["an empty list", () => []],
  ["a list", () => ["a", 2, { name: "db" }]],
  ["a date", () => new Date(0)],
  ["an invalid date", () => new Date(NaN)],
  ["a nested message", () => ({ key: "button.cancel", arg: [] })],
  [
    "a nested message with arguments",
    () => ({ key: "ip", arg: [{ key: "address", value: "::1" }] }),
  ],
  [
    "a managed object reference",
    () => ({ type: "VirtualMachine", value: "vm-1" }),
  ],
  ["a record", () => ({ b: { c: "deep" }, id: 7 })],
];

export interface MessageFixture {
  build: EsmBuild;
  catalogs: CatalogSet;
  remove(): Promise<void>;
}

/** Writes the catalogs to a temporary folder, loads them and builds their ES modules. */
export async function createMessageFixture(): Promise<MessageFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), "locmsg-esm-messages-"));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), text.trimStart());
  }
  const catalogs = await loadStrict(dir);
  const build = await buildEsmFixture(catalogs);
  return {
    build,
    catalogs,
    remove: async () => {
      await build.remove();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What one render produced: its text, or the error it threw, and its diagnostics. */
export interface Rendered {
  text: string;
  diagnostics: string[];
}

/** A renderer of the ES modules and one of the server, with the diagnostics each reports. */
export interface RendererPair {
  esm: EsmRenderer;
  esmDiagnostics: { code: string; message: string }[];
  server: Locmsg;
  serverLocale: string;
  maxDepth: number | undefined;
}

export async function createRenderers(
  fixture: MessageFixture,
  options: { locale: string; maxDepth?: number },
): Promise<RendererPair> {
  const esmDiagnostics: { code: string; message: string }[] = [];
  const esm = await fixture.build.index.loadLocmsg({
    locale: options.locale,
    timeZone: "UTC",
    maxDepth: options.maxDepth,
    onDiagnostic: (diagnostic: { code: string; message: string }) =>
      esmDiagnostics.push({
        code: diagnostic.code,
        message: diagnostic.message,
      }),
  });
  const server = new Locmsg(
    fixture.catalogs,
    options.maxDepth === undefined ? {} : { maxLookupDepth: options.maxDepth },
  );
  return {
    esm,
    esmDiagnostics,
    server,
    serverLocale: options.locale,
    maxDepth: options.maxDepth,
  };
}

function run(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

/**
 * Renders with the message function as application code calls it, so
 * that every placeholder may take its fast path.
 */
export function renderFast(
  pair: RendererPair,
  key: string,
  args: unknown,
): Rendered & { messages: string[] } {
  pair.esmDiagnostics.length = 0;
  const fn = pair.esm.message(key);
  const text = run(() => fn(args as object));
  return {
    text,
    diagnostics: pair.esmDiagnostics.map((diagnostic) => diagnostic.code),
    messages: pair.esmDiagnostics.map((diagnostic) => diagnostic.message),
  };
}

/**
 * Renders with the same message function, given the arguments' enumerable
 * properties as an object without a prototype: a fast function hands such
 * a call to the runtime's helpers, which read the same arguments.
 */
export function renderWithHelpers(
  pair: RendererPair,
  key: string,
  args: unknown,
): Rendered & { messages: string[] } {
  if (typeof args !== "object" || args === null) {
    return renderFast(pair, key, args);
  }
  const bare = Object.create(null) as Record<string, unknown>;
  for (const name in args) bare[name] = (args as Record<string, unknown>)[name];
  return renderFast(pair, key, bare);
}

/** Renders with the server's `Session.message`. */
export function renderOnServer(
  pair: RendererPair,
  key: string,
  args: unknown,
): Rendered {
  const diagnostics: string[] = [];
  const session = pair.server.createSession({
    locale: pair.serverLocale,
    timeZone: "UTC",
  });
  const text = run(() =>
    session.message(key)(args as Record<string, unknown>, {
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
    }),
  );
  return { text, diagnostics };
}
