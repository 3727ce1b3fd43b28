import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { parseMessage } from "../../src/parse/parse-message.js";

interface Element {
  key: string;
  label: string;
  summary: string;
}

interface EventInfo {
  key: string;
  fullFormatDerivedVsphereSyntax: string;
}

let engine: Locmsg;
let methods: Element[];
let events: EventInfo[];

beforeAll(async () => {
  engine = await Locmsg.fromDirectory("catalogs", { strict: true });
  const description = JSON.parse(
    await readFile(
      "test/fixtures/vsphere/govmomi-vpx-TaskDescription.json",
      "utf8",
    ),
  );
  methods = description.methodInfo;
  events = JSON.parse(
    await readFile("test/fixtures/vsphere/govmomi-esx-EventInfo.json", "utf8"),
  );
});

describe("shipped catalogs", () => {
  it("load without diagnostics", () => {
    expect(engine.loadDiagnostics).toEqual([]);
  });

  it("derive the message locale list", () => {
    expect(engine.settings.defaultLocale).toBe("en");
    expect(engine.settings.messageLocaleList).toEqual(
      engine.catalogs.locales(),
    );
    expect(engine.settings.messageLocaleList).toContain("de");
  });

  it("render every real vCenter task label in English", () => {
    const session = engine.createSession({ locale: "en" });
    expect(methods).toHaveLength(1578);
    for (const method of methods) {
      const task = session.renderTaskInfo(
        { key: "task-1", descriptionId: method.key, state: "queued" },
        { strict: true },
      );
      expect(task.name).toBe(method.label);
      expect(task.summary).toBe(method.summary);
    }
  });

  it("render German task labels with English fallback", () => {
    const session = engine.createSession({ locale: "de_DE" });
    const render = (descriptionId: string) =>
      session.renderTaskInfo(
        { key: "t", descriptionId, state: "success" },
        { strict: true },
      );
    expect(render("VirtualMachine.powerOn").name).toBe(
      "Virtuelle Maschine einschalten",
    );
    expect(render("VirtualMachine.powerOn").state).toBe("Erfolgreich");
    expect(render("host.PatchManager.Check").name).toBe(
      methods.find((method) => method.key === "host.PatchManager.Check")!.label,
    );
  });

  it("render the documented examples strictly", () => {
    const session = engine.createSession({ locale: "en" });
    const strict = { strict: true };
    expect(
      session.format(
        {
          key: "com.vmware.locmsg.ipAddress",
          arg: [{ key: "address", value: "127.0.0.1" }],
        },
        strict,
      ),
    ).toBe("IP address is 127.0.0.1");
    expect(
      session.format(
        {
          key: "com.vmware.locmsg.selectToRevert",
          arg: ["button.cancel", "msg.revert"],
        },
        strict,
      ),
    ).toBe("Select 'Cancel' to revert");
    expect(
      session.format(
        {
          key: "com.vmware.locmsg.taskState",
          arg: [{ key: "field", value: "queued" }],
        },
        strict,
      ),
    ).toBe("State is Queued");
  });

  it("render literal braces", () => {
    const session = engine.createSession();
    expect(session.format({ key: "com.vmware.locmsg.literalBraces" })).toBe(
      "Use {name} to insert a value",
    );
  });
});

describe("real event templates", () => {
  /** Builds an event whose every referenced property contains its own path as text. */
  function eventFor(template: string): Record<string, unknown> {
    const parsed = parseMessage(template);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const event: Record<string, Record<string, string> | string> = {};
    for (const part of parsed.parts) {
      if (typeof part === "string" || part.argument.kind !== "name") continue;
      const [first, second] = part.argument.path;
      if (second === undefined) event[first!] = `<${first}>`;
      else
        event[first!] = {
          ...(event[first!] as object),
          [second]: `<${first}.${second}>`,
        };
    }
    return event;
  }

  it("render all 48 with property paths", () => {
    const session = engine.createSession();
    expect(events).toHaveLength(48);
    for (const info of events) {
      const template = info.fullFormatDerivedVsphereSyntax;
      const text = session.formatTemplate(template, eventFor(template), {
        strict: true,
      });
      expect(text).toBe(template.replace(/\{([^{}]+)\}/g, "<$1>"));
    }
  });

  it("render a powered-on event", () => {
    const session = engine.createSession();
    const template = events.find(
      (info) => info.key === "VmPoweredOnEvent",
    )!.fullFormatDerivedVsphereSyntax;
    const text = session.formatTemplate(template, {
      vm: {
        name: "web01",
        vm: {
          _typeName: "ManagedObjectReference",
          type: "VirtualMachine",
          value: "vm-42",
        },
      },
      host: { name: "esx-01" },
      datacenter: { name: "DC1" },
    });
    expect(text).toBe("web01 on esx-01 in DC1 is powered on");
  });

  it("reject a malformed template with its position", () => {
    const session = engine.createSession();
    expect(() => session.formatTemplate("Host {host.name in", {})).toThrow(
      /unclosed placeholder/,
    );
  });
});
