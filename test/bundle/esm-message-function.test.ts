// Message functions of ES modules (`message(key)`): the fast functions in
// generated code give the text and diagnostics of the runtime's helpers,
// which arguments without a prototype go to, and of the server's
// Session.message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMessageFixture,
  createRenderers,
  MESSAGE_ARGUMENTS,
  renderFast,
  renderOnServer,
  renderWithHelpers,
  VALUES,
  type MessageFixture,
  type RendererPair,
} from "./esm-message-fixtures.js";

let fixture: MessageFixture;
let english: RendererPair;
let german: RendererPair;
let shallow: RendererPair;

beforeAll(async () => {
  fixture = await createMessageFixture();
  english = await createRenderers(fixture, { locale: "en" });
  german = await createRenderers(fixture, { locale: "de" });
  shallow = await createRenderers(fixture, { locale: "en", maxDepth: 1 });
});

afterAll(async () => {
  await fixture?.remove();
});

/** Returns a value that the messages read without a diagnostic where they can. */
function usualValue(name: string): unknown {
  if (name === "vm" || name === "host" || name === "a") {
    return { name: "web01", b: { c: "deep" } };
  }
  if (["count", "n", "place"].includes(name)) return 3;
  if (name === "field") return "queued";
  if (name === "kind") return "vm";
  if (name === "1") return "button.cancel";
  if (name === "2") return "msg.revert";
  if (name === "state") return "poweredOn";
  if (name === "vm.name") return undefined;
  return "text";
}

