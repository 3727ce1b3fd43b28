import { beforeAll, describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { mf2Variants } from "../../src/mf2/mf2-summary.js";
import { toBcp47 } from "../../src/locales/locale-tag.js";

/** Counts 0, 1, 2 and 1,000,000 as each shipped locale renders them. */
const EXPECTED: Record<string, string[]> = {
  en: [
    "0 virtual machines",
    "1 virtual machine",
    "2 virtual machines",
    "1,000,000 virtual machines",
  ],
  de: [
    "0 virtuelle Maschinen",
    "1 virtuelle Maschine",
    "2 virtuelle Maschinen",
    "1.000.000 virtuelle Maschinen",
  ],
  fr: [
    "0 machine virtuelle",
    "1 machine virtuelle",
    "2 machines virtuelles",
    "1\u202f000\u202f000 de machines virtuelles",
  ],
  es: [
    "0 m\u00e1quinas virtuales",
    "1 m\u00e1quina virtual",
    "2 m\u00e1quinas virtuales",
    "1.000.000 de m\u00e1quinas virtuales",
  ],
  it: [
    "0 macchine virtuali",
    "1 macchina virtuale",
    "2 macchine virtuali",
    "1.000.000 di macchine virtuali",
  ],
  ja: [
    "\u4eee\u60f3\u30de\u30b7\u30f3 0 \u53f0",
    "\u4eee\u60f3\u30de\u30b7\u30f3 1 \u53f0",
    "\u4eee\u60f3\u30de\u30b7\u30f3 2 \u53f0",
    "\u4eee\u60f3\u30de\u30b7\u30f3 1,000,000 \u53f0",
  ],
  ko: [
    "\uac00\uc0c1 \uc2dc\uc2a4\ud15c 0\uac1c",
    "\uac00\uc0c1 \uc2dc\uc2a4\ud15c 1\uac1c",
    "\uac00\uc0c1 \uc2dc\uc2a4\ud15c 2\uac1c",
    "\uac00\uc0c1 \uc2dc\uc2a4\ud15c 1,000,000\uac1c",
  ],
  zh_CN: [
    "0 \u53f0\u865a\u62df\u673a",
    "1 \u53f0\u865a\u62df\u673a",
    "2 \u53f0\u865a\u62df\u673a",
    "1,000,000 \u53f0\u865a\u62df\u673a",
  ],
  zh_TW: [
    "0 \u90e8\u865b\u64ec\u6a5f\u5668",
    "1 \u90e8\u865b\u64ec\u6a5f\u5668",
    "2 \u90e8\u865b\u64ec\u6a5f\u5668",
    "1,000,000 \u90e8\u865b\u64ec\u6a5f\u5668",
  ],
};

let engine: Locmsg;

beforeAll(async () => {
  engine = await Locmsg.fromDirectory("catalogs", { strict: true });
});

describe("shipped plural messages", () => {
  for (const [locale, expected] of Object.entries(EXPECTED)) {
    it(`counts virtual machines in ${locale}`, () => {
      const session = engine.createSession({ locale });
      const rendered = [0, 1, 2, 1_000_000].map((count) =>
        session.format(
          {
            key: "com.vmware.locmsg.vmCount",
            arg: [{ key: "count", value: count }],
          },
          { strict: true },
        ),
      );
      expect(rendered).toEqual(expected);
    });
  }

  it("use only categories each locale selects", () => {
    for (const locale of engine.catalogs.locales()) {
      const entry = engine.catalogs
        .get(locale, "locmsg")
        ?.entries.get("com.vmware.locmsg.vmCount");
      expect(entry?.mf2, locale).toBeDefined();
      const categories = new Intl.PluralRules(toBcp47(locale)).resolvedOptions()
        .pluralCategories as string[];
      const keys = mf2Variants(entry!).flatMap((variant) =>
        variant.keys.flatMap((key) =>
          key.kind === "literal" ? [key.value] : [],
        ),
      );
      for (const key of keys)
        expect(categories, `${locale} ${key}`).toContain(key);
      // A language with one plural form needs no selector at all.
      if (categories.length === 1) expect(keys).toEqual([]);
    }
  });
});
