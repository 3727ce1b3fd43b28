// The browser's locale negotiation gives the server's message locale for
// the shipped locales and for catalogs with several regions of a language.
import { describe, expect, it } from "vitest";
import {
  matchMessageLocale,
  messageLocaleChain,
} from "../../src/browser/negotiate.js";
import { computeLanguageMatches } from "../../src/bundle/language-matches.js";
import {
  messageLocaleChain as serverChain,
  negotiateMessageLocale,
} from "../../src/locales/negotiate.js";

const REQUESTS = [
  "en",
  "en-US",
  "en-GB",
  "en-AU",
  "en-IN",
  "de",
  "de-AT",
  "de-CH",
  "de_LI",
  "gsw",
  "gsw-CH",
  "lb",
  "rm",
  "fr",
  "fr-CA",
  "fr_BE",
  "br",
  "oc",
  "es",
  "es-419",
  "es-MX",
  "ca",
  "gl",
  "eu",
  "it",
  "it-CH",
  "la",
  "ja",
  "ja-JP",
  "ko",
  "ko-KR",
  "zh",
  "zh-CN",
  "zh-Hans",
  "zh-Hans-SG",
  "zh-SG",
  "zh-TW",
  "zh-Hant",
  "zh-HK",
  "zh-MO",
  "zh_hk",
  "yue",
  "yue-Hans",
  "wuu",
  "pt",
  "pt-BR",
  "nl",
  "nb",
  "sv",
  "ru",
  "uk",
  "ar",
  "he",
  "iw",
  "hi",
  "tr",
  "pl",
  "cs",
  "sr-Latn",
  "sr",
  "af",
  "sw",
  "haw",
  "und-DE",
];

function compare(locales: string[], defaultLocale: string) {
  const manifest = {
    locales,
    defaultLocale,
    languageMatches: computeLanguageMatches(locales, defaultLocale),
  };
  for (const request of REQUESTS) {
    if (request.startsWith("und")) continue;
    const server = negotiateMessageLocale(request, locales, defaultLocale);
    expect(matchMessageLocale(request, manifest), request).toBe(server);
    expect(messageLocaleChain(server, manifest)).toEqual(
      serverChain(server, locales, defaultLocale),
    );
  }
}

describe("browser negotiation", () => {
  it("matches the shipped locales", () => {
    compare(["de", "en", "es", "fr", "it", "ja", "ko", "zh_CN", "zh_TW"], "en");
  });

  it("matches regional catalogs", () => {
    compare(["en", "en_GB", "de", "de_CH", "pt_BR", "zh_TW"], "en");
  });

  it("matches another default", () => {
    compare(["de", "en", "fr"], "de");
  });

  it("finds languages CLDR cannot maximize", () => {
    const locales = ["en", "qaa", "tlh", "xx"];
    const manifest = {
      locales,
      defaultLocale: "en",
      languageMatches: computeLanguageMatches(locales, "en"),
    };
    for (const request of ["tlh", "qaa", "xx", "xx-Fake"]) {
      expect(matchMessageLocale(request, manifest), request).toBe(
        negotiateMessageLocale(request, locales, "en"),
      );
    }
    expect(matchMessageLocale("tlh", manifest)).toBe("tlh");
  });
});
