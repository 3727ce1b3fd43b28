import { describe, expect, it } from "vitest";
import { decodeViJson, unwrapViJson } from "../../src/vsphere/vi-json.js";

describe("decodeViJson", () => {
  it("unwraps primitives", () => {
    expect(decodeViJson({ _typeName: "int", _value: 3 })).toBe(3);
    expect(decodeViJson({ _typeName: "long", _value: "42" })).toBe(42);
    expect(decodeViJson({ _typeName: "boolean", _value: "true" })).toBe(true);
    expect(decodeViJson({ _typeName: "string", _value: "queued" })).toBe(
      "queued",
    );
  });

  it("turns dateTime into a Date", () => {
    const date = decodeViJson({
      _typeName: "dateTime",
      _value: "2024-03-05T10:00:00Z",
    });
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe("2024-03-05T10:00:00.000Z");
  });

  it("keeps an invalid dateTime as text", () => {
    expect(decodeViJson({ _typeName: "dateTime", _value: "yesterday" })).toBe(
      "yesterday",
    );
  });

  it("unwraps arrays", () => {
    expect(
      decodeViJson({
        _typeName: "ArrayOfString",
        _value: ["a", { _typeName: "string", _value: "b" }],
      }),
    ).toEqual(["a", "b"]);
  });

  it("keeps a Date that is already decoded", () => {
    const date = new Date("2024-03-05T10:00:00Z");
    const decoded = decodeViJson({ when: date }) as { when: unknown };
    expect(decoded.when).toBe(date);
  });

  it("keeps __proto__ as an ordinary property", () => {
    const decoded = decodeViJson(
      JSON.parse('{"__proto__": {"polluted": true}}'),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBeNull();
    expect(decoded["__proto__"]).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("stops at a deep nesting", () => {
    let value: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) value = { inner: value };
    expect(() => decodeViJson(value)).not.toThrow();
  });
});

describe("unwrapViJson", () => {
  it("unwraps one level only", () => {
    const inner = { _typeName: "int", _value: 1 };
    expect(
      unwrapViJson({ _typeName: "ArrayOfAnyType", _value: [inner] }),
    ).toEqual([inner]);
    expect(unwrapViJson(inner)).toBe(1);
    expect(unwrapViJson("x")).toBe("x");
  });
});
