/**
 * Writes a large generated catalog folder for the compile and lint
 * benchmarks: the same keys in `en` and `de`, spread over catalog files of
 * 10,000 messages, with the placeholder mix of real vSphere catalogs and an
 * `enum` catalog that every label lookup resolves in. One message in a
 * hundred is an MF2 plural message; like the shipped catalogs, which keep
 * their MF2 messages in locmsg.yaml, they sit in a catalog of their own
 * (`plurals`), so the other files are flat double-quoted YAML.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Messages per generated catalog file. */
const MESSAGES_PER_FILE = 10_000;

/** One message in both locales; `n` makes each key and text distinct. */
interface Template {
  en: (n: number) => string;
  de: (n: number) => string;
}

// Shares follow the shipped locmsg catalog: mostly named arguments and
// property paths, some positional lookups, label lookups and plain text.
const TEMPLATES: Template[] = [
  {
    en: (n) => `Virtual machine {vmName} was created on host {hostName} (${n})`,
    de: (n) =>
      `Virtuelle Maschine {vmName} wurde auf Host {hostName} erstellt (${n})`,
  },
  {
    en: (n) => `IP address {address} is assigned to adapter ${n}`,
    de: (n) => `IP-Adresse {address} ist Adapter ${n} zugewiesen`,
  },
  {
    en: (n) =>
      `{vm.name} on {host.name} in {datacenter.name} changed state (${n})`,
    de: (n) =>
      `{vm.name} auf {host.name} in {datacenter.name} hat den Status geändert (${n})`,
  },
  {
    en: (n) =>
      `Migrated {vm.name} from {sourceHost.name} to {host.name} (${n})`,
    de: (n) => `{vm.name} von {sourceHost.name} zu {host.name} migriert (${n})`,
  },
  {
    en: (n) => `Select '{1}' to {2} item ${n}`,
    de: (n) => `Wählen Sie „{1}“, um Element ${n} {2}`,
  },
  {
    en: (n) => `Task ${n}: {state.@enum.TaskInfo.State}`,
    de: (n) => `Aufgabe ${n}: {state.@enum.TaskInfo.State}`,
  },
  {
    en: (n) =>
      `Datastore {datastore.name} has {freeSpace} free of {capacity} (${n})`,
    de: (n) =>
      `Datenspeicher {datastore.name} hat {freeSpace} von {capacity} frei (${n})`,
  },
  {
    en: (n) => `User {userName}@{ipAddress} logged in to session ${n}`,
    de: (n) =>
      `Benutzer {userName}@{ipAddress} hat sich bei Sitzung ${n} angemeldet`,
  },
  {
    en: (n) => `Operation ${n} completed`,
    de: (n) => `Vorgang ${n} abgeschlossen`,
  },
  {
    en: (n) => `Reconfigure virtual machine ${n}`,
    de: (n) => `Virtuelle Maschine ${n} neu konfigurieren`,
  },
];

/** One in this many messages is an MF2 plural message instead of a template. */
const MF2_EVERY = 100;

const MF2 = {
  en: (n: number) =>
    `.input {$count :number}\n.match $count\none {{{$count} snapshot in group ${n}}}\n* {{{$count} snapshots in group ${n}}}`,
  de: (n: number) =>
    `.input {$count :number}\n.match $count\none {{{$count} Snapshot in Gruppe ${n}}}\n* {{{$count} Snapshots in Gruppe ${n}}}`,
};

const ENUM = {
  en: {
    queued: "Queued",
    running: "Running",
    success: "Success",
    error: "Error",
  },
  de: {
    queued: "In Warteschlange",
    running: "Wird ausgeführt",
    success: "Erfolgreich",
    error: "Fehler",
  },
};

/** A YAML double-quoted scalar; JSON escapes are valid YAML escapes. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** An MF2 message as a YAML literal block under its key. */
function mf2Block(text: string): string {
  return `!mf2 |-\n${text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n")}`;
}

function isMf2(n: number): boolean {
  return n % MF2_EVERY === MF2_EVERY - 1;
}

function messageLine(locale: "en" | "de", n: number): string {
  const key = `com.example.generated.message${n}`;
  const value = isMf2(n)
    ? mf2Block(MF2[locale](n))
    : quoted(TEMPLATES[n % TEMPLATES.length]![locale](n));
  return `${key}: ${value}`;
}

function enumText(locale: "en" | "de"): string {
  return `${Object.entries(ENUM[locale])
    .map(([state, text]) => `TaskInfo.State.${state}.label: ${quoted(text)}`)
    .join("\n")}\n`;
}

/**
 * Writes `dir/<locale>/generated<i>.yaml` with `messages` keys in `en` and
 * `de`, and `dir/<locale>/enum.yaml`. Returns the number of entries
 * written, both locales counted.
 */
export async function writeLargeCatalogs(
  dir: string,
  messages: number,
): Promise<number> {
  for (const locale of ["en", "de"] as const) {
    const files = new Map<string, string[]>([
      ["plurals.yaml", ["# Generated for the benchmark."]],
    ]);
    for (let n = 0; n < messages; n++) {
      const file = isMf2(n)
        ? "plurals.yaml"
        : `generated${Math.floor(n / MESSAGES_PER_FILE)}.yaml`;
      if (!files.has(file)) files.set(file, ["# Generated for the benchmark."]);
      files.get(file)!.push(messageLine(locale, n));
    }
    await mkdir(path.join(dir, locale), { recursive: true });
    await writeFile(path.join(dir, locale, "enum.yaml"), enumText(locale));
    for (const [file, lines] of files) {
      await writeFile(path.join(dir, locale, file), `${lines.join("\n")}\n`);
    }
  }
  return messages * 2;
}
