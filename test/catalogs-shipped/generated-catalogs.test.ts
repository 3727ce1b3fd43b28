import { describe, it, expect } from "vitest";
import { parse } from "yaml";
import {
  escapeMessageText,
  parseTaskDescription,
  renderCatalogs,
  TASK_DESCRIPTION_SOURCE,
  TASK_REASONS,
  TASK_STATES,
  type TaskDescription,
} from "../../scripts/generate-catalogs.js";
import {
  loadCatalogFile,
  readRepositoryFile,
  TASK_DESCRIPTION_FIXTURE,
} from "./catalog-files.js";

const taskDescription = parseTaskDescription(
  JSON.parse(readRepositoryFile(TASK_DESCRIPTION_FIXTURE)),
);

describe("fixture TaskDescription", () => {
  it("has 1,578 methods, 4 states and 4 reasons", () => {
    expect(taskDescription.methodInfo).toHaveLength(1578);
    expect(taskDescription.state).toHaveLength(4);
    expect(taskDescription.reason).toHaveLength(4);
  });

  it("has no duplicate method keys", () => {
    const keys = taskDescription.methodInfo.map((method) => method.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has no braces in any text", () => {
    for (const method of taskDescription.methodInfo) {
      expect(method.label).not.toMatch(/[{}]/);
      expect(method.summary).not.toMatch(/[{}]/);
    }
  });
});

describe("en/task.yaml", () => {
  const catalog = loadCatalogFile("en", "task");

  it("has every method label exactly", () => {
    for (const method of taskDescription.methodInfo) {
      expect(catalog.entries.get(`${method.key}.label`), method.key).toBe(
        method.label,
      );
    }
  });

  it("has every method summary exactly", () => {
    for (const method of taskDescription.methodInfo) {
      expect(catalog.entries.get(`${method.key}.summary`), method.key).toBe(
        method.summary,
      );
    }
  });

  it("has no other keys", () => {
    expect(catalog.entries.size).toBe(1578 * 2);
  });

  it("keeps trailing spaces of the source", () => {
    expect(
      catalog.entries.get(
        "host.StorageSystem.addInternetScsiStaticTargets.label",
      ),
    ).toBe("Add Internet SCSI static targets ");
  });

  it("lists keys sorted by code unit", () => {
    const keys = [...catalog.entries.keys()];
    // Array.prototype.sort without a comparator compares UTF-16 code units.
    const sorted = [...keys].sort();
    expect(keys).toEqual(sorted);
  });
});

describe("en/enum.yaml", () => {
  const catalog = loadCatalogFile("en", "enum");

  it("has the task state labels exactly", () => {
    expect(catalog.entries.get("TaskInfo.State.queued.label")).toBe("Queued");
    expect(catalog.entries.get("TaskInfo.State.running.label")).toBe("Running");
    expect(catalog.entries.get("TaskInfo.State.success.label")).toBe("Success");
    expect(catalog.entries.get("TaskInfo.State.error.label")).toBe("Error");
  });

  it("has the task reason labels exactly", () => {
    expect(catalog.entries.get("TaskReason.TaskReasonUser.label")).toBe(
      "User task",
    );
    expect(catalog.entries.get("TaskReason.TaskReasonSystem.label")).toBe(
      "System task",
    );
    expect(catalog.entries.get("TaskReason.TaskReasonAlarm.label")).toBe(
      "Alarm task",
    );
    expect(catalog.entries.get("TaskReason.TaskReasonSchedule.label")).toBe(
      "Scheduled task",
    );
  });

  it("matches fixture states and reasons", () => {
    for (const state of taskDescription.state) {
      const prefix = `TaskInfo.State.${state.key}`;
      expect(catalog.entries.get(`${prefix}.label`)).toBe(state.label);
      expect(catalog.entries.get(`${prefix}.summary`)).toBe(state.summary);
    }
    for (const reason of taskDescription.reason) {
      const prefix = `TaskReason.${reason.key}`;
      expect(catalog.entries.get(`${prefix}.label`)).toBe(reason.label);
      expect(catalog.entries.get(`${prefix}.summary`)).toBe(reason.summary);
    }
  });

  it("has no other keys", () => {
    expect(catalog.entries.size).toBe(
      (TASK_STATES.length + TASK_REASONS.length) * 2,
    );
  });
});

describe("renderCatalogs", () => {
  const rendered = renderCatalogs(taskDescription);

  it("renders exactly the two generated files", () => {
    expect([...rendered.keys()]).toEqual([
      "catalogs/en/enum.yaml",
      "catalogs/en/task.yaml",
    ]);
  });

  it("matches the committed files", () => {
    for (const [file, text] of rendered) {
      // A failure here means a generated file was edited by hand, or the
      // generator changed: run `npx tsx scripts/generate-catalogs.ts`.
      expect(readRepositoryFile(file), file).toBe(text);
    }
  });

  it("writes source and licence header", () => {
    for (const [file, text] of rendered) {
      const header = text.split("\n").slice(0, 7).join("\n");
      expect(header, file).toContain("scripts/generate-catalogs.ts");
      expect(header, file).toContain(TASK_DESCRIPTION_SOURCE.repository);
      expect(header, file).toContain(TASK_DESCRIPTION_SOURCE.path);
      expect(header, file).toContain(TASK_DESCRIPTION_SOURCE.commit);
      expect(header, file).toContain("Licence: Apache-2.0");
    }
  });

  it("quotes values that look like scalars", () => {
    const input: TaskDescription = {
      ...taskDescription,
      methodInfo: [
        { key: "Test.yes", label: "true", summary: "1.0" },
        { key: "Test.null", label: "null", summary: "~" },
      ],
    };
    // The default YAML 1.2 core schema reads unquoted `true` as a boolean.
    const parsed = parse(
      renderCatalogs(input).get("catalogs/en/task.yaml") ?? "",
    ) as Record<string, unknown>;
    expect(parsed["Test.yes.label"]).toBe("true");
    expect(parsed["Test.yes.summary"]).toBe("1.0");
    expect(parsed["Test.null.label"]).toBe("null");
    expect(parsed["Test.null.summary"]).toBe("~");
  });

  it("doubles braces in source text", () => {
    const input: TaskDescription = {
      ...taskDescription,
      methodInfo: [{ key: "Test.braces", label: "{a}", summary: "x } y" }],
    };
    const parsed = parse(
      renderCatalogs(input).get("catalogs/en/task.yaml") ?? "",
    ) as Record<string, string>;
    expect(parsed["Test.braces.label"]).toBe("{{a}}");
    expect(parsed["Test.braces.summary"]).toBe("x }} y");
  });

  it("keeps one copy of an identical duplicate", () => {
    const method = { key: "Test.twice", label: "Twice", summary: "Twice" };
    const input: TaskDescription = {
      ...taskDescription,
      methodInfo: [method, { ...method }],
    };
    const text = renderCatalogs(input).get("catalogs/en/task.yaml") ?? "";
    expect(text.match(/^Test\.twice\.label:/gm)).toHaveLength(1);
  });

  it("rejects a duplicate key with different text", () => {
    const input: TaskDescription = {
      ...taskDescription,
      methodInfo: [
        { key: "Test.twice", label: "One", summary: "One" },
        { key: "Test.twice", label: "Two", summary: "Two" },
      ],
    };
    expect(() => renderCatalogs(input)).toThrow(/'Test\.twice' twice/);
  });

  it("rejects a missing task state", () => {
    const input: TaskDescription = {
      ...taskDescription,
      state: taskDescription.state.filter((state) => state.key !== "error"),
    };
    expect(() => renderCatalogs(input)).toThrow(
      /state has no entry for 'error'/,
    );
  });

  it("rejects an unknown task reason", () => {
    const input: TaskDescription = {
      ...taskDescription,
      reason: [
        ...taskDescription.reason,
        { key: "TaskReasonOther", label: "Other", summary: "Other" },
      ],
    };
    expect(() => renderCatalogs(input)).toThrow(
      /unexpected keys: TaskReasonOther/,
    );
  });
});

describe("parseTaskDescription", () => {
  it("rejects a non-object value", () => {
    expect(() => parseTaskDescription([])).toThrow(/expected a JSON object/);
  });

  it("rejects a missing list", () => {
    expect(() => parseTaskDescription({ methodInfo: [], state: [] })).toThrow(
      /'reason' is missing/,
    );
  });

  it("rejects an entry without a label", () => {
    const json = {
      methodInfo: [{ key: "A.b", summary: "S" }],
      state: [],
      reason: [],
    };
    expect(() => parseTaskDescription(json)).toThrow(
      /methodInfo\[0\] \('A\.b'\)/,
    );
  });
});
