// Checks that hold for every translated locale under catalogs/: the same keys
// and placeholders as the catalogs they translate, real translations, the
// same vSphere term everywhere in a locale, and the right Chinese script.
import { describe, expect, it } from "vitest";
import {
  CATALOG_NAMES,
  loadCatalogFile,
  PAIRED_CATALOGS,
  placeholdersOf,
  SHIPPED_LOCALES,
  TRANSLATED_LOCALES,
  vsphereEntries,
} from "./catalog-files.js";

type Locale = (typeof SHIPPED_LOCALES)[number];
type TranslatedLocale = Exclude<Locale, "en">;
type CatalogName = (typeof CATALOG_NAMES)[number];

const loaded = new Map<string, Map<string, string>>();

/** Returns a catalog's entries in vSphere syntax (no `!mf2` ones), loaded once. */
function messages(locale: Locale, name: CatalogName): Map<string, string> {
  const cacheKey = `${locale}/${name}`;
  let entries = loaded.get(cacheKey);
  if (!entries) {
    entries = vsphereEntries(loadCatalogFile(locale, name));
    loaded.set(cacheKey, entries);
  }
  return entries;
}

function sortedPlaceholders(message: string): string[] {
  return [...new Set(placeholdersOf(message))].sort();
}

/** Reports whether a message has letters outside its placeholders. */
function hasWords(message: string): boolean {
  return /\p{L}/u.test(message.replace(/\{\{|\}\}|\{[^{}]*\}/g, ""));
}

/**
 * Reports whether a task entry's English text is only its method name, such
 * as `retrieveCustomValues`. The vCenter 6.5 data labels some methods that
 * way, and the translations keep those names, as the German one does.
 */
function isBareMethodName(key: string, english: string): boolean {
  const match = /^\w+\.(\w+)\.(label|summary)$/.exec(key);
  return match !== null && match[1] === english;
}

/**
 * Entries (`catalog/key`) whose translation may equal the English text,
 * besides bare method names. Each one is a word that the language shares
 * with English.
 */
const SAME_AS_ENGLISH: Record<TranslatedLocale, readonly string[]> = {
  // "OK" is the usual button label in German, French, Italian and Japanese
  // user interfaces. The other locales use Aceptar, 확인, 确定 and 確定.
  de: ["locmsg/button.ok"],
  fr: ["locmsg/button.ok"],
  it: ["locmsg/button.ok"],
  ja: ["locmsg/button.ok"],
  // "Error" is also the Spanish word.
  es: ["enum/TaskInfo.State.error.label", "locmsg/locmsg.taskInfo.error"],
  ko: [],
  zh_CN: [],
  zh_TW: [],
};

