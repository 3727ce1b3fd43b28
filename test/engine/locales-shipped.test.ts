// The engine on the shipped catalogs of every locale: which catalog locale a
// session's locale negotiates to, and how a task line and a number read
// there. The expected texts come from the catalogs plus ICU's date and number
// formats, and were reviewed as text in each language.
import { beforeAll, describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { plainSpaces } from "../helpers/spaces.js";

let engine: Locmsg;

beforeAll(async () => {
  engine = await Locmsg.fromDirectory("catalogs", { strict: true });
});

describe("shipped locales", () => {
  it("load without diagnostics", () => {
    expect(engine.loadDiagnostics).toEqual([]);
  });

  it("are the message locale list", () => {
    expect(engine.settings.messageLocaleList).toEqual([
      "de",
      "en",
      "es",
      "fr",
      "it",
      "ja",
      "ko",
      "zh_CN",
      "zh_TW",
    ]);
  });

  it.each([
    ["zh-Hans", "zh_CN"],
    ["zh-Hans-CN", "zh_CN"],
    ["zh-CN", "zh_CN"],
    ["zh_CN", "zh_CN"],
    ["zh-Hant", "zh_TW"],
    ["zh-HK", "zh_TW"],
    ["zh-TW", "zh_TW"],
    ["zh-Hant-TW", "zh_TW"],
    ["fr-CA", "fr"],
    ["fr_CA", "fr"],
    ["es-419", "es"],
    ["ja-JP", "ja"],
    ["ko-KR", "ko"],
    ["it-CH", "it"],
    ["de-AT", "de"],
  ])("negotiate %s to %s", (requested, messageLocale) => {
    expect(engine.createSession({ locale: requested }).messageLocale).toBe(
      messageLocale,
    );
  });
});

/** A running power-on task, as a vCenter returns it while it runs. */
const POWER_ON_TASK = {
  key: "task-101",
  descriptionId: "VirtualMachine.powerOn",
  entityName: "web01",
  state: "running",
  progress: 42,
  reason: { _typeName: "TaskReasonUser", userName: "alice" },
  queueTime: "2024-03-05T10:00:00Z",
  startTime: "2024-03-05T10:00:02Z",
};

// NOTE: the dates and numbers are ICU 78 output (Node.js 20.20). Other ICU
// versions can differ in details, such as the Korean day period (AM here)
// and the space before an English AM, so a new Node.js may need new texts.
// German, French and Spanish put U+00A0 before "%". Spanish and Italian group
// digits only from five digits on (1234,5 but 20.480).
const TASK_LINES: [string, string][] = [
  [
    "de",
    "Virtuelle Maschine einschalten | web01 | Wird ausgeführt 42\u00a0% | Benutzeraufgabe (alice) | eingereiht 05.03.2024, 10:00:00 | gestartet 05.03.2024, 10:00:02",
  ],
  [
    "en",
    "Power On virtual machine | web01 | Running 42% | User task (alice) | queued Mar 5, 2024, 10:00:00 AM | started Mar 5, 2024, 10:00:02 AM",
  ],
  [
    "es",
    "Encender máquina virtual | web01 | En ejecución 42\u00a0% | Tarea de usuario (alice) | puesta en cola el 5 mar 2024, 10:00:00 | iniciada el 5 mar 2024, 10:00:02",
  ],
  [
    "fr",
    "Mettre la machine virtuelle sous tension | web01 | En cours d'exécution 42\u00a0% | Tâche utilisateur (alice) | mise en file d'attente le 5 mars 2024, 10:00:00 | démarrée le 5 mars 2024, 10:00:02",
  ],
  [
    "it",
    "Accendi macchina virtuale | web01 | In esecuzione 42% | Attività utente (alice) | accodata il 5 mar 2024, 10:00:00 | avviata il 5 mar 2024, 10:00:02",
  ],
  [
    "ja",
    "仮想マシンのパワーオン | web01 | 実行中 42% | ユーザー タスク (alice) | 2024/03/05 10:00:00 にキューに登録 | 2024/03/05 10:00:02 に開始",
  ],
  [
    "ko",
    "가상 시스템 전원 켜기 | web01 | 실행 중 42% | 사용자 작업 (alice) | 2024. 3. 5. AM 10:00:00에 대기열에 추가됨 | 2024. 3. 5. AM 10:00:02에 시작됨",
  ],
  [
    "zh_CN",
    "打开虚拟机电源 | web01 | 正在运行 42% | 用户任务 (alice) | 于 2024年3月5日 10:00:00 排队 | 于 2024年3月5日 10:00:02 启动",
  ],
  [
    "zh_TW",
    "開啟虛擬機器電源 | web01 | 正在執行 42% | 使用者工作 (alice) | 於 2024年3月5日 上午10:00:00 排入佇列 | 於 2024年3月5日 上午10:00:02 啟動",
  ],
];

const FREE_SPACE_MESSAGES: [string, string][] = [
  ["de", "Auf dem Datenspeicher ds1 sind 1.234,5 von 20.480 frei"],
  ["en", "Datastore ds1 has 1,234.5 free of 20,480"],
  ["es", "El almacén de datos ds1 tiene 1234,5 libres de 20.480"],
  ["fr", "La banque de données ds1 dispose de 1 234,5 libres sur 20 480"],
  ["it", "Il datastore ds1 ha 1234,5 liberi su 20.480"],
  ["ja", "データストア ds1 の空き容量は 20,480 中 1,234.5 です"],
  ["ko", "데이터스토어 ds1의 여유 공간은 20,480 중 1,234.5입니다"],
  ["zh_CN", "数据存储 ds1 的可用空间为 1,234.5，总容量为 20,480"],
  ["zh_TW", "資料存放區 ds1 的可用空間為 1,234.5，總容量為 20,480"],
];

const SELECT_TO_REVERT_MESSAGES: [string, string][] = [
  ["de", "Wählen Sie „Abbrechen“, um zurückzusetzen"],
  ["en", "Select 'Cancel' to revert"],
  ["es", "Seleccione «Cancelar» para revertir"],
  ["fr", "Sélectionnez « Annuler » pour rétablir"],
  ["it", "Seleziona «Annulla» per ripristinare"],
  ["ja", "元に戻すには「キャンセル」を選択します"],
  ["ko", "되돌리려면 '취소'을(를) 선택하십시오"],
  ["zh_CN", "选择“取消”以还原"],
  ["zh_TW", "選取「取消」以還原"],
];

describe("rendering in each shipped locale", () => {
  it("covers every locale in each table", () => {
    const locales = engine.settings.messageLocaleList;
    expect(TASK_LINES.map(([locale]) => locale)).toEqual(locales);
    expect(FREE_SPACE_MESSAGES.map(([locale]) => locale)).toEqual(locales);
    expect(SELECT_TO_REVERT_MESSAGES.map(([locale]) => locale)).toEqual(
      locales,
    );
  });

  it.each(TASK_LINES)("renders the task line in %s", (locale, expected) => {
    const session = engine.createSession({ locale, timeZone: "UTC" });
    const task = session.renderTaskInfo(POWER_ON_TASK, { strict: true });
    expect(plainSpaces(task.line)).toBe(expected);
  });

  it.each(FREE_SPACE_MESSAGES)(
    "formats number arguments in %s",
    (locale, expected) => {
      const session = engine.createSession({ locale, timeZone: "UTC" });
      const text = session.format(
        {
          key: "com.vmware.locmsg.datastoreFreeSpace",
          arg: [
            { key: "datastore", value: { name: "ds1" } },
            { key: "freeSpace", value: 1234.5 },
            { key: "capacity", value: 20480 },
          ],
        },
        { strict: true },
      );
      expect(plainSpaces(text)).toBe(expected);
    },
  );

  it.each(SELECT_TO_REVERT_MESSAGES)(
    "inserts positional fragments in %s",
    (locale, expected) => {
      const session = engine.createSession({ locale });
      const text = session.format(
        {
          key: "com.vmware.locmsg.selectToRevert",
          arg: ["button.cancel", "msg.revert"],
        },
        { strict: true },
      );
      expect(text).toBe(expected);
    },
  );

  it("formats dates in each locale's order", () => {
    const line = (locale: string) =>
      engine
        .createSession({ locale, timeZone: "UTC" })
        .renderTaskInfo(POWER_ON_TASK, { strict: true }).line;
    expect(line("ja")).toContain("2024/03/05 10:00:02");
    expect(line("de")).toContain("05.03.2024, 10:00:02");
    expect(line("fr")).toContain("5 mars 2024");
    expect(line("zh_CN")).toContain("2024年3月5日");
  });
});
