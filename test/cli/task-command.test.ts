import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { plainSpaces } from "../helpers/spaces.js";

const EXAMPLES = "docs/examples/tasks.json";

describe("locmsg task", () => {
  it("renders the examples in English", async () => {
    const result = await runCli([
      "task",
      EXAMPLES,
      "--locale",
      "en",
      "--time-zone",
      "UTC",
    ]);
    expect(result.code).toBe(0);
    expect(plainSpaces(result.stdout).split("\n")).toEqual([
      "Power On virtual machine | web01 | Running 42% | User task (VSPHERE.LOCAL\\alice) | queued Mar 5, 2024, 10:00:00 AM | started Mar 5, 2024, 10:00:02 AM",
      "Create virtual machine snapshot | State is Queued | db01 | Queued | Scheduled task (Nightly snapshot) | queued Mar 5, 2024, 11:00:00 PM",
      "Enter maintenance mode | esx-01.example.com | Success | System task | queued Mar 5, 2024, 9:00:00 AM | started Mar 5, 2024, 9:00:01 AM | completed Mar 5, 2024, 9:04:30 AM",
      "Remove datastore | datastore1 | Error | Alarm task (Datastore usage on disk) | queued Mar 5, 2024, 8:00:00 AM | started Mar 5, 2024, 8:00:00 AM | completed Mar 5, 2024, 8:00:03 AM | error: The operation is not allowed in the current state",
      "run | Backing up web01 | web01 | Running 7% | User task (backup-service) | queued Mar 5, 2024, 12:00:00 PM | started Mar 5, 2024, 12:00:00 PM",
      "",
    ]);
    expect(result.stderr).toMatch(
      /warning missing-label: no 'com\.example\.backup\.run\.label' in catalog 'task'/,
    );
  });

  it("renders the examples in German", async () => {
    const result = await runCli([
      "task",
      EXAMPLES,
      "--locale",
      "de",
      "--time-zone",
      "Europe/Berlin",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "Virtuelle Maschine einschalten | web01 | Wird ausgeführt 42 % | Benutzeraufgabe (VSPHERE.LOCAL\\alice) | eingereiht 05.03.2024, 11:00:00 | gestartet 05.03.2024, 11:00:02",
      "Snapshot der virtuellen Maschine erstellen | Status: In Warteschlange | db01 | In Warteschlange | Geplante Aufgabe (Nightly snapshot) | eingereiht 06.03.2024, 00:00:00",
      "In den Wartungsmodus wechseln | esx-01.example.com | Erfolgreich | Systemaufgabe | eingereiht 05.03.2024, 10:00:00 | gestartet 05.03.2024, 10:00:01 | abgeschlossen 05.03.2024, 10:04:30",
      "Datenspeicher entfernen | datastore1 | Fehler | Alarmaufgabe (Datastore usage on disk) | eingereiht 05.03.2024, 09:00:00 | gestartet 05.03.2024, 09:00:00 | abgeschlossen 05.03.2024, 09:00:03 | Fehler: Der Vorgang ist im aktuellen Zustand nicht zulässig",
      "run | Backing up web01 | web01 | Wird ausgeführt 7 % | Benutzeraufgabe (backup-service) | eingereiht 05.03.2024, 13:00:00 | gestartet 05.03.2024, 13:00:00",
      "",
    ]);
  });

  it("prints TaskInfo JSON with localized fields", async () => {
    const result = await runCli([
      "task",
      EXAMPLES,
      "--locale",
      "de",
      "--json",
      "--time-zone",
      "UTC",
    ]);
    expect(result.code).toBe(0);
    const tasks = JSON.parse(result.stdout);
    expect(tasks).toHaveLength(5);
    expect(tasks[1].description.message).toBe("Status: In Warteschlange");
    expect(tasks[1].description.key).toBe("com.vmware.locmsg.taskState");
    expect(tasks[3].error.localizedMessage).toBe(
      "Der Vorgang ist im aktuellen Zustand nicht zulässig",
    );
    expect(tasks[0].localized.name).toBe("Virtuelle Maschine einschalten");
    expect(tasks[0].progress).toEqual({ _typeName: "int", _value: 42 });
    expect(tasks[0].localized.progress).toBe("42\u00a0%");
  });

  it("reads a single TaskInfo from stdin", async () => {
    const task = {
      key: "task-9",
      descriptionId: "Folder.createVm",
      state: "queued",
    };
    const result = await runCli(
      ["task", "--locale", "en"],
      JSON.stringify(task),
    );
    expect(result.stdout).toBe("Create virtual machine | Queued\n");
    const json = await runCli(
      ["task", "--locale", "en", "--json"],
      JSON.stringify(task),
    );
    expect(JSON.parse(json.stdout).localized.state).toBe("Queued");
  });

  it("exits 1 with --strict and prints no line", async () => {
    const result = await runCli([
      "task",
      EXAMPLES,
      "--locale",
      "en",
      "--strict",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/missing-label/);
  });

  it("rejects an invalid TaskInfo and names its index", async () => {
    const tasks = [
      { key: "task-1", descriptionId: "Folder.createVm", state: "queued" },
      { key: "task-2", descriptionId: "Folder.createVm", state: "paused" },
    ];
    const result = await runCli(
      ["task", "--locale", "en"],
      JSON.stringify(tasks),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /invalid TaskInfo at index 1: task 'task-2': 'state' is "paused"/,
    );
  });

  it("rejects an unsupported locale", async () => {
    const result = await runCli(["task", EXAMPLES, "--locale", "tlh"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/invalid --locale 'tlh'.*Supported: de, en/);
  });
});

describe("locmsg task --json limits", () => {
  it("rejects input too deep for JSON output", async () => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const task = `{"key":"t","descriptionId":"VirtualMachine.powerOn","state":"queued","description":{"key":"com.vmware.locmsg.ipAddress","arg":[{"key":"address","value":${deep}}]}}`;
    const json = await runCli(["task", "--locale", "en", "--json"], task);
    expect(json.code).toBe(2);
    expect(json.stdout).toBe("");
    expect(json.stderr).toMatch(/nests too deeply to print as JSON/);
    const lines = await runCli(["task", "--locale", "en"], task);
    expect(lines.code).toBe(0);
  });
});
