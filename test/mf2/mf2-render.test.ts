import { beforeAll, describe, expect, it } from "vitest";
import type { Locmsg } from "../../src/engine/locmsg.js";
import { plainSpaces } from "../helpers/spaces.js";
import { formatWithDiagnostics, loadEngine } from "./mf2-catalogs.js";

const EN_LOCMSG = `
vmCount: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtual machine}}
  *   {{{$count} virtual machines}}
powerState: !mf2 |-
  .input {$state :string}
  .match $state
  poweredOn  {{{$vm} is powered on}}
  poweredOff {{{$vm} is powered off}}
  *          {{{$vm} is in state {$state}}}
freeSpace: !mf2 "{$datastore} has {$free :number minimumFractionDigits=1 maximumFractionDigits=1}% free"
exactOne: !mf2 |-
  .input {$n :integer}
  .match $n
  1   {{exactly one}}
  one {{category one}}
  *   {{{$n} items}}
started: !mf2 "Started {$time :datetime}"
startedInNewYork: !mf2 "Started {$time :datetime timeZone=|America/New_York|}"
startedDate: !mf2 "Started on {$time :date length=long}"
startedPlain: !mf2 "Started {$time}"
startedLong: !mf2 "Started {$time :datetime dateLength=long timePrecision=second}"
selectToRevert: !mf2 "Select '{$arg1 :msg}' to {$arg2 :msg}"
rawPositional: !mf2 "First argument: {$arg1}"
vmOnHost: !mf2 "{$vm.name} on {$host}"
hosts: !mf2 "Hosts: {$hosts}"
wrapsCount: "Summary: {1}"
button.cancel: Cancel
msg.revert: revert
locmsg.taskInfo.progress: !mf2 "{$state} at {$percent}"
`;

const DE_LOCMSG = `
vmCount: !mf2 |-
  .input {$count :number}
  .match $count
  one {{{$count} virtuelle Maschine}}
  *   {{{$count} virtuelle Maschinen}}
freeSpace: !mf2 "{$datastore} hat {$free :number minimumFractionDigits=1 maximumFractionDigits=1} % frei"
started: !mf2 "Gestartet {$time :datetime}"
`;

const CATALOGS = {
  "en/locmsg.yaml": EN_LOCMSG,
  "de/locmsg.yaml": DE_LOCMSG,
  "en/enum.yaml": `
TaskInfo.State.running.label: !mf2 "Running"
TaskInfo.State.running.summary: Task is running
`,
  "en/task.yaml": `
VirtualMachine.powerOn.label: !mf2 "Power On virtual machine"
VirtualMachine.powerOn.summary: Power On this virtual machine
`,
  "en/fault.yaml": `
HostNotConnected.summary: !mf2 "Unable to contact the specified host"
`,
};

let engine: Locmsg;

beforeAll(async () => {
  engine = await loadEngine(CATALOGS);
});

function render(
  locale: string,
  key: string,
  args: { key?: string; value: unknown }[] | unknown[] = [],
  timeZone = "UTC",
): string {
  const result = formatWithDiagnostics(engine, locale, key, args, timeZone);
  expect(result.diagnostics).toEqual([]);
  return plainSpaces(result.text);
}

describe("plural", () => {
  it.each([
    [0, "0 virtual machines"],
    [1, "1 virtual machine"],
    [2, "2 virtual machines"],
    [1000, "1,000 virtual machines"],
  ])("English %d", (count, expected) => {
    expect(render("en", "vmCount", [{ key: "count", value: count }])).toBe(
      expected,
    );
  });

  it.each([
    [0, "0 virtuelle Maschinen"],
    [1, "1 virtuelle Maschine"],
    [2, "2 virtuelle Maschinen"],
    [1000, "1.000 virtuelle Maschinen"],
  ])("German %d", (count, expected) => {
    expect(render("de", "vmCount", [{ key: "count", value: count }])).toBe(
      expected,
    );
  });

  it("alternates locales of one entry", () => {
    const args = [{ key: "count", value: 1000 }];
    expect(render("de", "vmCount", args)).toBe("1.000 virtuelle Maschinen");
    expect(render("en", "vmCount", args)).toBe("1,000 virtual machines");
    // Austrian German groups digits with a no-break space.
    expect(render("de-AT", "vmCount", args)).toBe(
      "1\u00a0000 virtuelle Maschinen",
    );
  });

  it("prefers an exact number key", () => {
    expect(render("en", "exactOne", [{ key: "n", value: 1 }])).toBe(
      "exactly one",
    );
    expect(render("en", "exactOne", [{ key: "n", value: 5 }])).toBe("5 items");
  });

  it("reads wrapped VI/JSON numbers", () => {
    const count = { _typeName: "int", _value: 3 };
    expect(render("en", "vmCount", [{ key: "count", value: count }])).toBe(
      "3 virtual machines",
    );
  });
});

describe("select", () => {
  it.each([
    ["poweredOn", "web01 is powered on"],
    ["poweredOff", "web01 is powered off"],
    ["suspended", "web01 is in state suspended"],
  ])("%s", (state, expected) => {
    const args = [
      { key: "vm", value: "web01" },
      { key: "state", value: state },
    ];
    expect(render("en", "powerState", args)).toBe(expected);
  });
});

