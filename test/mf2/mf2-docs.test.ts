// The YAML examples of docs/mf2.md load and render as the page describes.
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Locmsg } from "../../src/engine/locmsg.js";
import { formatWithDiagnostics, loadEngine } from "./mf2-catalogs.js";

/** Returns the bodies of the ```yaml blocks of a Markdown text. */
function yamlBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (current === undefined) {
      if (line === "```yaml") current = [];
    } else if (line === "```") {
      blocks.push(current.join("\n") + "\n");
      current = undefined;
    } else {
      current.push(line);
    }
  }
  return blocks;
}

let engine: Locmsg;
let blockCount: number;

beforeAll(async () => {
  const blocks = yamlBlocks(await readFile("docs/mf2.md", "utf8"));
  blockCount = blocks.length;
  engine = await loadEngine({
    "en/locmsg.yaml": [
      ...blocks,
      "button.cancel: Cancel\nmsg.revert: revert\n",
    ].join(""),
    "en/enum.yaml":
      "TaskInfo.State.queued.label: Queued\nTaskInfo.State.running.label: Running\n",
  });
});

function render(key: string, args: unknown[]): string {
  const result = formatWithDiagnostics(engine, "en", key, args);
  expect(result.diagnostics).toEqual([]);
  return result.text;
}

describe("docs/mf2.md examples", () => {
  it("load", () => {
    expect(blockCount).toBe(5);
    expect(engine.catalogs.get("en", "locmsg")?.entries.size).toBe(8);
  });

  it("render the plural", () => {
    const args = [{ key: "count", value: 1000 }];
    expect(render("com.vmware.locmsg.vmCount", args)).toBe(
      "1,000 virtual machines",
    );
  });

  it("render :label", () => {
    const queued = [{ key: "field", value: "queued" }];
    expect(render("com.vmware.locmsg.taskState", queued)).toBe(
      "State is Queued",
    );
    expect(render("com.vmware.locmsg.waiting", queued)).toBe(
      "The task waits in the queue",
    );
    const running = [{ key: "field", value: "running" }];
    expect(render("com.vmware.locmsg.waiting", running)).toBe(
      "The task is Running",
    );
  });

  it("render :msg", () => {
    const args = ["button.cancel", "msg.revert"];
    expect(render("com.vmware.locmsg.selectToRevert", args)).toBe(
      "Select 'Cancel' to revert",
    );
  });

  it("render select and number options", () => {
    const power = [
      { key: "vm", value: "web01" },
      { key: "state", value: "poweredOff" },
    ];
    expect(render("com.vmware.locmsg.vmPowerState", power)).toBe(
      "web01 is powered off",
    );
    const free = [
      { key: "datastore", value: "ds1" },
      { key: "freePercent", value: 3 },
    ];
    expect(render("com.vmware.locmsg.datastoreFreePercent", free)).toBe(
      "Datastore ds1 has 3.0% free space",
    );
  });
});
