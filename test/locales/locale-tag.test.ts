import { describe, expect, it } from "vitest";
import {
  normalizeVsphereLocale,
  toBcp47,
  toVsphereLocale,
} from "../../src/locales/locale-tag.js";

describe("toBcp47", () => {
  const cases: [string, string][] = [
    ["zh_CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["ZH_tw", "zh-TW"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["en-us", "en-US"],
    ["de", "de"],
    ["fr_CA", "fr-CA"],
    ["es-419", "es-419"],
  ];
  for (const [input, expected] of cases) {
    it(`normalises ${input}`, () => expect(toBcp47(input)).toBe(expected));
  }

  for (const input of [
    "",
    " ",
    "e",
    "123",
    "en--US",
    "en_",
    "und",
    "x-private",
    "de DE",
    "de_DE.UTF-8",
    "__proto__",
  ]) {
    it(`rejects ${JSON.stringify(input)}`, () =>
      expect(toBcp47(input)).toBeUndefined());
  }
});

describe("toVsphereLocale", () => {
  const cases: [string, string][] = [
    ["zh-CN", "zh_CN"],
    ["zh-Hant-TW", "zh_TW"],
    ["zh-Hant", "zh_TW"],
    ["zh-Hans", "zh_CN"],
    ["de-AT", "de_AT"],
    ["sr-Latn-RS", "sr_RS"],
    ["en", "en"],
  ];
  for (const [input, expected] of cases) {
    it(`writes ${input} as ${expected}`, () =>
      expect(toVsphereLocale(input)).toBe(expected));
  }

  it("normalises any spelling to vSphere form", () => {
    expect(normalizeVsphereLocale("zh-hant-tw")).toBe("zh_TW");
    expect(normalizeVsphereLocale("not a locale")).toBeUndefined();
  });
});
