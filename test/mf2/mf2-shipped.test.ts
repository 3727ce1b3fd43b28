// The MF2 messages of the shipped catalogs, through the library and through
// the built CLI (run `npm run build` first).
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { runCli } from "../helpers/run-cli.js";
import { writeCatalogTree } from "./mf2-catalogs.js";

let engine: Locmsg;

beforeAll(async () => {
  engine = await Locmsg.fromDirectory("catalogs", { strict: true });
});

function render(locale: string, key: string, args: object[]): string {
  const session = engine.createSession({ locale, timeZone: "UTC" });
  return session.format(
    { key: `com.vmware.locmsg.${key}`, arg: args },
    { strict: true },
  );
}

describe("shipped MF2 messages", () => {
  it.each([
    ["en", 1, "1 virtual machine"],
    ["en", 1000, "1,000 virtual machines"],
    ["de", 1, "1 virtuelle Maschine"],
    ["de", 1000, "1.000 virtuelle Maschinen"],
  ])("vmCount %s %d", (locale, count, expected) => {
    expect(render(locale, "vmCount", [{ key: "count", value: count }])).toBe(
      expected,
    );
  });

  it.each([
    ["en", "suspended", "web01 is suspended"],
    ["en", "unknown", "web01 is in power state unknown"],
    ["de", "poweredOn", "web01 ist eingeschaltet"],
    ["de", "unknown", "web01 hat den Energiestatus unknown"],
  ])("vmPowerState %s %s", (locale, state, expected) => {
    const args = [
      { key: "vm", value: { name: "web01" } },
      { key: "state", value: state },
    ];
    expect(render(locale, "vmPowerState", args)).toBe(expected);
  });

  it.each([
    ["en", "Datastore ds1 has 12.5% free space"],
    ["de", "Datenspeicher ds1 hat 12,5 % freien Speicherplatz"],
  ])("datastoreFreePercent %s", (locale, expected) => {
    const args = [
      { key: "datastore", value: { name: "ds1" } },
      { key: "freePercent", value: 12.46 },
    ];
    expect(render(locale, "datastoreFreePercent", args)).toBe(expected);
  });
});

describe("locmsg format with MF2", () => {
  it("renders a plural", async () => {
    const message = {
      key: "com.vmware.locmsg.vmCount",
      arg: [{ key: "count", value: { _typeName: "int", _value: 1000 } }],
    };
    const result = await runCli(
      ["format", "--locale", "de"],
      JSON.stringify(message),
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("1.000 virtuelle Maschinen\n");
    expect(result.code).toBe(0);
  });

  it("reports a missing variable", async () => {
    const root = await writeCatalogTree({
      "en/locmsg.yaml": "# header\ncount: !mf2 '{$count :number} VMs'\n",
    });
    const args = ["format", "--locale", "en", "--catalogs", root];
    const input = JSON.stringify({ key: "count" });
    const file = path.join(root, "en", "locmsg.yaml");

    const lenient = await runCli(args, input);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe("{$count} VMs\n");
    expect(lenient.stderr).toContain(`${file}:2:13: error missing-argument:`);

    const strict = await runCli([...args, "--strict"], input);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toContain(`${file}:2:13: error missing-argument:`);
  });

  it("reports a syntax error", async () => {
    const root = await writeCatalogTree({
      "en/locmsg.yaml":
        "count: !mf2 |-\n  .input {$count :number}\n  {{{$count} VMs}\n",
    });
    const result = await runCli(
      ["format", "--locale", "en", "--catalogs", root, "--strict"],
      JSON.stringify({ key: "count" }),
    );
    const file = path.join(root, "en", "locmsg.yaml");
    expect(result.stderr).toContain(`${file}:3:17: error mf2-syntax:`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });
});
