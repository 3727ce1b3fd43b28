import { describe, it, expect } from "vitest";
import { parse } from "yaml";
import { parseMessage } from "../../src/parse/parse-message.js";
import {
  CATALOG_NAMES,
  loadCatalogFile,
  PAIRED_CATALOGS,
  placeholdersOf,
  SHIPPED_LOCALES,
  TRANSLATED_METHOD_PREFIXES,
  vsphereEntries,
} from "./catalog-files.js";

const SHIPPED = SHIPPED_LOCALES.flatMap((locale) =>
  CATALOG_NAMES.map((name) => [locale, name] as const),
);

/** English text of the locmsg keys that the engine and its tests rely on. */
const REQUIRED_LOCMSG: Record<string, string> = {
  "com.vmware.locmsg.ipAddress": "IP address is {address}",
  "com.vmware.locmsg.selectToRevert": "Select '{1}' to {2}",
  "button.cancel": "Cancel",
  "msg.revert": "revert",
  "com.vmware.locmsg.taskState": "State is {field.@enum.TaskInfo.State}",
  "com.vmware.locmsg.vmPoweredOn":
    "{vm.name} on {host.name} in {datacenter.name} is powered on",
  "com.vmware.locmsg.vmRenamed":
    "Renamed {vm.name} from {oldName} to {newName}",
  "com.vmware.locmsg.taskReason": "Started as {reason.@enum.TaskReason}",
  "com.vmware.locmsg.operationFailed": "Operation '{1}' failed on {entityName}",
  "msg.powerOn": "Power on",
  "msg.snapshot.create": "Create snapshot",
  "com.vmware.locmsg.nested": "{1}: {2}",
  "com.vmware.locmsg.literalBraces": "Use {{name}} to insert a value",
  "locmsg.taskInfo.progress": "{state} {percent}",
  "locmsg.taskInfo.reasonUser": "{reason} ({userName})",
  "locmsg.taskInfo.reasonAlarm": "{reason} ({alarmName})",
  "locmsg.taskInfo.reasonSchedule": "{reason} ({scheduledTaskName})",
  "locmsg.taskInfo.queueTime": "queued {time}",
  "locmsg.taskInfo.startTime": "started {time}",
  "locmsg.taskInfo.completeTime": "completed {time}",
  "locmsg.taskInfo.cancelled": "cancelled",
  "locmsg.taskInfo.error": "error: {error}",
  "locmsg.taskInfo.unknownTask": "Task {key}",
};

function sortedKeys(entries: Map<string, string>): string[] {
  return [...entries.keys()].sort();
}

function sortedPlaceholders(message: string): string[] {
  return [...new Set(placeholdersOf(message))].sort();
}

describe("shipped catalog files", () => {
  for (const [locale, name] of SHIPPED) {
    describe(`${locale}/${name}.yaml`, () => {
      const catalog = loadCatalogFile(locale, name);

      it("starts with a comment header", () => {
        expect(
          catalog.text.startsWith(`# catalogs/${locale}/${name}.yaml: `),
        ).toBe(true);
      });

      it("has only string values under the core schema", () => {
        // `!mf2` is unknown to the core schema, which reads its value as a
        // string; logLevel "error" keeps that warning out of the output.
        const values = parse(catalog.text, { logLevel: "error" }) as Record<
          string,
          unknown
        >;
        for (const [key, value] of Object.entries(values)) {
          expect(typeof value, key).toBe("string");
        }
      });

      it("has only messages that parse", () => {
        for (const [key, text] of vsphereEntries(catalog)) {
          const result = parseMessage(text);
          expect(result.ok ? "" : result.error.message, key).toBe("");
        }
      });
    });
  }
});

describe("de and en key sets", () => {
  for (const name of PAIRED_CATALOGS) {
    it(`match for ${name}`, () => {
      const english = loadCatalogFile("en", name);
      const german = loadCatalogFile("de", name);
      expect(sortedKeys(german.entries)).toEqual(sortedKeys(english.entries));
    });
  }

  it("de/task is a subset of en/task", () => {
    const english = loadCatalogFile("en", "task");
    const german = loadCatalogFile("de", "task");
    const extra = [...german.entries.keys()].filter(
      (key) => !english.entries.has(key),
    );
    expect(extra).toEqual([]);
  });

  it("de/task covers the translated managed object types", () => {
    const english = loadCatalogFile("en", "task");
    const german = loadCatalogFile("de", "task");
    const expected = [...english.entries.keys()].filter((key) =>
      TRANSLATED_METHOD_PREFIXES.some((prefix) => key.startsWith(prefix)),
    );
    const missing = expected.filter((key) => !german.entries.has(key));
    expect(missing).toEqual([]);
    // 207 methods, each with a label and a summary.
    expect(expected).toHaveLength(414);
    expect(expected.length / 2).toBeGreaterThanOrEqual(100);
  });
});

