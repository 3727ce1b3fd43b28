/**
 * The render benchmark: the same five messages and outputs rendered by
 * locmsg, a hand-written template literal (the floor) and the libraries a
 * user would pick instead, each doing the work the closest way it can.
 */
import { FluentBundle, FluentResource } from "@fluent/bundle";
import MessageFormatModule from "@messageformat/core";
import i18next from "i18next";
import { IntlMessageFormat } from "intl-messageformat";
import { MessageFormat } from "messageformat";
import type { Session } from "../../src/engine/session.js";

/** One way of rendering a case; returns the text so results can be compared. */
export type Renderer = (input: CaseInput) => string;

export interface CaseInput {
  address: string;
  field: string;
  first: string;
  second: string;
  vm: { name: string };
  host: { name: string };
  datacenter: { name: string };
  count: number;
  /** `first` and `second` under the keys that `{1}` and `{2}` read from named arguments. */
  1: string;
  2: string;
  /** The same input as the LocalizableMessages a server sends, one per case. */
  messages: object[];
}

export interface BenchCase {
  name: string;
  /** Renderers by library name; `template literal` is the baseline. */
  renderers: Map<string, Renderer>;
}

// The package is CommonJS whose typings declare an ES default export.
const MessageFormatV3 = ((
  MessageFormatModule as unknown as { default?: unknown }
).default ?? MessageFormatModule) as typeof MessageFormatModule.default;

const STATES: Record<string, string> = {
  queued: "Queued",
  running: "Running",
  success: "Success",
  error: "Error",
};
const LOOKUPS: Record<string, string> = {
  "button.cancel": "Cancel",
  "msg.revert": "revert",
};

/** Inputs cycled through by every renderer, so no call is constant-folded. */
export const INPUTS: CaseInput[] = [
  "queued",
  "running",
  "success",
  "error",
].map((field, index) => {
  const input = {
    address: `10.0.0.${index + 1}`,
    field,
    first: index % 2 ? "button.cancel" : "Save",
    second: "msg.revert",
    vm: { name: `web0${index}` },
    host: { name: `esx-0${index}` },
    datacenter: { name: "DC1" },
    count: index === 1 ? 1 : index * 1000 + 3,
  };
  return {
    ...input,
    1: input.first,
    2: input.second,
    messages: localizableMessages(input),
  };
});

/** Builds the LocalizableMessages a server would send for an input, one per case. */
function localizableMessages(
  input: Omit<CaseInput, "messages" | 1 | 2>,
): object[] {
  const arg = (key: string, value: unknown) => ({ key, value });
  return [
    {
      key: "com.vmware.locmsg.ipAddress",
      arg: [arg("address", input.address)],
    },
    { key: "com.vmware.locmsg.taskState", arg: [arg("field", input.field)] },
    {
      key: "com.vmware.locmsg.selectToRevert",
      arg: [arg("1", input.first), arg("2", input.second)],
    },
    {
      key: "com.vmware.locmsg.vmPoweredOn",
      arg: [
        arg("vm", input.vm),
        arg("host", input.host),
        arg("datacenter", input.datacenter),
      ],
    },
    { key: "com.vmware.locmsg.vmCount", arg: [arg("count", input.count)] },
  ];
}

const PLAIN = "IP address is {address}";
const numberFormat = new Intl.NumberFormat("en");
const pluralRules = new Intl.PluralRules("en");

function templateLiterals(): Renderer[] {
  return [
    (i) => `IP address is ${i.address}`,
    (i) => `State is ${STATES[i.field] ?? i.field}`,
    (i) =>
      `Select '${LOOKUPS[i.first] ?? i.first}' to ${LOOKUPS[i.second] ?? i.second}`,
    (i) =>
      `${i.vm.name} on ${i.host.name} in ${i.datacenter.name} is powered on`,
    (i) =>
      pluralRules.select(i.count) === "one"
        ? `${numberFormat.format(i.count)} virtual machine`
        : `${numberFormat.format(i.count)} virtual machines`,
  ];
}

/** Anything that renders a LocalizableMessage: a Session or a compiled-bundle renderer. */
export interface MessageRenderer {
  format(message: object): string;
}

function locmsg(renderer: MessageRenderer): Renderer[] {
  return [0, 1, 2, 3, 4].map(
    (index) => (input: CaseInput) => renderer.format(input.messages[index]!),
  );
}

/**
 * Calls the session's message functions with named arguments: the input
 * object itself is the argument object (see `esmMessageFunctions`).
 */
function locmsgMessageFunctions(session: Session): Renderer[] {
  return messageKeys().map((key) => session.message(key));
}

function messageKeys(): string[] {
  return (INPUTS[0]!.messages as { key: string }[]).map(
    (message) => message.key,
  );
}