describe("number options", () => {
  it("formats digits in English", () => {
    const args = [
      { key: "datastore", value: "datastore1" },
      { key: "free", value: 12.345 },
    ];
    expect(render("en", "freeSpace", args)).toBe("datastore1 has 12.3% free");
  });

  it("formats digits in German", () => {
    const args = [
      { key: "datastore", value: "datastore1" },
      { key: "free", value: 7 },
    ];
    expect(render("de", "freeSpace", args)).toBe("datastore1 hat 7,0 % frei");
  });
});

describe("dates", () => {
  const time = new Date("2024-03-05T10:00:00Z");

  it("use the session time zone", () => {
    const args = [{ key: "time", value: time }];
    expect(render("en", "started", args, "Asia/Tokyo")).toBe(
      "Started Mar 5, 2024, 7:00 PM",
    );
    expect(render("de", "started", args, "Europe/Berlin")).toBe(
      "Gestartet 5. März 2024, 11:00",
    );
  });

  it("keep an explicit time zone", () => {
    const args = [{ key: "time", value: time }];
    expect(render("en", "startedInNewYork", args, "Asia/Tokyo")).toBe(
      "Started Mar 5, 2024, 5:00 AM",
    );
  });

  it("change the day by time zone", () => {
    const late = [{ key: "time", value: new Date("2024-03-05T20:00:00Z") }];
    expect(render("en", "startedDate", late, "UTC")).toBe(
      "Started on March 5, 2024",
    );
    expect(render("en", "startedDate", late, "Asia/Tokyo")).toBe(
      "Started on March 6, 2024",
    );
  });

  it("take date options", () => {
    const args = [{ key: "time", value: time }];
    expect(render("en", "startedLong", args, "UTC")).toBe(
      "Started March 5, 2024 at 10:00:00 AM",
    );
  });

  it("format without a function like templates", () => {
    const args = [{ key: "time", value: time }];
    expect(render("en", "startedPlain", args, "Asia/Tokyo")).toBe(
      "Started Mar 5, 2024, 7:00:00 PM",
    );
  });

  it("read VI/JSON dateTime values", () => {
    const value = { _typeName: "dateTime", _value: "2024-03-05T10:00:00Z" };
    const args = [{ key: "time", value }];
    expect(render("en", "started", args, "UTC")).toBe(
      "Started Mar 5, 2024, 10:00 AM",
    );
  });
});

describe("arguments", () => {
  it("expose keyed positions as $argN", () => {
    const args = [
      { key: "1", value: "button.cancel" },
      { key: "2", value: "msg.revert" },
    ];
    expect(render("en", "selectToRevert", args)).toBe(
      "Select 'Cancel' to revert",
    );
  });

  it("expose a plain list as $argN", () => {
    expect(render("en", "selectToRevert", ["button.cancel", "later"])).toBe(
      "Select 'Cancel' to later",
    );
  });

  it("look up keys only with :msg", () => {
    expect(render("en", "rawPositional", ["button.cancel"])).toBe(
      "First argument: button.cancel",
    );
  });

  it("read object properties and names", () => {
    const args = [
      { key: "vm", value: { name: "web01" } },
      {
        key: "host",
        value: {
          name: "esx01",
          host: { type: "HostSystem", value: "host-1" },
        },
      },
    ];
    expect(render("en", "vmOnHost", args)).toBe("web01 on esx01");
  });

  it("prefer a dotted key to a property", () => {
    const args = [
      { key: "vm", value: { name: "property" } },
      { key: "vm.name", value: "dotted key" },
      { key: "host", value: "esx01" },
    ];
    expect(render("en", "vmOnHost", args)).toBe("dotted key on esx01");
  });

  it("format lists", () => {
    const args = [{ key: "hosts", value: ["esx01", "esx02"] }];
    expect(render("en", "hosts", args)).toBe("Hosts: esx01, esx02");
  });

  it("read VI/JSON data objects", () => {
    const hosts = { _typeName: "ArrayOfString", _value: ["esx01", "esx02"] };
    expect(render("en", "hosts", [{ key: "hosts", value: hosts }])).toBe(
      "Hosts: esx01, esx02",
    );
    const vm = {
      _typeName: "VmEventArgument",
      name: { _typeName: "string", _value: "web01" },
    };
    const args = [
      { key: "vm", value: vm },
      { key: "host", value: "esx01" },
    ];
    expect(render("en", "vmOnHost", args)).toBe("web01 on esx01");
  });
});

describe("renderer dispatch", () => {
  it("renders {1} lookups of MF2 entries", () => {
    const args = [
      { key: "1", value: "vmCount" },
      { key: "count", value: 2 },
    ];
    expect(render("en", "wrapsCount", args)).toBe(
      "Summary: 2 virtual machines",
    );
  });

  it("renders MF2 task labels and building blocks", () => {
    const session = engine.createSession({ locale: "en", timeZone: "UTC" });
    const task = session.renderTaskInfo(
      {
        key: "task-1",
        descriptionId: "VirtualMachine.powerOn",
        state: "running",
        progress: 40,
        error: {
          fault: { _typeName: "HostNotConnected" },
          localizedMessage: "",
        },
      },
      { strict: true },
    );
    expect(task.name).toBe("Power On virtual machine");
    expect(task.state).toBe("Running");
    expect(task.error).toBe("Unable to contact the specified host");
    expect(task.line).toBe(
      "Power On virtual machine | Running at 40% | error: Unable to contact the specified host",
    );
  });
});
