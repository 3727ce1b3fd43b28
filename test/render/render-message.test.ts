import { describe, expect, it } from "vitest";
import { Locmsg, type LocmsgOptions } from "../../src/engine/locmsg.js";
import {
  LocmsgError,
  type Diagnostic,
} from "../../src/diagnostics/diagnostic.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import { plainSpaces } from "../helpers/spaces.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: {
      "com.vmware.locmsg.ipAddress": "IP address is {address}",
      "com.vmware.locmsg.selectToRevert": "Select '{1}' to {2}",
      "button.cancel": "Cancel",
      "msg.revert": "revert",
      "com.vmware.locmsg.taskState": "State is {field.@enum.TaskInfo.State}",
      "com.vmware.locmsg.vmPoweredOn":
        "{vm.name} on {host.name} in {datacenter.name} is powered on",
      "com.vmware.locmsg.count": "{count} virtual machines, {size} GB",
      "com.vmware.locmsg.when": "Started {time}",
      "com.vmware.locmsg.nested": "{1}: {2}",
      "com.vmware.locmsg.wrapper": "Problem: {inner}",
      "msg.outer": "outer {1}",
      "cycle.a": "A then {1}",
      "chain.1": "one {1}",
      "only.en": "English only",
      "com.vmware.locmsg.noPrefix": "Value {v.@enum}",
      "com.vmware.locmsg.badCatalog": "Value {v.@nosuch.Prefix}",
      "com.vmware.locmsg.spaces": "a  b\t{x}  ",
      "com.vmware.locmsg.list": "Hosts: {hosts}",
    },
    enum: {
      "TaskInfo.State.queued.label": "Queued",
      "TaskInfo.State.running.label": "Running",
      "plain.label": "Plain label",
    },
  },
  de: {
    locmsg: {
      "com.vmware.locmsg.ipAddress": "IP-Adresse ist {address}",
      "com.vmware.locmsg.taskState": "Status ist {field.@enum.TaskInfo.State}",
      "com.vmware.locmsg.count": "{count} virtuelle Maschinen, {size} GB",
      "button.cancel": "Abbrechen",
    },
    enum: { "TaskInfo.State.queued.label": "In Warteschlange" },
  },
});

function session(
  locale: string,
  options: LocmsgOptions = {},
  timeZone = "UTC",
) {
  return new Locmsg(catalogs, options).createSession({ locale, timeZone });
}

function arg(key: string, value: unknown) {
  return { key, value };
}

describe("documented examples", () => {
  it("renders a named argument", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.ipAddress",
      arg: [arg("address", "127.0.0.1")],
    });
    expect(text).toBe("IP address is 127.0.0.1");
  });

  it("renders positional lookups", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.selectToRevert",
      arg: [arg("1", "button.cancel"), arg("2", "msg.revert")],
    });
    expect(text).toBe("Select 'Cancel' to revert");
  });

  it("renders a label lookup", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.taskState",
      arg: [arg("field", "queued")],
    });
    expect(text).toBe("State is Queued");
  });

  it("renders the label lookup in German", () => {
    const text = session("de").format({
      key: "com.vmware.locmsg.taskState",
      arg: [arg("field", "queued")],
    });
    expect(text).toBe("Status ist In Warteschlange");
  });
});