function messageformat4(): Renderer[] {
  // Bidi isolation is off so the text matches the other libraries'.
  const mf = (source: string) =>
    new MessageFormat("en", source, { bidiIsolation: "none" });
  const plain = mf("IP address is {$address}");
  const state = mf(
    ".input {$field :string}\n.match $field\nqueued {{State is Queued}}\nrunning {{State is Running}}\nsuccess {{State is Success}}\nerror {{State is Error}}\n* {{State is {$field}}}",
  );
  const lookup = mf(
    ".input {$first :string}\n.input {$second :string}\n.match $first $second\nbutton.cancel msg.revert {{Select 'Cancel' to revert}}\n* msg.revert {{Select '{$first}' to revert}}\n* * {{Select '{$first}' to {$second}}}",
  );
  const event = mf("{$vm} on {$host} in {$datacenter} is powered on");
  const plural = mf(
    ".input {$count :number}\n.match $count\none {{{$count} virtual machine}}\n* {{{$count} virtual machines}}",
  );
  return [
    (i) => plain.format({ address: i.address }),
    (i) => state.format({ field: i.field }),
    (i) => lookup.format({ first: i.first, second: i.second }),
    (i) =>
      event.format({
        vm: i.vm.name,
        host: i.host.name,
        datacenter: i.datacenter.name,
      }),
    (i) => plural.format({ count: i.count }),
  ];
}

function messageformat3(): Renderer[] {
  const mf = new MessageFormatV3("en");
  const plain = mf.compile(PLAIN);
  const state = mf.compile(
    "State is {field, select, queued {Queued} running {Running} success {Success} error {Error} other {{field}}}",
  );
  // MF1 treats an apostrophe before a brace as quoting, so it is doubled.
  const lookup = mf.compile("Select ''{first}'' to {second}");
  const event = mf.compile("{vm} on {host} in {datacenter} is powered on");
  const plural = mf.compile(
    "{count, plural, one {# virtual machine} other {# virtual machines}}",
  );
  return [
    (i) => plain({ address: i.address }),
    (i) => state({ field: i.field }),
    (i) =>
      lookup({
        first: LOOKUPS[i.first] ?? i.first,
        second: LOOKUPS[i.second] ?? i.second,
      }),
    (i) =>
      event({
        vm: i.vm.name,
        host: i.host.name,
        datacenter: i.datacenter.name,
      }),
    (i) => plural({ count: i.count }),
  ];
}

function intlMessageFormat(): Renderer[] {
  const mf = (source: string) => new IntlMessageFormat(source, "en");
  const plain = mf(PLAIN);
  const state = mf(
    "State is {field, select, queued {Queued} running {Running} success {Success} error {Error} other {{field}}}",
  );
  const lookup = mf("Select ''{first}'' to {second}");
  const event = mf("{vm} on {host} in {datacenter} is powered on");
  const plural = mf(
    "{count, plural, one {# virtual machine} other {# virtual machines}}",
  );
  const text = (value: unknown) => String(value);
  return [
    (i) => text(plain.format({ address: i.address })),
    (i) => text(state.format({ field: i.field })),
    (i) =>
      text(
        lookup.format({
          first: LOOKUPS[i.first] ?? i.first,
          second: LOOKUPS[i.second] ?? i.second,
        }),
      ),
    (i) =>
      text(
        event.format({
          vm: i.vm.name,
          host: i.host.name,
          datacenter: i.datacenter.name,
        }),
      ),
    (i) => text(plural.format({ count: i.count })),
  ];
}

function fluent(): Renderer[] {
  const bundle = new FluentBundle("en", { useIsolating: false });
  const errors = bundle.addResource(
    new FluentResource(`
ip = IP address is { $address }
state-queued = Queued
state-running = Running
state-success = Success
state-error = Error
state = State is { $field ->
    [queued] { state-queued }
    [running] { state-running }
    [success] { state-success }
    [error] { state-error }
   *[other] { $field }
  }
button-cancel = Cancel
msg-revert = revert
select = Select '{ $first }' to { $second }
powered-on = { $vm } on { $host } in { $datacenter } is powered on
vm-count = { $count ->
    [one] { $count } virtual machine
   *[other] { $count } virtual machines
  }
`),
  );
  if (errors.length > 0) throw errors[0];
  const pattern = (id: string) => bundle.getMessage(id)!.value!;
  const [ip, state, select, poweredOn, vmCount] = [
    "ip",
    "state",
    "select",
    "powered-on",
    "vm-count",
  ].map(pattern);
  const lookup = (value: string) => {
    const message = bundle.getMessage(value.replace(".", "-"));
    return message?.value ? bundle.formatPattern(message.value) : value;
  };
  return [
    (i) => bundle.formatPattern(ip!, { address: i.address }),
    (i) => bundle.formatPattern(state!, { field: i.field }),
    (i) =>
      bundle.formatPattern(select!, {
        first: lookup(i.first),
        second: lookup(i.second),
      }),
    (i) =>
      bundle.formatPattern(poweredOn!, {
        vm: i.vm.name,
        host: i.host.name,
        datacenter: i.datacenter.name,
      }),
    (i) => bundle.formatPattern(vmCount!, { count: i.count }),
  ];
}

