import { describe, expect, it } from "vitest";
import { lintFiles } from "./lint-fixtures.js";

const ENUM = 'TaskInfo.State.queued.label: "Queued"\n';

describe("label rules", () => {
  it("label-catalog-missing", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "en/locmsg.yaml": 'state: "State is {field.@enmu.TaskInfo.State}"\n',
    });
    expect(findings).toEqual([
      {
        code: "label-catalog-missing",
        severity: "error",
        file: "en/locmsg.yaml",
        line: 1,
        column: 18,
        key: "state",
        locale: "en",
      },
    ]);
  });

  it("label-prefix-missing", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "en/locmsg.yaml": "state: 'State: {field.@enum.TaskInfo.Stat}'\n",
    });
    expect(findings).toEqual([
      {
        code: "label-prefix-missing",
        severity: "error",
        file: "en/locmsg.yaml",
        line: 1,
        column: 16,
        key: "state",
        locale: "en",
      },
    ]);
  });

  it("prefix must end at a dot", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "en/locmsg.yaml": 'state: "{field.@enum.TaskInfo.Sta}"\n',
    });
    expect(findings.map((f) => f.code)).toEqual(["label-prefix-missing"]);
  });

  it("every use is reported", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "en/locmsg.yaml": 'a: "{x.@nope.A} and {y.@nope.A}"\nb: "{z.@nope.A}"\n',
    });
    expect(findings.map((f) => [f.code, f.line, f.column])).toEqual([
      ["label-catalog-missing", 1, 5],
      ["label-catalog-missing", 1, 21],
      ["label-catalog-missing", 2, 5],
    ]);
  });

  it("labels in another locale count", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "de/enum.yaml":
        'TaskInfo.State.queued.label: "In Warteschlange"\nHost.Mode.on.label: "An"\n',
      "en/locmsg.yaml": 'mode: "Mode {m.@enum.Host.Mode}"\n',
      "de/locmsg.yaml": 'mode: "Modus {m.@enum.Host.Mode}"\n',
    });
    expect(findings.map((f) => f.code)).toEqual(["extra-key"]);
  });

  it("valid lookups stay quiet", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": ENUM,
      "en/locmsg.yaml":
        'a: "{field.@enum.TaskInfo.State}"\nb: "{field.@enum.TaskInfo}"\nc: "{field.@enum}"\n',
    });
    expect(findings).toEqual([]);
  });
});
