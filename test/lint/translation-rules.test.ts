import { describe, expect, it } from "vitest";
import { lintFiles, lintFilesFull } from "./lint-fixtures.js";

const EN_ENUM = 'TaskInfo.State.queued.label: "Queued"\n';
const DE_ENUM = 'TaskInfo.State.queued.label: "In Warteschlange"\n';

describe("translation rules", () => {
  it("clean catalogs report nothing", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": EN_ENUM,
      "de/enum.yaml": DE_ENUM,
      "en/locmsg.yaml":
        'state: "State is {field.@enum.TaskInfo.State}"\nmoved: "{1} on {vm.name}"\nspaced: " Queued "\n',
      "de/locmsg.yaml":
        'state: "Status: {field.@enum.TaskInfo.State}"\nmoved: "{vm.name}: {1}"\nspaced: " In Warteschlange "\n',
    });
    expect(findings).toEqual([]);
  });

  it("missing-key", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B"\n',
      "de/enum.yaml": 'a: "A"\n',
    });
    expect(findings).toEqual([
      {
        code: "missing-key",
        severity: "warning",
        file: "de/enum.yaml",
        key: "b",
        locale: "de",
      },
    ]);
  });

  it("missing-key points at the default entry", async () => {
    const { root, diagnostics } = await lintFilesFull({
      "en/enum.yaml": 'a: "A"\nb: "B"\n',
      "de/enum.yaml": 'a: "A"\n',
    });
    expect(diagnostics[0]?.related).toEqual({
      file: `${root}/en/enum.yaml`,
      line: 2,
      column: 4,
    });
    expect(diagnostics[0]?.catalog).toBe("enum");
  });

  it("compares with every file of a catalog", async () => {
    // enum.yml adds `c` and defines `b` again, and the first definition of `b` wins.
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B {x}"\n',
      "en/enum.yml": 'c: "C"\nb: "B {y}"\n',
      "de/enum.yaml": 'a: "A"\nb: "B {x}"\n',
    });
    expect(findings.map((finding) => [finding.code, finding.key])).toEqual([
      ["missing-key", "c"],
      ["invalid-catalog-path", undefined],
      ["duplicate-key", "b"],
    ]);
  });

  it("missing-catalog-file once per catalog", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B"\nc: "C"\n',
      "en/task.yaml": 'x: "X"\n',
      "de/task.yaml": 'x: "X"\n',
    });
    expect(findings).toEqual([
      {
        code: "missing-catalog-file",
        severity: "warning",
        file: "de",
        locale: "de",
      },
    ]);
  });

  it("empty locale directory misses every catalog", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\n',
      "en/task.yaml": 'x: "X"\n',
      "de/.keep": "",
    });
    expect(findings.map((f) => [f.code, f.file, f.locale])).toEqual([
      ["missing-catalog-file", "de", "de"],
      ["missing-catalog-file", "de", "de"],
    ]);
  });

  it("extra-key", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\n',
      "de/enum.yaml": 'a: "A"\nold: "Alt"\n',
    });
    expect(findings).toEqual([
      {
        code: "extra-key",
        severity: "warning",
        file: "de/enum.yaml",
        line: 2,
        column: 6,
        key: "old",
        locale: "de",
      },
    ]);
  });

  it("extra-key names a key in another normalization", async () => {
    const { diagnostics } = await lintFilesFull({
      "en/enum.yaml": 'caf\u00e9: "A"\n',
      "de/enum.yaml": 'cafe\u0301: "A"\n',
    });
    const extra = diagnostics.find((d) => d.code === "extra-key");
    expect(extra?.message).toContain("differs only in Unicode normalization");
  });

  it("extra-catalog-file", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\n',
      "de/enum.yaml": 'a: "A"\n',
      "de/extra.yaml": 'x: "X"\ny: "Y"\n',
    });
    expect(findings).toEqual([
      {
        code: "extra-catalog-file",
        severity: "warning",
        file: "de/extra.yaml",
        locale: "de",
      },
    ]);
  });

  it("unknown-placeholder", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": 'ip: "IP address is {address}"\n',
      "de/locmsg.yaml": 'ip: "IP-Adresse {address} von {host}"\n',
    });
    expect(findings).toEqual([
      {
        code: "unknown-placeholder",
        severity: "error",
        file: "de/locmsg.yaml",
        line: 1,
        column: 31,
        key: "ip",
        locale: "de",
      },
    ]);
  });

  it("unknown-placeholder for another position", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": "pick: Select '{1}'\n",
      "de/locmsg.yaml": "pick: Wählen Sie '{2}'\n",
    });
    expect(findings.map((f) => [f.code, f.line, f.column])).toEqual([
      ["dropped-placeholder", 1, 7],
      ["unknown-placeholder", 1, 19],
    ]);
  });

  it("dropped-placeholder", async () => {
    const findings = await lintFiles({
      "en/locmsg.yaml": 'moved: "Moved {vm.name} to {host.name}"\n',
      "de/locmsg.yaml": 'moved: "{vm.name} verschoben"\n',
    });
    expect(findings).toEqual([
      {
        code: "dropped-placeholder",
        severity: "warning",
        file: "de/locmsg.yaml",
        line: 1,
        column: 8,
        key: "moved",
        locale: "de",
      },
    ]);
  });

  it("label-lookup-changed", async () => {
    const findings = await lintFiles({
      "en/enum.yaml":
        'TaskInfo.State.queued.label: "Queued"\nTaskReason.user.label: "User"\n',
      "de/enum.yaml":
        'TaskInfo.State.queued.label: "In Warteschlange"\nTaskReason.user.label: "Benutzer"\n',
      "en/locmsg.yaml": 'state: "State is {field.@enum.TaskInfo.State}"\n',
      "de/locmsg.yaml": 'state: "Status: {field.@enum.TaskReason}"\n',
    });
    expect(findings).toEqual([
      {
        code: "label-lookup-changed",
        severity: "error",
        file: "de/locmsg.yaml",
        line: 1,
        column: 17,
        key: "state",
        locale: "de",
      },
    ]);
  });

  it("label-lookup-changed when the label is dropped", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": EN_ENUM,
      "de/enum.yaml": DE_ENUM,
      "en/locmsg.yaml": 'state: "State is {field.@enum.TaskInfo.State}"\n',
      "de/locmsg.yaml": 'state: "Status: {field}"\n',
    });
    expect(findings.map((f) => f.code)).toEqual(["label-lookup-changed"]);
  });

  it("whitespace-mismatch", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "Queued "\nb: "  Running"\nc: "Same"\n',
      "de/enum.yaml": 'a: "In Warteschlange"\nb: "Läuft"\nc: " Gleich "\n',
    });
    expect(findings).toEqual(
      ["a", "b", "c"].map((key, index) => ({
        code: "whitespace-mismatch",
        severity: "warning",
        file: "de/enum.yaml",
        line: index + 1,
        column: 4,
        key,
        locale: "de",
      })),
    );
  });

  it("default-locale-missing", async () => {
    const findings = await lintFiles({ "de/enum.yaml": 'a: "A"\n' });
    expect(findings).toEqual([
      {
        code: "default-locale-missing",
        severity: "error",
        file: "",
        locale: "en",
      },
    ]);
  });

  it("--default-locale picks the base", async () => {
    const files = {
      "de/enum.yaml": 'a: "A"\nb: "B"\n',
      "fr_CA/enum.yaml": 'a: "A"\n',
    };
    const findings = await lintFiles(files, { defaultLocale: "de-DE" });
    expect(findings.map((f) => f.code)).toEqual(["default-locale-missing"]);
    const byDe = await lintFiles(files, { defaultLocale: "DE" });
    expect(byDe).toEqual([
      {
        code: "missing-key",
        severity: "warning",
        file: "fr_CA/enum.yaml",
        key: "b",
        locale: "fr_CA",
      },
    ]);
  });

  it("unparsable translation hides missing keys", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B"\n',
      "de/enum.yaml": 'a: "A\n',
    });
    expect(findings.map((f) => f.code)).toEqual(["yaml-syntax"]);
  });

  it("key with an error is not also missing", async () => {
    const findings = await lintFiles({
      "en/enum.yaml": 'a: "A"\nb: "B {x}"\n',
      "de/enum.yaml": 'a: "A"\nb: "B {x"\n',
    });
    expect(findings).toEqual([
      {
        code: "template-syntax",
        severity: "error",
        file: "de/enum.yaml",
        line: 2,
        column: 7,
        key: "b",
        locale: "de",
      },
    ]);
  });

  it("printf placeholders are text", async () => {
    const findings = await lintFiles({
      "en/toolbox.yaml":
        'device.error: "Unable to connect device %1$s.\\n"\nsize: "%s of %s"\n',
      "it/toolbox.yaml":
        'device.error: "Impossibile connettere il dispositivo %1$s.\\n"\nsize: "%2$s di %1$s"\n',
    });
    expect(findings).toEqual([]);
  });
});