async function i18n(): Promise<Renderer[]> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: "en",
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: {
      en: {
        translation: {
          ip: "IP address is {{address}}",
          state: "State is {{label}}",
          enum: {
            queued: "Queued",
            running: "Running",
            success: "Success",
            error: "Error",
          },
          select: "Select '{{first}}' to {{second}}",
          lookup: { button: { cancel: "Cancel" }, msg: { revert: "revert" } },
          poweredOn:
            "{{vm.name}} on {{host.name}} in {{datacenter.name}} is powered on",
          vmCount_one: "{{count, number}} virtual machine",
          vmCount_other: "{{count, number}} virtual machines",
        },
      },
    },
  });
  const t = instance.t.bind(instance);
  // The dots of `button.cancel` walk the nested `lookup` resources.
  const lookup = (value: string) =>
    t(`lookup.${value}`, { defaultValue: value });
  return [
    (i) => t("ip", { address: i.address }),
    (i) =>
      t("state", { label: t(`enum.${i.field}`, { defaultValue: i.field }) }),
    (i) => t("select", { first: lookup(i.first), second: lookup(i.second) }),
    (i) => t("poweredOn", { vm: i.vm, host: i.host, datacenter: i.datacenter }),
    (i) => t("vmCount", { count: i.count }),
  ];
}

export const CASE_NAMES = [
  "plain {name}",
  "label lookup {field.@enum.TaskInfo.State}",
  "{1} recursive lookup",
  "event property paths",
  "MF2 plural",
  "MF2 plural, a new count every call",
];

/** The first count of the case whose counts never repeat. */
const FIRST_FRESH_COUNT = 1_000_000;

/**
 * Wraps a library's MF2 plural renderer so that every call formats a count
 * it has not seen before. The other cases cycle through four inputs, so a
 * renderer that remembers formatted numbers (locmsg does, up to a bound)
 * formats each only once. Here every call formats anew. Each wrapper
 * counts on its own from the same start, so all produce the same texts.
 */
function freshCounts(plural: Renderer): Renderer {
  let next = FIRST_FRESH_COUNT;
  const input: CaseInput = {
    ...INPUTS[0]!,
    messages: localizableMessages(INPUTS[0]!),
  };
  const argument = (input.messages[4] as { arg: { value: unknown }[] }).arg[0]!;
  return () => {
    const count = next++;
    input.count = count;
    argument.value = count;
    return plural(input);
  };
}

/** The renderer of `locmsg build --format esm` output (see its index.d.ts). */
export interface EsmRenderer extends MessageRenderer {
  /** The `locmsg` message `key` as a function of named arguments. */
  message(key: string): (args: object) => string;
}

/** The locmsg renderers measured besides the server's Session. */
export interface CompiledRenderers {
  /** The ES modules of `locmsg build --format esm`. */
  esm: EsmRenderer;
}

/**
 * Calls the compiled ESM message functions directly with named arguments,
 * as an application that imports a message does. The input object itself
 * is the argument object: it has `address`, `field`, `1`, `2`, `vm`,
 * `host`, `datacenter` and `count`, the names the five messages read.
 */
function esmMessageFunctions(esm: EsmRenderer): Renderer[] {
  return messageKeys().map((key) => esm.message(key));
}

/** Builds the cases; renderers of one case all produce the same text. */
export async function buildCases(
  session: Session,
  compiled: CompiledRenderers,
): Promise<BenchCase[]> {
  const libraries: [string, Renderer[]][] = [
    ["template literal", templateLiterals()],
    ["locmsg message function", locmsgMessageFunctions(session)],
    ["locmsg", locmsg(session)],
    ["locmsg compiled ESM", locmsg(compiled.esm)],
    [
      "locmsg compiled ESM, message function",
      esmMessageFunctions(compiled.esm),
    ],
    ["messageformat 4", messageformat4()],
    ["@messageformat/core 3", messageformat3()],
    ["intl-messageformat", intlMessageFormat()],
    ["@fluent/bundle", fluent()],
    ["i18next", await i18n()],
  ];
  for (const [, renderers] of libraries)
    renderers.push(freshCounts(renderers[4]!));
  return CASE_NAMES.map((name, index) => ({
    name,
    renderers: new Map(
      libraries.map(([library, renderers]) => [library, renderers[index]!]),
    ),
  }));
}
