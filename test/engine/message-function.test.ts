// Session.message: the function follows the session's locale and the
// engine's catalogs, and treats options and bad input as format does.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { LocmsgError } from "../../src/diagnostics/diagnostic.js";
import { Locmsg } from "../../src/engine/locmsg.js";
import { buildCatalogs } from "../helpers/build-catalogs.js";

function engine(diagnostics: Diagnostic[] = []): Locmsg {
  return new Locmsg(
    buildCatalogs({
      en: {
        locmsg: {
          greeting: "Hello {name}",
          lookup: "[{1}] [{2}]",
          text: "Plain text",
        },
      },
      de: { locmsg: { greeting: "Hallo {name}" } },
    }),
    { onDiagnostic: (diagnostic) => diagnostics.push(diagnostic) },
  );
}

describe("Session.message", () => {
  it("renders named arguments", () => {
    const session = engine().createSession({ locale: "en" });
    expect(session.message("greeting")({ name: "Ana" })).toBe("Hello Ana");
  });

  it("renders a message without placeholders", () => {
    const session = engine().createSession({ locale: "en" });
    expect(session.message("text")()).toBe("Plain text");
  });

  it("renders positional arguments from an array", () => {
    const session = engine().createSession({ locale: "en" });
    expect(session.message("lookup")(["text", "Save"])).toBe(
      "[Plain text] [Save]",
    );
  });

  it("renders an object with a null prototype", () => {
    const session = engine().createSession({ locale: "en" });
    const args = Object.assign(Object.create(null), { name: "Ana" });
    expect(session.message("greeting")(args)).toBe("Hello Ana");
  });

  it("reads inherited enumerable properties", () => {
    const session = engine().createSession({ locale: "en" });
    const args = Object.create({ name: "Ana" }) as object;
    expect(session.message("greeting")(args)).toBe("Hello Ana");
    expect(session.message("greeting")(args, {})).toBe("Hello Ana");
  });

  it("reads own properties of a class instance", () => {
    const diagnostics: Diagnostic[] = [];
    const session = engine(diagnostics).createSession({ locale: "en" });
    class Person {
      get name(): string {
        return "from a getter";
      }
    }
    expect(session.message("greeting")(new Person())).toBe("Hello {name}");
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "missing-argument",
    ]);
  });

  it("follows setLocale", () => {
    const session = engine().createSession({ locale: "en" });
    const greeting = session.message("greeting");
    expect(greeting({ name: "Ana" })).toBe("Hello Ana");
    session.setLocale("de");
    expect(greeting({ name: "Ana" })).toBe("Hallo Ana");
  });

  it("follows catalogs changed in place", () => {
    const catalogs = buildCatalogs({
      en: { locmsg: { greeting: "Hello {name}" } },
    });
    const session = new Locmsg(catalogs).createSession({ locale: "en" });
    const greeting = session.message("greeting");
    expect(greeting({ name: "Ana" })).toBe("Hello Ana");
    const replacement = buildCatalogs({
      en: { locmsg: { greeting: "Hi {name}" } },
    });
    catalogs.add(replacement.get("en", "locmsg")!);
    expect(greeting({ name: "Ana" })).toBe("Hi Ana");
  });

  it("follows Locmsg.reload", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-message-fn-"));
    await mkdir(path.join(dir, "en"));
    await writeFile(
      path.join(dir, "en", "locmsg.yaml"),
      'greeting: "Hello {name}"\n',
    );
    const reloading = await Locmsg.fromDirectory(dir);
    const greeting = reloading
      .createSession({ locale: "en" })
      .message("greeting");
    expect(greeting({ name: "Ana" })).toBe("Hello Ana");
    await writeFile(
      path.join(dir, "en", "locmsg.yaml"),
      'greeting: "Hey {name}"\n',
    );
    expect((await reloading.reload()).replaced).toBe(true);
    expect(greeting({ name: "Ana" })).toBe("Hey Ana");
  });

  it("reports a missing argument like format", () => {
    const diagnostics: Diagnostic[] = [];
    const session = engine(diagnostics).createSession({ locale: "en" });
    expect(session.message("greeting")({})).toBe("Hello {name}");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("missing-argument");
  });

  it("reports an unknown key like format", () => {
    const diagnostics: Diagnostic[] = [];
    const session = engine(diagnostics).createSession({ locale: "en" });
    expect(session.message("nothing")({ a: 1 })).toBe("nothing (a = 1)");
    expect(diagnostics[0]!.code).toBe("missing-message");
  });

  it("throws in strict mode from per-call options", () => {
    const session = engine().createSession({ locale: "en" });
    expect(() => session.message("greeting")({}, { strict: true })).toThrow(
      LocmsgError,
    );
  });

  it("rejects a key that is not a string", () => {
    const session = engine().createSession({ locale: "en" });
    expect(() => session.message(42 as unknown as string)).toThrow(
      /the message key must be a string .* not 42/,
    );
  });

  it("rejects arguments that are not an object", () => {
    const session = engine().createSession({ locale: "en" });
    expect(() =>
      session.message("greeting")("Ana" as unknown as object),
    ).toThrow(
      /the arguments must be an object of named arguments or an array of values, not Ana/,
    );
  });

  it("turns a throwing getter into invalid-input", () => {
    const session = engine().createSession({ locale: "en" });
    const args = {
      get name(): string {
        throw new Error("boom");
      },
    };
    let caught: unknown;
    try {
      session.message("greeting")(args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LocmsgError);
    expect((caught as LocmsgError).diagnostics[0]!.code).toBe("invalid-input");
    expect((caught as LocmsgError).message).toContain("boom");
  });
});

