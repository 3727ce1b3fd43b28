import { describe, expect, it } from "vitest";
import { Locmsg } from "../../src/engine/locmsg.js";
import { InvalidLocaleError } from "../../src/locales/locale-settings.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

const catalogs = buildCatalogs({
  en: {
    locmsg: { hello: "Hello {name}" },
    event: {
      "VmPoweredOnEvent.fullFormat":
        "{vm.name} on {host.name} in {datacenter.name} is powered on",
      "VmPoweredOnEvent.formatOnVm": "Virtual machine is powered on",
      "com.example.backup.done.fullFormat":
        "Backup of {vm.name} done: {message}",
    },
  },
  de: {
    locmsg: { hello: "Hallo {name}" },
    event: {
      "VmPoweredOnEvent.fullFormat":
        "{vm.name} auf {host.name} in {datacenter.name} ist eingeschaltet",
    },
  },
  ja: { locmsg: { hello: "こんにちは {name}" } },
});

const poweredOn = {
  _typeName: "VmPoweredOnEvent",
  vm: { name: "web01" },
  host: { name: "esx-01" },
  datacenter: { name: "DC1" },
  fullFormattedMessage: "server text",
};

describe("Session", () => {
  it("starts in the default locale", () => {
    const session = new Locmsg(catalogs).createSession();
    expect(session.locale).toBe("en");
    expect(session.messageLocale).toBe("en");
  });

  it("changes locale like SetLocale", () => {
    const session = new Locmsg(catalogs).createSession();
    session.setLocale("de-CH");
    expect(session.locale).toBe("de_CH");
    expect(session.messageLocale).toBe("de");
    expect(session.formatLocale).toBe("de-CH");
    expect(
      session.format({ key: "hello", arg: [{ key: "name", value: "Ana" }] }),
    ).toBe("Hallo Ana");
    session.setLocale();
    expect(session.locale).toBe("en");
  });

  it("keeps its locale after an invalid SetLocale", () => {
    const session = new Locmsg(catalogs).createSession({ locale: "ja" });
    expect(() => session.setLocale("??")).toThrow(InvalidLocaleError);
    expect(session.locale).toBe("ja");
    expect(
      session.format({ key: "hello", arg: [{ key: "name", value: "Ana" }] }),
    ).toBe("こんにちは Ana");
  });

  it("honours an explicit default locale", () => {
    const engine = new Locmsg(catalogs, { defaultLocale: "de" });
    const session = engine.createSession({ locale: "sv" });
    expect(session.messageLocale).toBe("de");
    expect(session.localeChain).toEqual(["de"]);
  });

  it("rejects an invalid default locale", () => {
    expect(() => new Locmsg(catalogs, { defaultLocale: "not valid" })).toThrow(
      /defaultLocale contains 'not valid'/,
    );
  });

  it("rejects an unknown time zone", () => {
    const engine = new Locmsg(catalogs);
    expect(() => engine.createSession({ timeZone: "Mars/Base" })).toThrow(
      /unknown time zone 'Mars\/Base'/,
    );
  });
});

describe("formatEvent", () => {
  it("renders fullFormat from the event catalog", () => {
    const session = new Locmsg(catalogs).createSession({ locale: "de" });
    expect(session.formatEvent(poweredOn)).toBe(
      "web01 auf esx-01 in DC1 ist eingeschaltet",
    );
  });

  it("renders another format", () => {
    const session = new Locmsg(catalogs).createSession();
    expect(session.formatEvent(poweredOn, "formatOnVm")).toBe(
      "Virtual machine is powered on",
    );
  });

  it("falls back to fullFormat for a missing format", () => {
    const session = new Locmsg(catalogs).createSession();
    expect(session.formatEvent(poweredOn, "formatOnHost")).toBe(
      "web01 on esx-01 in DC1 is powered on",
    );
  });

  it("renders an EventEx by its eventTypeId", () => {
    const session = new Locmsg(catalogs).createSession();
    const event = {
      _typeName: "EventEx",
      eventTypeId: "com.example.backup.done",
      vm: { name: "db01" },
      message: "3 GB",
    };
    expect(session.formatEvent(event)).toBe("Backup of db01 done: 3 GB");
  });

  it("uses the server's text for an unknown event type", () => {
    const session = new Locmsg(catalogs).createSession();
    expect(
      session.formatEvent({ ...poweredOn, _typeName: "VmUnknownEvent" }),
    ).toBe("server text");
  });

  it("rejects an event without a type", () => {
    const session = new Locmsg(catalogs).createSession();
    expect(() => session.formatEvent({ vm: {} })).toThrow(
      /neither 'eventTypeId' nor '_typeName'/,
    );
  });
});

describe("default locale", () => {
  it("must have catalogs", () => {
    expect(() => new Locmsg(catalogs, { defaultLocale: "fr" })).toThrow(
      /the default locale 'fr' has no catalogs.*choose one of de, en, ja/,
    );
  });
});