describe("arguments", () => {
  it("takes positions from a plain list", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.selectToRevert",
      arg: ["button.cancel", "msg.revert"],
    });
    expect(text).toBe("Select 'Cancel' to revert");
  });

  it("reads a VirtualMachineMessage", () => {
    const text = session("de").format({
      id: "com.vmware.locmsg.selectToRevert",
      argument: ["button.cancel", "no such key"],
      text: "ignored",
    });
    expect(text).toBe("Select 'Abbrechen' to no such key");
  });

  it("inserts a positional value that is no key as text", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.selectToRevert",
      arg: [arg("1", "Save"), arg("2", "continue")],
    });
    expect(text).toBe("Select 'Save' to continue");
  });

  it("inserts a named string without lookup", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.ipAddress",
      arg: [arg("address", "button.cancel")],
    });
    expect(text).toBe("IP address is button.cancel");
  });

  it("keeps markup and braces in values as text", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.ipAddress",
      arg: [arg("address", "<b>{1}</b> {x.@enum}")],
    });
    expect(text).toBe("IP address is <b>{1}</b> {x.@enum}");
  });

  it("resolves event property paths", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.vmPoweredOn",
      arg: [
        arg("vm", {
          name: "web01",
          vm: {
            _typeName: "ManagedObjectReference",
            type: "VirtualMachine",
            value: "vm-42",
          },
        }),
        arg("host", { name: "esx1.example.com" }),
        arg("datacenter", { name: "DC1" }),
      ],
    });
    expect(text).toBe("web01 on esx1.example.com in DC1 is powered on");
  });

  it("prefers an argument keyed with the whole path", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.vmPoweredOn",
      arg: [
        arg("vm.name", "flat"),
        arg("host", { name: "h" }),
        arg("datacenter", { name: "d" }),
      ],
    });
    expect(text).toBe("flat on h in d is powered on");
  });

  it("reads VI/JSON wrapped values", () => {
    const text = session("en").format({
      _typeName: "LocalizableMessage",
      key: "com.vmware.locmsg.taskState",
      arg: [
        {
          _typeName: "KeyAnyValue",
          key: "field",
          value: { _typeName: "string", _value: "queued" },
        },
      ],
    });
    expect(text).toBe("State is Queued");
  });

  it("formats numbers per locale", () => {
    const message = {
      key: "com.vmware.locmsg.count",
      arg: [
        arg("count", { _typeName: "int", _value: 1234 }),
        arg("size", { _typeName: "double", _value: 1.5 }),
      ],
    };
    expect(session("en").format(message)).toBe(
      "1,234 virtual machines, 1.5 GB",
    );
    expect(session("de").format(message)).toBe(
      "1.234 virtuelle Maschinen, 1,5 GB",
    );
  });

  it("formats dates in the session time zone", () => {
    const message = {
      key: "com.vmware.locmsg.when",
      arg: [
        arg("time", { _typeName: "dateTime", _value: "2024-03-05T10:00:00Z" }),
      ],
    };
    expect(plainSpaces(session("en", {}, "UTC").format(message))).toBe(
      "Started Mar 5, 2024, 10:00:00 AM",
    );
    expect(session("de", {}, "Europe/Berlin").format(message)).toBe(
      "Started 05.03.2024, 11:00:00",
    );
  });

  it("renders nested LocalizableMessages", () => {
    const text = session("de").format({
      key: "com.vmware.locmsg.wrapper",
      arg: [
        arg("inner", {
          _typeName: "LocalizableMessage",
          key: "com.vmware.locmsg.ipAddress",
          arg: [arg("address", "::1")],
        }),
      ],
    });
    expect(text).toBe("Problem: IP-Adresse ist ::1");
  });

  it("formats lists", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.list",
      arg: [
        arg("hosts", { _typeName: "ArrayOfString", _value: ["a", "b", "c"] }),
      ],
    });
    expect(text).toBe("Hosts: a, b, c");
  });

  it("keeps whitespace exactly", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.spaces",
      arg: [arg("x", "y")],
    });
    expect(text).toBe("a  b\ty  ");
  });
});