describe("Session.message edge cases", () => {
  it("turns a revoked Proxy into invalid-input", () => {
    const session = engine().createSession({ locale: "en" });
    const { proxy, revoke } = Proxy.revocable({ name: "Ana" }, {});
    revoke();
    let caught: unknown;
    try {
      session.message("greeting")(proxy);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LocmsgError);
    expect((caught as LocmsgError).diagnostics[0]!.code).toBe("invalid-input");
  });

  it("keeps 0 and a rounded -0 apart in :integer", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "locmsg-message-fn-"));
    await mkdir(path.join(dir, "en"));
    await writeFile(
      path.join(dir, "en", "locmsg.yaml"),
      "items: !mf2 |-\n  .input {$n :integer}\n  {{{$n} items}}\n",
    );
    const session = (await Locmsg.fromDirectory(dir)).createSession({
      locale: "en",
    });
    const items = session.message("items");
    for (const n of [-0.4, 0, -0.4, 0]) {
      expect(items({ n })).toBe(
        session.format({ key: "items", arg: [{ key: "n", value: n }] }, {}),
      );
    }
    expect(items({ n: 0 })).toBe("0 items");
    expect(items({ n: -0.4 })).toBe("-0 items");
  });
});

describe("Session.message re-entrant calls", () => {
  it("reads each nested getter once", () => {
    const session = engine().createSession({ locale: "en" });
    const greeting = session.message("greeting");
    let reads = 0;
    const level = (depth: number): object => ({
      get name(): string {
        reads++;
        if (depth >= 20) throw new Error("innermost");
        return greeting(level(depth + 1));
      },
    });
    expect(() => greeting(level(0))).toThrow(/innermost/);
    // Once per level: a getter that throws is not read again.
    expect(reads).toBe(21);
  });

  it("finishes a render whose handler calls setLocale", () => {
    let session: ReturnType<Locmsg["createSession"]> | undefined;
    const locmsg = new Locmsg(engine().catalogs, {
      onDiagnostic: () => session!.setLocale("de"),
    });
    session = locmsg.createSession({ locale: "en" });
    expect(session.format({ key: "lookup", arg: [] })).toBe("[{1}] [{2}]");
    expect(session.message("greeting")({ name: "Ana" })).toBe("Hallo Ana");
  });

  it("is not a constructor", () => {
    const greeting = engine().createSession().message("greeting");
    const construct = greeting as unknown as new (args: object) => unknown;
    expect(() => new construct({ name: "Ana" })).toThrow(TypeError);
  });
});
