// The server's render limits in ES modules: a step budget per render for
// placeholders and list items, lists nested no deeper than `maxDepth`, a
// maximum argument length, and values described as JSON within a bound.
// Each case compares the text and diagnostic codes with the server's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMessageFixture,
  createRenderers,
  renderFast,
  renderOnServer,
  renderWithHelpers,
  type MessageFixture,
  type RendererPair,
} from "./esm-message-fixtures.js";

let fixture: MessageFixture;
let english: RendererPair;

beforeAll(async () => {
  fixture = await createMessageFixture();
  english = await createRenderers(fixture, { locale: "en" });
});

afterAll(async () => {
  await fixture?.remove();
});

/** Renders `key` with `args` through `format` as a LocalizableMessage. */
function renderFormat(pair: RendererPair, key: string, args: object) {
  const message = {
    key,
    arg: Object.entries(args).map(([name, value]) => ({ key: name, value })),
  };
  pair.esmDiagnostics.length = 0;
  const text = pair.esm.format(message);
  const esm = {
    text,
    diagnostics: pair.esmDiagnostics.map((diagnostic) => diagnostic.code),
  };
  const diagnostics: string[] = [];
  const session = pair.server.createSession({ locale: "en", timeZone: "UTC" });
  const serverText = session.format(message, {
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
  });
  return { esm, server: { text: serverText, diagnostics } };
}

/** Expects the message function and `format` to render `args` as the server does. */
function expectServerText(key: string, args: object, diagnostics: string[]) {
  const fast = renderFast(english, key, args);
  expect(fast.diagnostics).toEqual(diagnostics);
  expect({ text: fast.text, diagnostics: fast.diagnostics }).toEqual(
    renderOnServer(english, key, args),
  );
  expect(renderWithHelpers(english, key, args)).toEqual(fast);
  const { esm, server } = renderFormat(english, key, args);
  expect(esm).toEqual(server);
  return fast.text;
}

const items = (count: number) => Array.from({ length: count }, () => "i");

describe("render steps", () => {
  it("stop a list after 100,000 items", () => {
    const text = expectServerText("ip", { address: items(100_001) }, [
      "limit-exceeded",
    ]);
    expect(text.split(", ")).toHaveLength(99_999);
  });

  it("count the placeholders before a list", () => {
    // `{first}` takes the fast path and one step, `{second}` the next.
    const text = expectServerText(
      "two",
      { first: "x", second: items(100_000) },
      ["limit-exceeded"],
    );
    expect(text.split(", ")).toHaveLength(99_998);
  });

  it("count nested lookups of one render", () => {
    const args = { 2: "fan2", 3: "fan3", 4: "fan4", 5: "fan5", 6: "x" };
    const text = expectServerText("fan1", args, ["limit-exceeded"]);
    // The placeholders after the last step render as written.
    expect(text).toMatch(/^x{90000}(\{3\}){10}$/);
  });

  it("start again at each call", () => {
    const ip = english.esm.message("ip");
    for (let call = 0; call < 3; call++) {
      english.esmDiagnostics.length = 0;
      ip({ address: items(60_000) });
      expect(english.esmDiagnostics).toEqual([]);
    }
  });

  it("stay within one render of a task", () => {
    const task = {
      key: "task-1",
      descriptionId: "VirtualMachine.powerOn",
      state: "queued",
      description: {
        key: "two",
        arg: [
          { key: "first", value: items(60_000) },
          { key: "second", value: items(60_000) },
        ],
      },
    };
    english.esmDiagnostics.length = 0;
    const line = english.esm.renderTaskInfo(task).line;
    const codes = english.esmDiagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toContain("limit-exceeded");
    const diagnostics: string[] = [];
    const session = english.server.createSession({ locale: "en" });
    const expected = session.renderTaskInfo(task, {
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
    });
    expect(line).toBe(expected.line);
    expect(codes).toEqual(diagnostics);
  });
});

describe("list depth", () => {
  it("describes a list thousands deep", () => {
    let deep: unknown = "x";
    for (let level = 0; level < 5000; level++) deep = [deep];
    const text = expectServerText("ip", { address: deep }, []);
    expect(text).toBe(`IP address is ${"[".repeat(32)}"…"${"]".repeat(32)}`);
  });

  it("follows maxDepth", async () => {
    const shallow = await createRenderers(fixture, {
      locale: "en",
      maxDepth: 2,
    });
    const args = { address: [["a", ["b", 1]], "c"] };
    const fast = renderFast(shallow, "ip", args);
    expect(fast.text).toBe('IP address is a, ["b",1], c');
    expect({ text: fast.text, diagnostics: fast.diagnostics }).toEqual(
      renderOnServer(shallow, "ip", args),
    );
  });
});

describe("argument length", () => {
  const long = "y".repeat(1_048_577);

  it.each([
    ["ip", { address: long }],
    ["state", { field: long }],
    ["select", { 1: long, 2: "msg.revert" }],
  ])("cuts a long string for %s", (key, args) => {
    const text = expectServerText(key, args, [
      "limit-exceeded",
      ...(key === "state" ? ["missing-label"] : []),
    ]);
    expect(text).toContain("y".repeat(1_048_576));
    expect(text).not.toContain("y".repeat(1_048_577));
  });
});

describe("described values", () => {
  const cyclic: Record<string, unknown> = { id: 1 };
  cyclic["self"] = cyclic;
  const throwing = {
    get broken(): unknown {
      throw new Error("unreadable");
    },
    ok: 1,
  };
  const proxy = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error("trap");
      },
    },
  );

  it.each([
    ["a cycle", cyclic, '{"id":1,"self":"[Circular]"}'],
    ["a BigInt in an object", { n: 10n }, '{"n":10}'],
    [
      "a date in an object",
      { at: new Date(0) },
      '{"at":1970-01-01T00:00:00.000Z}',
    ],
    [
      "a Symbol in an object",
      { s: Symbol("s"), n: NaN },
      '{"s":null,"n":null}',
    ],
    ["a function in an object", { f: () => 1, g: 2 }, '{"g":2}'],
    ["a getter that throws", throwing, '{"broken":"[unreadable]","ok":1}'],
    ["a proxy whose traps throw", { proxy }, "[unreadable]"],
    ["a Map", new Map([[1, 2]]), "{}"],
    ["a function", () => 1, "function"],
    [
      "a long object",
      { text: "z".repeat(12_000) },
      `{"text":"${"z".repeat(9_991)}…`,
    ],
  ])("writes %s as the server does", (_name, value, described) => {
    const text = expectServerText("ip", { address: value }, [
      "invalid-argument",
    ]);
    expect(text).toBe(`IP address is ${described}`);
  });

  it("cuts each argument of an unknown key at 1,000 characters", () => {
    const args = { note: "n".repeat(1_200), self: cyclic };
    const fast = renderFast(english, "unknown", args);
    expect(fast.text).toBe(
      `unknown (note = ${"n".repeat(1_000)}…, self = {"id":1,"self":"[Circular]"})`,
    );
    expect({ text: fast.text, diagnostics: fast.diagnostics }).toEqual(
      renderOnServer(english, "unknown", args),
    );
  });
});
