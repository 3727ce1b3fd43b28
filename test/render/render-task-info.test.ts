import { describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import {
  humanizeTypeName,
  lastSegment,
} from "../../src/render/render-task-info.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";
import { plainSpaces } from "../helpers/spaces.js";

const catalogs = buildCatalogs({
  en: {
    task: {
      "VirtualMachine.powerOn.label": "Power On virtual machine",
      "VirtualMachine.powerOn.summary": "Power On this virtual machine",
      "host.PatchManager.Check.summary": "Check for patches",
    },
    enum: {
      "TaskInfo.State.running.label": "Running",
      "TaskInfo.State.running.summary": "Task is in progress",
      "TaskInfo.State.error.label": "Error",
      "TaskInfo.State.error.summary": "Task completed with a failure",
      "TaskInfo.State.queued.label": "Queued",
      "TaskInfo.State.queued.summary": "Task is queued",
      "TaskReason.TaskReasonUser.label": "User task",
      "TaskReason.TaskReasonSystem.label": "System task",
    },
    fault: {
      "InvalidState.summary":
        "The operation is not allowed in the current state.",
    },
    locmsg: { "com.vmware.locmsg.ipAddress": "IP address is {address}" },
  },
  de: {
    task: { "VirtualMachine.powerOn.label": "Virtuelle Maschine einschalten" },
    enum: {
      "TaskInfo.State.running.label": "Wird ausgeführt",
      "TaskReason.TaskReasonUser.label": "Benutzeraufgabe",
    },
    locmsg: {
      "com.vmware.locmsg.ipAddress": "IP-Adresse ist {address}",
      "locmsg.taskInfo.progress": "{state} ({percent})",
      "locmsg.taskInfo.startTime": "gestartet {time}",
      "locmsg.taskInfo.queueTime": "in Warteschlange {time}",
    },
  },
});

const running = {
  _typeName: "TaskInfo",
  key: "task-1",
  descriptionId: "VirtualMachine.powerOn",
  entityName: "web01",
  state: "running",
  progress: { _typeName: "int", _value: 42 },
  reason: { _typeName: "TaskReasonUser", userName: "alice" },
  description: {
    key: "com.vmware.locmsg.ipAddress",
    arg: [{ key: "address", value: "10.0.0.1" }],
  },
  queueTime: { _typeName: "dateTime", _value: "2024-03-05T10:00:00Z" },
  startTime: "2024-03-05T10:00:02Z",
};

function session(locale: string) {
  return new Locmsg(catalogs).createSession({ locale, timeZone: "UTC" });
}

describe("renderTaskInfo", () => {
  it("renders every field in English", () => {
    const task = plainSpaces(session("en").renderTaskInfo(running));
    expect(task).toMatchObject({
      key: "task-1",
      name: "Power On virtual machine",
      summary: "Power On this virtual machine",
      description: "IP address is 10.0.0.1",
      entityName: "web01",
      state: "Running",
      stateSummary: "Task is in progress",
      reason: "User task (alice)",
      progress: "42%",
      queueTime: "Mar 5, 2024, 10:00:00 AM",
      startTime: "Mar 5, 2024, 10:00:02 AM",
      cancelled: false,
    });
    expect(task.line).toBe(
      "Power On virtual machine | IP address is 10.0.0.1 | web01 | Running 42% | User task (alice) | queued Mar 5, 2024, 10:00:00 AM | started Mar 5, 2024, 10:00:02 AM",
    );
  });

  it("renders in German with per-key fallback", () => {
    const task = session("de").renderTaskInfo(running);
    expect(task.name).toBe("Virtuelle Maschine einschalten");
    expect(task.summary).toBe("Power On this virtual machine");
    expect(task.state).toBe("Wird ausgeführt");
    expect(task.progress).toBe("42\u00a0%");
    expect(task.line).toBe(
      "Virtuelle Maschine einschalten | IP-Adresse ist 10.0.0.1 | web01 | Wird ausgeführt (42\u00a0%) | Benutzeraufgabe (alice) | in Warteschlange 05.03.2024, 10:00:00 | gestartet 05.03.2024, 10:00:02",
    );
  });

  it("falls back to the last key segment per field", () => {
    const diagnostics: Diagnostic[] = [];
    const task = session("en").renderTaskInfo(
      {
        key: "task-2",
        descriptionId: "host.PatchManager.Check",
        state: "queued",
      },
      { onDiagnostic: (d) => diagnostics.push(d) },
    );
    expect(task.name).toBe("Check");
    expect(task.summary).toBe("Check for patches");
    expect(diagnostics.map((d) => [d.code, d.key])).toEqual([
      ["missing-label", "host.PatchManager.Check.label"],
    ]);
  });

  it("shows progress only while running", () => {
    const task = session("en").renderTaskInfo({
      ...running,
      state: "queued",
      progress: 10,
    });
    expect(task.progress).toBeUndefined();
  });

  it("uses the error's localizedMessage", () => {
    const task = session("en").renderTaskInfo({
      key: "task-3",
      descriptionId: "VirtualMachine.powerOn",
      state: "error",
      error: {
        fault: { _typeName: "InvalidState" },
        localizedMessage: "The VM is locked.",
      },
    });
    expect(task.error).toBe("The VM is locked.");
    expect(task.line).toBe(
      "Power On virtual machine | Error | error: The VM is locked.",
    );
  });

  it("derives the error from the fault type when the message is empty", () => {
    const render = (typeName: string) =>
      session("de").renderTaskInfo({
        key: "task-4",
        descriptionId: "VirtualMachine.powerOn",
        state: "error",
        error: { fault: { _typeName: typeName }, localizedMessage: "" },
      }).error;
    expect(render("InvalidState")).toBe(
      "The operation is not allowed in the current state.",
    );
    expect(render("HostNotConnected")).toBe("Host not connected");
  });

  it("shows a reason without a user as its label", () => {
    const task = session("en").renderTaskInfo({
      ...running,
      reason: { _typeName: "TaskReasonSystem" },
    });
    expect(task.reason).toBe("System task");
  });

  it("marks a cancelled task", () => {
    const task = session("en").renderTaskInfo({
      key: "task-5",
      descriptionId: "VirtualMachine.powerOn",
      state: "error",
      cancelled: true,
    });
    expect(task.line).toBe("Power On virtual machine | Error | cancelled");
  });

  it("rejects a TaskInfo without a valid state", () => {
    expect(() =>
      session("en").renderTaskInfo({
        key: "t",
        descriptionId: "x",
        state: "paused",
      }),
    ).toThrow(
      /'state' is "paused"; use one of queued, running, success, error/,
    );
  });

  it("rejects an invalid time", () => {
    expect(() =>
      session("en").renderTaskInfo({ ...running, queueTime: "yesterday" }),
    ).toThrow(/queueTime/);
  });
});

describe("task helpers", () => {
  it("takes the last key segment", () => {
    expect(lastSegment("host.PatchManager.Check")).toBe("Check");
    expect(lastSegment("plain")).toBe("plain");
  });

  it("turns fault types into words", () => {
    expect(humanizeTypeName("InvalidArgument")).toBe("Invalid argument");
    expect(humanizeTypeName("vim.fault.NoPermission")).toBe("No permission");
    expect(humanizeTypeName("HostConfigFailed")).toBe("Host config failed");
    expect(humanizeTypeName("VAppConfigFault")).toBe("VApp config fault");
  });
});