describe("de placeholders", () => {
  for (const name of [...PAIRED_CATALOGS, "task"] as const) {
    it(`match en for ${name}`, () => {
      const english = loadCatalogFile("en", name);
      const german = loadCatalogFile("de", name);
      for (const [key, germanText] of vsphereEntries(german)) {
        const englishText = english.entries.get(key) ?? "";
        expect(sortedPlaceholders(germanText), key).toEqual(
          sortedPlaceholders(englishText),
        );
      }
    });
  }
});

describe("placeholdersOf", () => {
  it("skips doubled braces", () => {
    expect(placeholdersOf("Use {{name}} for {value}")).toEqual(["value"]);
  });

  it("returns every placeholder form", () => {
    expect(
      placeholdersOf("{1} {vm.name} {field.@enum.TaskInfo.State} {{x}}"),
    ).toEqual(["1", "vm.name", "field.@enum.TaskInfo.State"]);
  });
});

describe("locmsg catalogs", () => {
  const english = loadCatalogFile("en", "locmsg");
  const german = loadCatalogFile("de", "locmsg");

  it("have the required English text", () => {
    for (const [key, text] of Object.entries(REQUIRED_LOCMSG)) {
      expect(english.entries.get(key), key).toBe(text);
    }
  });

  it("have at least 10 messages with placeholders", () => {
    const withPlaceholders = [...english.entries.values()].filter(
      (text) => placeholdersOf(text).length > 0,
    );
    expect(withPlaceholders.length).toBeGreaterThanOrEqual(10);
  });

  it("use every substitution form in en", () => {
    const all = [...english.entries.values()];
    expect(all.some((text) => /\{[A-Za-z]\w*\}/.test(text))).toBe(true);
    expect(all.some((text) => /\{\d+\}/.test(text))).toBe(true);
    expect(all.some((text) => /\{\w+\.\w+\}/.test(text))).toBe(true);
    expect(all.some((text) => /\{\w+\.@enum\.[\w.]+\}/.test(text))).toBe(true);
    expect(all.some((text) => text.includes("{{"))).toBe(true);
  });

  it("keep literal braces in de", () => {
    expect(german.entries.get("com.vmware.locmsg.literalBraces")).toContain(
      "{{name}}",
    );
  });
});

describe("German text", () => {
  it("uses umlauts, not ASCII replacements", () => {
    const germanEnum = loadCatalogFile("de", "enum");
    expect(germanEnum.entries.get("TaskInfo.State.running.label")).toBe(
      "Wird ausgeführt",
    );
    const germanTask = loadCatalogFile("de", "task");
    expect(germanTask.entries.get("HostSystem.addTag.label")).toBe(
      "Tag hinzufügen",
    );
    for (const name of ["enum", "fault", "locmsg", "task"] as const) {
      const text = loadCatalogFile("de", name).text;
      expect(text, name).not.toMatch(/\b(fuer|ueber|Loeschen|hinzufuegen)\b/);
    }
  });

  it("translates the required vSphere terms", () => {
    const germanTask = loadCatalogFile("de", "task");
    expect(germanTask.entries.get("VirtualMachine.powerOn.label")).toBe(
      "Virtuelle Maschine einschalten",
    );
    expect(germanTask.entries.get("VirtualMachine.powerOff.label")).toBe(
      "Virtuelle Maschine ausschalten",
    );
    expect(germanTask.entries.get("Folder.createFolder.label")).toBe(
      "Ordner erstellen",
    );
    expect(germanTask.entries.get("Datastore.rename.label")).toBe(
      "Datenspeicher umbenennen",
    );
  });
});

describe("fault catalogs", () => {
  for (const locale of SHIPPED_LOCALES) {
    it(`have plain text in ${locale}`, () => {
      const catalog = loadCatalogFile(locale, "fault");
      expect(catalog.entries.size).toBeGreaterThanOrEqual(25);
      for (const [key, text] of catalog.entries) {
        expect(key).toMatch(/^[A-Z]\w*\.summary$/);
        expect(text, key).not.toMatch(/[{}]/);
      }
    });
  }

  it("have the vSphere wording of well-known faults", () => {
    const english = loadCatalogFile("en", "fault");
    expect(english.entries.get("InvalidArgument.summary")).toBe(
      "A specified parameter was not correct",
    );
    expect(english.entries.get("InvalidLocale.summary")).toBe(
      "Invalid or unknown locale provided",
    );
    expect(english.entries.get("NotAuthenticated.summary")).toBe(
      "The session is not authenticated",
    );
    expect(english.entries.get("InvalidLogin.summary")).toBe(
      "Cannot complete login due to an incorrect user name or password",
    );
  });
});