/** Argument objects for `key`: each argument takes each value in turn. */
function argumentCases(key: string): [string, Record<string, unknown>][] {
  const names = MESSAGE_ARGUMENTS[key]!;
  const usual = Object.fromEntries(
    names.flatMap((name) => {
      const value = usualValue(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const cases: [string, Record<string, unknown>][] = [["usual values", usual]];
  for (const name of names) {
    for (const [label, value] of VALUES) {
      cases.push([`${name} is ${label}`, { ...usual, [name]: value() }]);
    }
  }
  return cases;
}

/**
 * Leaves out a diagnostic with the code and message of an earlier one of
 * the same render, as the server does with its messages.
 * NOTE: the ES modules report each occurrence.
 */
function withoutRepeats(codes: string[], messages: string[]): string[] {
  const seen = new Set<string>();
  return codes.filter((code, index) => {
    const id = `${code}\n${messages[index]}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

describe.each([
  ["en", () => english],
  ["de", () => german],
  ["en with maxDepth 1", () => shallow],
])("message functions, %s", (_name, renderers) => {
  for (const key of Object.keys(MESSAGE_ARGUMENTS)) {
    it(`${key}: fast functions render as the helpers`, () => {
      const pair = renderers();
      for (const [label, args] of argumentCases(key)) {
        const fast = renderFast(pair, key, args);
        const helpers = renderWithHelpers(pair, key, args);
        expect(fast, label).toEqual(helpers);
      }
    });

    // NOTE: for `chained`, the server also reports `invalid-argument` when
    // `$m` applies `:integer` to a `$n` that is missing; the ES modules
    // report `missing-argument` alone. For `inherited`, the server renders
    // a missing `$constructor` as Object.prototype.constructor.
    if (key === "chained" || key === "inherited") continue;

    it(`${key}: renders as the server`, () => {
      const pair = renderers();
      for (const [label, args] of argumentCases(key)) {
        const { text, diagnostics, messages } = renderFast(pair, key, args);
        const server = renderOnServer(pair, key, args);
        // The server reports a diagnostic once per render when its own,
        // longer message repeats. The ES modules' shorter messages may
        // repeat where the server's differ, so either list may match.
        const repeats = withoutRepeats(diagnostics, messages);
        const matching =
          server.diagnostics.length === repeats.length ? repeats : diagnostics;
        expect({ text, diagnostics: matching }, label).toEqual(server);
      }
    });
  }
});

describe("message function calls", () => {
  it("render the same again after filling the tables", () => {
    const select = english.esm.message("select");
    const args = { 1: "button.cancel", 2: "Save" };
    const first = select(args);
    expect(select(args)).toBe(first);
    expect(first).toBe("Select 'Cancel' to Save");
  });

  it("work as a method of another object", () => {
    const holder = { ip: english.esm.message("ip") };
    expect(holder.ip({ address: "::1" })).toBe("IP address is ::1");
  });

  it.each([
    ["an object made from a literal", Object.create({ address: "inherited" })],
    [
      "a class instance with a getter",
      new (class {
        get address() {
          return "from the prototype";
        }
      })(),
    ],
    [
      "an object without a prototype",
      Object.assign(Object.create(null), { address: "bare" }),
    ],
    [
      "an object with a constructor argument",
      { constructor: "x", address: "own" },
    ],
  ])("read enumerable properties of %s as the server", (_name, args) => {
    const fast = renderFast(english, "ip", args);
    expect({ text: fast.text, diagnostics: fast.diagnostics }).toEqual(
      renderOnServer(english, "ip", args),
    );
    expect(renderWithHelpers(english, "ip", args)).toEqual(fast);
  });

  it("read a list as an object of its indexes", () => {
    // NOTE: the server's message functions read a list as positional
    // arguments instead, so that `{1}` is its first item.
    const list = ["button.cancel", "msg.revert"];
    expect(english.esm.message("select")(list)).toBe("Select 'revert' to {2}");
  });

  it("read MF2 arguments named like inherited properties", () => {
    expect(renderFast(english, "inherited", {})).toEqual({
      text: "{$constructor} and {$valueOf}",
      diagnostics: ["missing-argument", "missing-argument"],
      messages: ["{$constructor}", "{$valueOf}"],
    });
    const args = { constructor: "c", valueOf: "v" };
    expect(english.esm.message("inherited")(args)).toBe("c and v");
  });

  it("render without arguments", () => {
    expect(renderFast(english, "ip", undefined).text).toBe(
      "IP address is {address}",
    );
    expect(renderFast(english, "ip", null).text).toBe(
      "IP address is {address}",
    );
    expect(renderFast(english, "count", undefined)).toEqual({
      text: "{$count} virtual machines",
      diagnostics: ["missing-argument"],
      messages: ["{$count}"],
    });
  });

  it("keep their renderer's state while a handler renders", async () => {
    const german = await fixture.build.index.loadLocmsg({ locale: "de" });
    const english = await fixture.build.index.loadLocmsg({
      locale: "en",
      onDiagnostic: () => german.format({ key: "ip", arg: [] }),
    });
    const args = { first: undefined, second: 1234.5 };
    expect(english.message("two")(args)).toBe("{first} and 1,234.5");
  });
});

describe("message keys", () => {
  const inherited = [
    "toString",
    "__proto__",
    "constructor",
    "hasOwnProperty",
    "valueOf",
  ];

  it.each(inherited)("%s is an unknown key", (key) => {
    expect(renderFast(english, key, { a: 1 })).toEqual({
      text: `${key} (a = 1)`,
      diagnostics: ["missing-message"],
      messages: [key],
    });
    const { text, diagnostics } = renderFast(english, key, { a: 1 });
    expect({ text, diagnostics }).toEqual(
      renderOnServer(english, key, { a: 1 }),
    );
  });

  it.each(inherited)("%s is an unknown key for format", (key) => {
    english.esmDiagnostics.length = 0;
    const text = english.esm.format({ key, arg: [{ key: "a", value: 1 }] });
    expect(text).toBe(`${key} (a = 1)`);
    expect(english.esmDiagnostics.map((item) => item.code)).toEqual([
      "missing-message",
    ]);
  });

  it("describes inherited arguments of an unknown key", () => {
    const args = Object.create({ a: 1 }) as Record<string, unknown>;
    const { text, diagnostics } = renderFast(english, "nope", args);
    expect(text).toBe("nope (a = 1)");
    expect({ text, diagnostics }).toEqual(
      renderOnServer(english, "nope", args),
    );
  });

  it("rejects a key that is no string", () => {
    for (const key of [undefined, 7, Symbol("key"), { key: "ip" }]) {
      expect(() => english.esm.message(key as unknown as string)).toThrow(
        /message key must be a string such as "com\.vmware\.locmsg\.ipAddress", not /,
      );
    }
    expect(() => english.esm.message(7 as unknown as string)).toThrow(
      /, not 7$/,
    );
  });
});

describe("Symbol arguments", () => {
  const symbol = Symbol("s");

  it.each([
    ["ip", { address: symbol }, "IP address is symbol", ["invalid-argument"]],
    [
      "two",
      { first: [symbol], second: { s: symbol } },
      'symbol and {"s":null}',
      ["invalid-argument", "invalid-argument"],
    ],
    [
      "unknown",
      { value: symbol },
      "unknown (value = symbol)",
      ["missing-message"],
    ],
    ["power", { state: symbol, vm: symbol }, "Symbol(s) is Symbol(s)", []],
    [
      "count",
      { count: symbol },
      "{$count} virtual machines",
      ["invalid-argument"],
    ],
  ])("%s renders as on the server", (key, args, text, diagnostics) => {
    const fast = renderFast(english, key, args);
    expect(fast.text).toBe(text);
    expect(fast.diagnostics).toEqual(diagnostics);
    expect({ text: fast.text, diagnostics: fast.diagnostics }).toEqual(
      renderOnServer(english, key, args),
    );
  });

  it("renders in a LocalizableMessage as on the server", () => {
    const message = {
      key: "two",
      arg: [
        { key: "first", value: symbol },
        {
          key: "second",
          value: { key: "unknown", arg: [{ key: "s", value: symbol }] },
        },
      ],
    };
    english.esmDiagnostics.length = 0;
    const text = english.esm.format(message);
    const diagnostics: string[] = [];
    const session = english.server.createSession({ locale: "en" });
    const expected = session.format(message, {
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
    });
    expect(text).toBe("symbol and unknown (s = symbol)");
    expect(text).toBe(expected);
    expect(english.esmDiagnostics.map((item) => item.code)).toEqual(
      diagnostics,
    );
  });
});
