// `locmsg build` as a child process (the built CLI; run `npm run build` first).
import { existsSync } from "node:fs";
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// Each run starts Node and loads every shipped catalog.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;

async function catalogDir(name: string, files: Record<string, string>) {
  const root = path.join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)),
    )
    .sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "locmsg-build-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("locmsg build", () => {
  it("writes bundles and a manifest", async () => {
    const out = path.join(dir, "shipped");
    const result = await runCli(["build", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote \d+ bundles for \d+ locales and .*manifest\.json\n$/,
    );
    const manifest = JSON.parse(
      await readFile(path.join(out, "manifest.json"), "utf8"),
    );
    for (const entry of manifest.catalogs) {
      expect(existsSync(path.join(out, entry.catalogUri))).toBe(true);
    }
  });

  it("rebuilds byte for byte", async () => {
    const first = path.join(dir, "first");
    const second = path.join(dir, "second");
    expect((await runCli(["build", "--out", first])).code).toBe(0);
    expect((await runCli(["build", "--out", second])).code).toBe(0);
    const files = await listFiles(first);
    expect(await listFiles(second)).toEqual(files);
    for (const file of files) {
      const a = await readFile(path.join(first, file));
      const b = await readFile(path.join(second, file));
      expect(b.equals(a), file).toBe(true);
    }
  });

  it("reads SOURCE_DATE_EPOCH", async () => {
    const out = path.join(dir, "epoch");
    process.env["SOURCE_DATE_EPOCH"] = "1709632800";
    try {
      expect((await runCli(["build", "--out", out])).code).toBe(0);
    } finally {
      delete process.env["SOURCE_DATE_EPOCH"];
    }
    const manifest = JSON.parse(
      await readFile(path.join(out, "manifest.json"), "utf8"),
    );
    expect(manifest.catalogs[0].lastModified).toBe("2024-03-05T10:00:00.000Z");
  });

  it("writes nothing on load errors", async () => {
    const source = await catalogDir("broken", {
      "en/locmsg.yaml": 'ok: "fine"\nbad: "IP {address"\n',
    });
    const out = path.join(dir, "broken-out");
    const result = await runCli(["build", source, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("template-syntax");
    expect(result.stderr).toContain("Nothing was written");
    expect(result.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects MF2 outside the subset", async () => {
    const source = await catalogDir("mf2", {
      "en/locmsg.yaml":
        'ok: !mf2 "{$n :number}"\nshare: !mf2 "{$n :percent}"\n',
    });
    const out = path.join(dir, "mf2-out");
    const result = await runCli(["build", source, "--out", out]);
    expect(result.code).toBe(1);
    const file = path.join(source, "en/locmsg.yaml");
    // The position is the value's start, and the message gives the spot in it.
    expect(result.stderr).toContain(`${file}:2:13: error mf2-unsupported:`);
    expect(result.stderr).toContain("'share'");
    expect(result.stderr).toContain(":percent is outside the compiled subset");
    expect(result.stderr).toContain("(line 1, column 5 of the message)");
    expect(existsSync(out)).toBe(false);
  });

  it("requires --out", async () => {
    const result = await runCli(["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing --out OUT");
  });

  it("prints help", async () => {
    const result = await runCli(["build", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: locmsg build [DIR] --out OUT");
  });
});