describe("fallbacks", () => {
  it("falls back key by key to the default locale", () => {
    expect(session("de").format({ key: "only.en" })).toBe("English only");
    const text = session("de").format({
      key: "com.vmware.locmsg.taskState",
      arg: [arg("field", "running")],
    });
    expect(text).toBe("Status ist Running");
  });

  it("renders the message text for an unknown key", () => {
    const text = session("de").format({
      key: "com.example.custom",
      message: "Backup started",
    });
    expect(text).toBe("Backup started");
  });

  it("renders the key and arguments when nothing else exists", () => {
    const diagnostics: Diagnostic[] = [];
    const text = session("en").format(
      { key: "com.example.custom", arg: [arg("vm", "web01"), arg("size", 3)] },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(text).toBe("com.example.custom (vm = web01, size = 3)");
    expect(diagnostics.map((d) => d.code)).toEqual(["missing-message"]);
  });

  it("never renders an empty fallback", () => {
    expect(session("en").format({ key: "" })).toBe("(message without a key)");
  });

  it("shows a missing argument as written", () => {
    const diagnostics: Diagnostic[] = [];
    const text = session("en").format(
      { key: "com.vmware.locmsg.ipAddress" },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(text).toBe("IP address is {address}");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "missing-argument",
      key: "com.vmware.locmsg.ipAddress",
      locale: "en",
      catalog: "locmsg",
    });
  });

  it("shows the value for a missing label", () => {
    const diagnostics: Diagnostic[] = [];
    const text = session("en").format(
      { key: "com.vmware.locmsg.taskState", arg: [arg("field", "paused")] },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(text).toBe("State is paused");
    expect(diagnostics[0]?.code).toBe("missing-label");
    expect(diagnostics[0]?.message).toContain("TaskInfo.State.paused.label");
  });

  it("reads a label without a prefix", () => {
    const text = session("en").format({
      key: "com.vmware.locmsg.noPrefix",
      arg: [arg("v", "plain")],
    });
    expect(text).toBe("Value Plain label");
  });

  it("reports a label lookup in an unknown catalog", () => {
    const diagnostics: Diagnostic[] = [];
    const text = session("en").format(
      { key: "com.vmware.locmsg.badCatalog", arg: [arg("v", "x")] },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(text).toBe("Value x");
    expect(diagnostics[0]?.code).toBe("missing-catalog");
  });
});

describe("recursive lookups", () => {
  it("detects a cycle", () => {
    const diagnostics: Diagnostic[] = [];
    const text = session("en").format(
      { key: "cycle.a", arg: [arg("1", "cycle.a")] },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(text).toBe("A then cycle.a");
    expect(diagnostics.map((d) => d.code)).toEqual(["lookup-cycle"]);
  });

  it("caps the depth", () => {
    const deep = buildCatalogs({
      en: {
        locmsg: Object.fromEntries(
          Array.from({ length: 50 }, (_, i) => [`k${i}`, `${i} {${i + 2}}`]),
        ),
      },
    });
    const args = Array.from({ length: 52 }, (_, i) =>
      arg(String(i + 1), `k${i}`),
    );
    const diagnostics: Diagnostic[] = [];
    const text = new Locmsg(deep, { maxLookupDepth: 5 })
      .createSession()
      .format(
        { key: "k0", arg: args },
        { onDiagnostic: (d) => diagnostics.push(d) },
      );
    expect(text).toBe("0 1 2 3 4 k5");
    expect(diagnostics.map((d) => d.code)).toEqual(["lookup-depth"]);
  });

  it("survives deeply nested messages without overflowing", () => {
    let message: Record<string, unknown> = { key: "only.en" };
    for (let i = 0; i < 10_000; i++) {
      message = {
        _typeName: "LocalizableMessage",
        key: "com.vmware.locmsg.wrapper",
        arg: [arg("inner", message)],
      };
    }
    const text = session("en").format(message);
    expect(text.startsWith("Problem: Problem: ")).toBe(true);
    expect(text.length).toBeLessThan(2000);
  });
});

describe("strict mode", () => {
  it("throws a LocmsgError with the code", () => {
    expect(() =>
      session("en").format(
        { key: "com.vmware.locmsg.ipAddress" },
        { strict: true },
      ),
    ).toThrow(LocmsgError);
    try {
      session("en", { strict: true }).format({ key: "missing.key" });
    } catch (error) {
      expect((error as LocmsgError).code).toBe("missing-message");
    }
  });

  it("does not throw for a clean render", () => {
    expect(
      session("en", { strict: true }).format({
        key: "com.vmware.locmsg.ipAddress",
        arg: [arg("address", "x")],
      }),
    ).toBe("IP address is x");
  });

  it("rejects input that is not a message", () => {
    expect(() => session("en").format("text")).toThrow(/LocalizableMessage/);
    expect(() => session("en").format({ key: 3 })).toThrow(/string 'key'/);
  });
});

describe("hostile argument values", () => {
  it("describes values JSON cannot hold", () => {
    const nullPrototype = Object.assign(Object.create(null), { "": 10n });
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const session = new Locmsg(catalogs).createSession({ locale: "en" });
    const diagnostics: Diagnostic[] = [];
    const onDiagnostic = (d: Diagnostic) => diagnostics.push(d);

    expect(
      session.format(
        {
          key: "com.vmware.locmsg.ipAddress",
          arg: [arg("address", nullPrototype)],
        },
        { onDiagnostic },
      ),
    ).toBe('IP address is {"":10}');
    expect(
      session.format(
        { key: "missing", arg: [arg("a", [0n, nullPrototype])] },
        { onDiagnostic },
      ),
    ).toBe('missing (a = [0,{"":10}])');
    expect(
      session.format(
        { key: "missing", arg: [arg("a", cyclic)] },
        { onDiagnostic },
      ),
    ).toBe('missing (a = {"self":"[Circular]"})');
    expect(diagnostics.map((d) => d.code)).toEqual([
      "invalid-argument",
      "missing-message",
      "missing-message",
    ]);
  });

  it("throws only LocmsgError in strict mode", () => {
    const session = new Locmsg(catalogs).createSession({ locale: "en" });
    const value = Object.assign(Object.create(null), { "": 0n });
    expect(() =>
      session.format(
        { key: "cycle.a", arg: [arg("1", value)] },
        { strict: true },
      ),
    ).toThrow(LocmsgError);
  });
});
