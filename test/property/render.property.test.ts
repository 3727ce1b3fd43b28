import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LocmsgError } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import { hostileString, PROPERTY_SETTINGS } from "./fast-check-settings.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      "msg.named": "Value <{value}> end",
      "msg.positional": "First {1}, second {2}",
      "msg.label": "State {field.@enum.TaskInfo.State}",
      "msg.path": "{vm.name} on {host.name}",
      "msg.self": "again {1}",
    },
    enum: { "TaskInfo.State.queued.label": "Queued" },
  },
});
const session = new Locmsg(catalogs).createSession({
  locale: "en",
  timeZone: "UTC",
});

/** Argument values as they arrive from servers: plain, VI/JSON, nested, hostile. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: false }),
    fc.record({
      _typeName: fc.constantFrom(
        "int",
        "long",
        "string",
        "dateTime",
        "boolean",
      ),
      _value: fc.oneof(hostileString, fc.integer()),
    }),
    fc.record({
      _typeName: fc.constant("LocalizableMessage"),
      key: fc.constantFrom("msg.named", "msg.self", "missing"),
      arg: fc.array(tie("argument"), { maxLength: 2 }),
    }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 3 }),
  ),
  argument: fc.oneof(
    fc.record({
      key: fc.oneof(
        hostileString,
        fc.constantFrom("1", "2", "value", "field", "vm"),
      ),
      value: tie("value"),
    }),
    tie("value"),
  ),
})).value;

const message = fc.record(
  {
    key: fc.oneof(
      fc.constantFrom(
        "msg.named",
        "msg.positional",
        "msg.label",
        "msg.path",
        "msg.self",
        "missing.key",
      ),
      hostileString,
    ),
    arg: fc.array(
      value.map((item) => ({ key: "1", value: item })),
      { maxLength: 4 },
    ),
    message: hostileString,
  },
  { requiredKeys: ["key"] },
);

describe("render properties", () => {
  it("never throws in lenient mode", () => {
    fc.assert(
      fc.property(message, (input) => {
        expect(typeof session.format(input)).toBe("string");
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("inserts argument text verbatim", () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const output = session.format({
          key: "msg.named",
          arg: [{ key: "value", value: text }],
        });
        expect(output).toBe(`Value <${text}> end`);
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("throws only LocmsgError in strict mode", () => {
    fc.assert(
      fc.property(message, (input) => {
        try {
          session.format(input, { strict: true });
        } catch (error) {
          expect(error).toBeInstanceOf(LocmsgError);
          expect((error as LocmsgError).code).toMatch(/^[a-z0-9-]+$/);
        }
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("renders any TaskInfo-shaped input or rejects it with a code", () => {
    const task = fc.record({
      key: hostileString,
      descriptionId: hostileString,
      state: fc.constantFrom("queued", "running", "success", "error", "paused"),
      progress: fc.oneof(
        fc.integer({ min: -5, max: 105 }),
        fc.constant(undefined),
      ),
      entityName: hostileString,
      reason: fc.record({ _typeName: hostileString, userName: hostileString }),
      error: fc.record({
        fault: fc.record({ _typeName: hostileString }),
        localizedMessage: hostileString,
      }),
    });
    fc.assert(
      fc.property(task, (input) => {
        try {
          expect(typeof session.renderTaskInfo(input).line).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(LocmsgError);
          expect((error as LocmsgError).code).toBe("invalid-input");
        }
      }),
      PROPERTY_SETTINGS,
    );
  });

  it("keeps prototypes clean", () => {
    session.format({
      key: "msg.path",
      arg: [
        { key: "__proto__", value: { polluted: "yes" } },
        { key: "vm", value: JSON.parse('{"__proto__": {"name": "x"}}') },
      ],
    });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["name"]).toBeUndefined();
  });
});
