import { describe, expect, it } from "vitest";
import {
  hashPassword,
  maxCostLog2,
  parsePasswordHash,
  verifyPassword,
  type ParsedHash,
} from "../../src/server/passwords.js";

const FAST = { costLog2: 10, blockSize: 8, parallelization: 1 };

describe("password hashes", () => {
  it("round-trips a password", async () => {
    const text = await hashPassword("correct horse", FAST);
    expect(text).toMatch(
      /^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    const parsed = parsePasswordHash(text) as ParsedHash;
    expect(await verifyPassword("correct horse", parsed)).toBe(true);
    expect(await verifyPassword("correct horse ", parsed)).toBe(false);
  });

  it("salts every hash", async () => {
    const first = await hashPassword("same", FAST);
    const second = await hashPassword("same", FAST);
    expect(first).not.toBe(second);
  });

  it("normalizes Unicode", async () => {
    const parsed = parsePasswordHash(
      await hashPassword("Zu\u0308rich", FAST),
    ) as ParsedHash;
    expect(await verifyPassword("Z\u00fcrich", parsed)).toBe(true);
  });

  it("defaults to ln=17", async () => {
    const text = await hashPassword("x");
    expect(text.startsWith("$scrypt$ln=17,r=8,p=1$")).toBe(true);
  });

  it("rejects malformed hashes", () => {
    for (const text of [
      "secret",
      "$2b$10$abcdefghijklmnopqrstuv",
      "$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA",
      "$scrypt$ln=30,r=8,p=1$vd8CAkQ6mXOJN92GNw4rsg$X6lR1aK4zzdWK/6nAmjXIcMB/NPYak2nfnvOO8g17Z0",
      "$scrypt$ln=20,r=16,p=1$vd8CAkQ6mXOJN92GNw4rsg$X6lR1aK4zzdWK/6nAmjXIcMB/NPYak2nfnvOO8g17Z0",
    ]) {
      expect(typeof parsePasswordHash(text), text).toBe("string");
    }
  });

  it("limits memory, not ln alone", () => {
    const salt = "vd8CAkQ6mXOJN92GNw4rsg";
    const hash = "X6lR1aK4zzdWK/6nAmjXIcMB/NPYak2nfnvOO8g17Z0";
    expect(maxCostLog2(8)).toBe(18);
    expect(maxCostLog2(2)).toBe(20);
    expect(parsePasswordHash(`$scrypt$ln=19,r=8,p=1$${salt}$${hash}`)).toBe(
      "ln=19 with r=8 needs 512 MiB per hash, over the limit of 256 MiB; use ln=18 or less with r=8, or lower r",
    );
    const parsed = parsePasswordHash(`$scrypt$ln=20,r=2,p=1$${salt}$${hash}`);
    expect(typeof parsed).toBe("object");
  });

  it("rejects bad parameters", async () => {
    await expect(hashPassword("x", { ...FAST, costLog2: 5 })).rejects.toThrow(
      "ln=5 is out of range",
    );
  });
});
