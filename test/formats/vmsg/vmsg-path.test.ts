import { describe, expect, it } from "vitest";
import {
  inferVmsgTarget,
  knownVsphereLocale,
} from "../../../src/formats/vmsg/vmsg-path.js";

describe("knownVsphereLocale", () => {
  const cases: [string, string | undefined][] = [
    ["de", "de"],
    ["ja", "ja"],
    ["zh_CN", "zh_CN"],
    ["zh-Hant-TW", "zh_TW"],
    ["fr-ca", "fr_CA"],
    ["toolbox", undefined],
    ["messages", undefined],
    ["l10n", undefined],
    ["xx", undefined],
    ["en_AA", undefined],
    ["", undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${String(expected)}`, () => {
      expect(knownVsphereLocale(input)).toBe(expected);
    });
  }
});

describe("inferVmsgTarget", () => {
  const cases: [string, { locale?: string; catalog?: string }, object][] = [
    ["messages/de/toolbox.vmsg", {}, { locale: "de", catalog: "toolbox" }],
    ["zh_CN/vgauth-cli.vmsg", {}, { locale: "zh_CN", catalog: "vgauth-cli" }],
    ["toolbox.en.vmsg", {}, { locale: "en", catalog: "toolbox" }],
    [
      "fixtures/vgauth-cli.ja.vmsg",
      {},
      { locale: "ja", catalog: "vgauth-cli" },
    ],
    [
      "toolbox/l10n/it.vmsg",
      { catalog: "toolbox" },
      { locale: "it", catalog: "toolbox" },
    ],
    [
      "toolbox.en.vmsg",
      { locale: "fr", catalog: "tools" },
      { locale: "fr", catalog: "tools" },
    ],
    [
      "any/toolbox.vmsg",
      { locale: "de" },
      { locale: "de", catalog: "toolbox" },
    ],
    // Both the folder and the file name a locale: the folder wins.
    ["de/en.vmsg", {}, { locale: "de", catalog: "en" }],
  ];
  for (const [file, given, expected] of cases) {
    it(`${file} ${JSON.stringify(given)}`, () => {
      expect(inferVmsgTarget(file, given)).toEqual({ ok: true, ...expected });
    });
  }

  const failures: [string, { locale?: string; catalog?: string }, RegExp][] = [
    ["l10n/it.vmsg", {}, /named after its locale only.*--catalog NAME/],
    [
      "any/toolbox.vmsg",
      {},
      /cannot tell the locale of any\/toolbox\.vmsg.*--locale L/,
    ],
    ["de/my.catalog.vmsg", {}, /catalog name 'my\.catalog' .* is invalid/],
    ["de/toolbox.vmsg", { catalog: "9lives" }, /catalog name '9lives'/],
  ];
  for (const [file, given, reason] of failures) {
    it(`refuses ${file} ${JSON.stringify(given)}`, () => {
      const inferred = inferVmsgTarget(file, given);
      expect(inferred.ok).toBe(false);
      expect(!inferred.ok && inferred.reason).toMatch(reason);
    });
  }
});
