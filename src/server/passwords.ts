/**
 * Password hashes in the PHC string format for scrypt:
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`, salt and hash in unpadded base64.
 * `ln` is log2 of the CPU and memory cost N.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptParameters {
  /** log2 of the cost N. */
  costLog2: number;
  blockSize: number;
  parallelization: number;
}

/** N = 2^17, r = 8, p = 1: the minimum OWASP's password storage guide gives for scrypt. */
export const DEFAULT_SCRYPT: ScryptParameters = {
  costLog2: 17,
  blockSize: 8,
  parallelization: 1,
};

/** Memory one hash may need (128 * N * r bytes); larger parameters are rejected. */
export const MAX_HASH_MEMORY_BYTES = 256 * 1024 * 1024;
export const MIN_COST_LOG2 = 10;
export const MAX_COST_LOG2 = 20;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

export interface ParsedHash extends ScryptParameters {
  salt: Buffer;
  hash: Buffer;
}

/** Returns the problem with the parameters, or undefined when they are usable. */
export function checkScryptParameters(
  parameters: ScryptParameters,
): string | undefined {
  const { costLog2, blockSize, parallelization } = parameters;
  if (
    !Number.isInteger(costLog2) ||
    costLog2 < MIN_COST_LOG2 ||
    costLog2 > MAX_COST_LOG2
  ) {
    return `ln=${costLog2} is out of range; use ${MIN_COST_LOG2} to ${MAX_COST_LOG2}`;
  }
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 32) {
    return `r=${blockSize} is out of range; use 1 to 32`;
  }
  if (
    !Number.isInteger(parallelization) ||
    parallelization < 1 ||
    parallelization > 16
  ) {
    return `p=${parallelization} is out of range; use 1 to 16`;
  }
  if (scryptMemoryBytes(parameters) > MAX_HASH_MEMORY_BYTES) {
    return `ln=${costLog2} with r=${blockSize} needs ${scryptMemoryBytes(parameters) / MIB} MiB per hash, over the limit of ${MAX_HASH_MEMORY_BYTES / MIB} MiB; use ln=${maxCostLog2(blockSize)} or less with r=${blockSize}, or lower r`;
  }
  return undefined;
}

/** Parses a PHC scrypt string; returns a message naming the problem when it is not one. */
export function parsePasswordHash(text: string): ParsedHash | string {
  const match = PHC_PATTERN.exec(text);
  if (!match) {
    return "not a scrypt hash of the form $scrypt$ln=17,r=8,p=1$<salt>$<hash>; create one with 'locmsg hash-password'";
  }
  const parameters: ScryptParameters = {
    costLog2: Number(match[1]),
    blockSize: Number(match[2]),
    parallelization: Number(match[3]),
  };
  const problem = checkScryptParameters(parameters);
  if (problem) return problem;
  const salt = Buffer.from(match[4]!, "base64");
  const hash = Buffer.from(match[5]!, "base64");
  if (hash.length < 16) {
    return "the hash part is shorter than 16 bytes; create a new hash with 'locmsg hash-password'";
  }
  return { ...parameters, salt, hash };
}

/** Hashes a password with a new random salt. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const problem = checkScryptParameters(parameters);
  if (problem) throw new RangeError(`invalid scrypt parameters: ${problem}`);
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, KEY_LENGTH, parameters);
  const { costLog2, blockSize, parallelization } = parameters;
  return `$scrypt$ln=${costLog2},r=${blockSize},p=${parallelization}$${unpadded(salt)}$${unpadded(hash)}`;
}

/** Checks a password against a parsed hash in constant time for equal lengths. */
export async function verifyPassword(
  password: string,
  stored: ParsedHash,
): Promise<boolean> {
  const hash = await derive(password, stored.salt, stored.hash.length, stored);
  return timingSafeEqual(hash, stored.hash);
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  parameters: ScryptParameters,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      length,
      {
        N: 2 ** parameters.costLog2,
        r: parameters.blockSize,
        p: parameters.parallelization,
        maxmem: scryptMemoryBytes(parameters) + MIB,
      },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const MIB = 1024 * 1024;

/** Returns the memory one scrypt hash needs: 128 * N * r bytes. */
export function scryptMemoryBytes(parameters: ScryptParameters): number {
  return 128 * 2 ** parameters.costLog2 * parameters.blockSize;
}

/** Returns the largest `ln` whose hash fits the memory limit with block size `r`. */
export function maxCostLog2(blockSize: number): number {
  const fits = Math.floor(Math.log2(MAX_HASH_MEMORY_BYTES / (128 * blockSize)));
  return Math.min(MAX_COST_LOG2, fits);
}

/** Returns the work of one hash, N * r * p, to compare parameters by cost. */
export function scryptWork(parameters: ScryptParameters): number {
  return (
    2 ** parameters.costLog2 * parameters.blockSize * parameters.parallelization
  );
}

function unpadded(buffer: Buffer): string {
  return buffer.toString("base64").replace(/=+$/, "");
}
