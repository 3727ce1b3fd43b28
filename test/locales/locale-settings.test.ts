import { describe, expect, it } from "vitest";
import {
  InvalidLocaleError,
  resolveLocale,
  type LocaleSettings,
} from "../../src/locales/locale-settings.js";

const vcenter: LocaleSettings = {
  defaultLocale: "en",
  messageLocaleList: ["de", "en", "fr", "ja", "ko", "pt", "zh_CN", "zh_TW"],
};

describe("resolveLocale message locale", () => {
  const cases: [string, string][] = [
    ["de_AT", "de"],
    ["de-AT", "de"],
    ["zh-Hant-TW", "zh_TW"],
    ["zh-Hant", "zh_TW"],
    ["zh-HK", "zh_TW"],
    ["zh-TW", "zh_TW"],
    ["zh-Hans", "zh_CN"],
    ["zh-Hans-CN", "zh_CN"],
    ["zh_CN", "zh_CN"],
    ["ZH-cn", "zh_CN"],
    ["pt-BR", "pt"],
    ["fr_CA", "fr"],
    ["ja-JP", "ja"],
    ["sv", "en"],
    ["en-GB", "en"],
  ];
  for (const [requested, messageLocale] of cases) {
    it(`${requested} -> ${messageLocale}`, () => {
      expect(resolveLocale(requested, vcenter).messageLocale).toBe(
        messageLocale,
      );
    });
  }
});

describe("resolveLocale", () => {
  it("uses the default locale when none is given", () => {
    const resolved = resolveLocale(undefined, vcenter);
    expect(resolved.locale).toBe("en");
    expect(resolved.messageLocale).toBe("en");
    expect(resolveLocale("", vcenter).locale).toBe("en");
  });

  it("keeps the requested locale for formatting", () => {
    const resolved = resolveLocale("zh-Hant-TW", vcenter);
    expect(resolved.locale).toBe("zh_TW");
    expect(resolved.formatLocale).toBe("zh-Hant-TW");
  });

  it("builds the chain down to the default", () => {
    expect(resolveLocale("de_AT", vcenter).chain).toEqual(["de", "en"]);
    expect(resolveLocale("en", vcenter).chain).toEqual(["en"]);
  });

  it("falls back through the language", () => {
    const settings = { ...vcenter, messageLocaleList: ["en", "fr", "fr_CA"] };
    expect(resolveLocale("fr-CA", settings).chain).toEqual([
      "fr_CA",
      "fr",
      "en",
    ]);
  });

  it("rejects an invalid locale with InvalidLocale", () => {
    let caught: unknown;
    try {
      resolveLocale("not a locale", vcenter);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidLocaleError);
    const error = caught as InvalidLocaleError;
    expect(error.code).toBe("invalid-locale");
    expect(error.locale).toBe("not a locale");
    expect(error.faultType).toBe("InvalidLocale");
    expect(error.message).toContain("'not a locale'");
  });

  it("rejects a locale Intl cannot format", () => {
    expect(() => resolveLocale("xx", vcenter)).toThrow(InvalidLocaleError);
  });

  it("rejects a locale outside an explicit supported list", () => {
    const settings = { ...vcenter, supportedLocaleList: ["en", "de"] };
    expect(() => resolveLocale("it", settings)).toThrow(/not supported/);
    expect(resolveLocale("de_CH", settings).locale).toBe("de_CH");
    // Catalogs alone do not make a locale supported when a list is given.
    expect(() => resolveLocale("ja", settings)).toThrow(/not supported/);
  });
});