describe.each(TRANSLATED_LOCALES)("%s catalogs", (locale) => {
  it.each(PAIRED_CATALOGS)("have the English keys of %s in order", (name) => {
    const keys = [...messages(locale, name).keys()];
    expect(keys).toEqual([...messages("en", name).keys()]);
  });

  it("have the German task keys in order", () => {
    const keys = [...messages(locale, "task").keys()];
    expect(keys).toEqual([...messages("de", "task").keys()]);
    expect(keys).toHaveLength(414);
  });

  it.each(CATALOG_NAMES)("keep the English placeholders in %s", (name) => {
    const english = messages("en", name);
    for (const [key, text] of messages(locale, name)) {
      expect(english.has(key), key).toBe(true);
      expect(sortedPlaceholders(text), key).toEqual(
        sortedPlaceholders(english.get(key) ?? ""),
      );
    }
  });

  it.each(CATALOG_NAMES)("have no empty values in %s", (name) => {
    for (const [key, text] of messages(locale, name)) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it.each(CATALOG_NAMES)("translate every value with words in %s", (name) => {
    const english = messages("en", name);
    const allowed = SAME_AS_ENGLISH[locale as TranslatedLocale];
    const untranslated: string[] = [];
    for (const [key, text] of messages(locale, name)) {
      const englishText = english.get(key) ?? "";
      if (text !== englishText || !hasWords(englishText)) continue;
      if (name === "task" && isBareMethodName(key, englishText)) continue;
      if (allowed.includes(`${name}/${key}`)) continue;
      untranslated.push(key);
    }
    expect(untranslated).toEqual([]);
  });

  it("have no stale allowed values", () => {
    for (const entry of SAME_AS_ENGLISH[locale as TranslatedLocale]) {
      const [name, key] = entry.split("/") as [CatalogName, string];
      expect(messages(locale, name).get(key), entry).toBe(
        messages("en", name).get(key),
      );
    }
  });
});

/**
 * A vSphere term: a pattern for it in English and the pattern that every
 * translation of a message with that term must match. Patterns allow plural
 * and inflected forms.
 */
interface Term {
  english: RegExp;
  translated: Record<TranslatedLocale, RegExp>;
}

const TERMS: Record<string, Term> = {
  "virtual machine": {
    english: /virtual machines?/i,
    translated: {
      de: /virtuelle[nr]? Maschinen?/i,
      fr: /machines? virtuelles?/i,
      es: /máquinas? virtual(es)?/i,
      it: /macchin[ae] virtual[ei]/i,
      ja: /仮想マシン/,
      ko: /가상 시스템/,
      zh_CN: /虚拟机/,
      zh_TW: /虛擬機器/,
    },
  },
  host: {
    english: /\bhosts?\b/i,
    translated: {
      de: /host/i,
      fr: /hôtes?/i,
      es: /\bhosts?\b/i,
      it: /\bhost\b/i,
      ja: /ホスト/,
      ko: /호스트/,
      zh_CN: /主机/,
      zh_TW: /主機/,
    },
  },
  datastore: {
    english: /datastores?/i,
    translated: {
      de: /datenspeicher/i,
      fr: /banques? de données/i,
      es: /almac(én|enes) de datos/i,
      it: /datastore/i,
      ja: /データストア/,
      ko: /데이터스토어/,
      zh_CN: /数据存储/,
      zh_TW: /資料存放區/,
    },
  },
  cluster: {
    english: /clusters?\b/i,
    translated: {
      de: /cluster/i,
      fr: /cluster/i,
      es: /clúster/i,
      it: /cluster/i,
      ja: /クラスタ/,
      ko: /클러스터/,
      zh_CN: /集群/,
      zh_TW: /叢集/,
    },
  },
  folder: {
    english: /\bfolders?\b/i,
    translated: {
      de: /ordner/i,
      fr: /dossiers?/i,
      es: /carpetas?/i,
      it: /cartell[ae]/i,
      ja: /フォルダ/,
      ko: /폴더/,
      zh_CN: /文件夹/,
      zh_TW: /資料夾/,
    },
  },
  snapshot: {
    english: /snapshots?/i,
    translated: {
      de: /snapshot/i,
      fr: /snapshot/i,
      es: /snapshot/i,
      it: /snapshot/i,
      ja: /スナップショット/,
      ko: /스냅샷/,
      zh_CN: /快照/,
      zh_TW: /快照/,
    },
  },
  "maintenance mode": {
    english: /maintenance mode/i,
    translated: {
      de: /wartungsmodus/i,
      fr: /mode maintenance/i,
      es: /modo de mantenimiento/i,
      it: /modalità di manutenzione/i,
      ja: /メンテナンス モード/,
      ko: /유지 보수 모드/,
      zh_CN: /维护模式/,
      zh_TW: /維護模式/,
    },
  },
  tag: {
    english: /\btags?\b/i,
    translated: {
      de: /tag/i,
      fr: /balises?/i,
      es: /etiquetas?/i,
      it: /\btag\b/i,
      ja: /タグ/,
      ko: /태그/,
      zh_CN: /标记/,
      zh_TW: /標籤/,
    },
  },
  task: {
    english: /\btasks?\b/i,
    translated: {
      de: /aufgabe/i,
      fr: /tâches?/i,
      es: /tareas?/i,
      it: /attività/i,
      ja: /タスク/,
      ko: /작업/,
      zh_CN: /任务/,
      zh_TW: /工作/,
    },
  },
  "power on": {
    english: /power(ed)? on/i,
    translated: {
      de: /einschalt|eingeschaltet|schaltet .* ein/i,
      fr: /sous tension/i,
      es: /encend|enciend/i,
      it: /accen|acces/i,
      ja: /パワーオン/,
      ko: /전원(을|이)? (켜|켤|켭)/,
      zh_CN: /打开.*电源/,
      zh_TW: /開啟.*電源/,
    },
  },
};

describe.each(TRANSLATED_LOCALES)("%s vSphere terms", (locale) => {
  it.each(Object.keys(TERMS))("translate '%s' the same everywhere", (term) => {
    const { english, translated } = TERMS[term]!;
    const pattern = translated[locale as TranslatedLocale];
    const mismatches: string[] = [];
    for (const name of CATALOG_NAMES) {
      const englishMessages = messages("en", name);
      for (const [key, text] of messages(locale, name)) {
        const englishText = englishMessages.get(key) ?? "";
        if (!english.test(englishText.replace(/\{[^{}]*\}/g, ""))) continue;
        if (!pattern.test(text)) mismatches.push(`${name}/${key}: ${text}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("translated task and state labels", () => {
  const POWER_ON: Record<TranslatedLocale, string> = {
    de: "Virtuelle Maschine einschalten",
    es: "Encender máquina virtual",
    fr: "Mettre la machine virtuelle sous tension",
    it: "Accendi macchina virtuale",
    ja: "仮想マシンのパワーオン",
    ko: "가상 시스템 전원 켜기",
    zh_CN: "打开虚拟机电源",
    zh_TW: "開啟虛擬機器電源",
  };

  /** Labels of the states queued, running, success and error. */
  const STATES: Record<TranslatedLocale, readonly string[]> = {
    de: ["In Warteschlange", "Wird ausgeführt", "Erfolgreich", "Fehler"],
    es: ["En cola", "En ejecución", "Éxito", "Error"],
    fr: ["En file d'attente", "En cours d'exécution", "Succès", "Erreur"],
    it: ["In coda", "In esecuzione", "Riuscita", "Errore"],
    ja: ["待機中", "実行中", "成功", "エラー"],
    ko: ["대기 중", "실행 중", "성공", "오류"],
    zh_CN: ["已排队", "正在运行", "成功", "错误"],
    zh_TW: ["已排入佇列", "正在執行", "成功", "錯誤"],
  };

  it.each(TRANSLATED_LOCALES)("name VirtualMachine.powerOn in %s", (locale) => {
    expect(messages(locale, "task").get("VirtualMachine.powerOn.label")).toBe(
      POWER_ON[locale as TranslatedLocale],
    );
  });

  it.each(TRANSLATED_LOCALES)("name the task states in %s", (locale) => {
    const labels = ["queued", "running", "success", "error"].map((state) =>
      messages(locale, "enum").get(`TaskInfo.State.${state}.label`),
    );
    expect(labels).toEqual(STATES[locale as TranslatedLocale]);
  });
});

describe("Latin-script translations", () => {
  /** Matches any of the words unless a letter adjoins it, ignoring case. */
  const wholeWord = (words: string) =>
    new RegExp(`(?<!\\p{L})(${words})(?!\\p{L})`, "iu");

  /** Words written without their accents, which would mean ASCII-folded text. */
  const FOLDED: Partial<Record<TranslatedLocale, RegExp>> = {
    fr: wholeWord("hote|hotes|tache|taches|donnees|creer|systeme|etat"),
    es: wholeWord("maquina|maquinas|cluster|configuracion|operacion|version"),
    it: wholeWord("modalita|attivita|puo|gia|e stata"),
  };

  it.each(Object.keys(FOLDED))("keep the accents in %s", (locale) => {
    const pattern = FOLDED[locale as TranslatedLocale]!;
    for (const name of CATALOG_NAMES) {
      for (const [key, text] of messages(locale as Locale, name)) {
        expect(text, `${name}/${key}`).not.toMatch(pattern);
      }
    }
  });
});

describe("Chinese scripts", () => {
  /**
   * Simplified and Traditional forms of characters that the catalogs use.
   * zh_CN is written in Simplified and zh_TW in Traditional characters, so
   * neither may contain the other's form.
   */
  const SIMPLIFIED_TRADITIONAL = [
    ["机", "機"],
    ["务", "務"],
    ["储", "儲"],
    ["关", "關"],
    ["开", "開"],
    ["虚", "虛"],
    ["设", "設"],
    ["错", "錯"],
    ["启", "啟"],
    ["报", "報"],
    ["时", "時"],
    ["执", "執"],
    ["删", "刪"],
    ["为", "為"],
    ["据", "據"],
    ["区", "區"],
    ["态", "態"],
    ["载", "載"],
    ["标", "標"],
    ["资", "資"],
    ["连", "連"],
    ["线", "線"],
    ["户", "戶"],
    ["统", "統"],
    ["试", "試"],
  ] as const;

  const SIMPLIFIED = new RegExp(
    `[${SIMPLIFIED_TRADITIONAL.map(([simplified]) => simplified).join("")}]`,
    "u",
  );
  const TRADITIONAL = new RegExp(
    `[${SIMPLIFIED_TRADITIONAL.map(([, traditional]) => traditional).join("")}]`,
    "u",
  );

  it.each(CATALOG_NAMES)("keep Simplified forms out of zh_TW %s", (name) => {
    for (const [key, text] of messages("zh_TW", name)) {
      expect(text, key).not.toMatch(SIMPLIFIED);
    }
  });

  it.each(CATALOG_NAMES)("keep Traditional forms out of zh_CN %s", (name) => {
    for (const [key, text] of messages("zh_CN", name)) {
      expect(text, key).not.toMatch(TRADITIONAL);
    }
  });

  it("use each script's form of the same words", () => {
    expect(messages("zh_CN", "fault").get("ToolsUnavailable.summary")).toBe(
      "无法完成该操作，因为此虚拟机中未运行 VMware Tools",
    );
    expect(messages("zh_TW", "fault").get("ToolsUnavailable.summary")).toBe(
      "無法完成作業，因為此虛擬機器中未執行 VMware Tools",
    );
  });
});
