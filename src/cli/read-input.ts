import { readFile } from "node:fs/promises";
import { CliError } from "./cli-error.js";

/** Reads FILE, or standard input for `-`, as UTF-8 text. */
export async function readInputText(file: string): Promise<string> {
  if (file === "-") {
    if (process.stdin.isTTY) {
      throw new CliError(
        "no input: pass a FILE, or pipe JSON to standard input",
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : String(error);
    throw new CliError(`cannot read ${file}: ${reason}; check the path`);
  }
}

/** Converts an offset in `text` to a 1-based line and column. */
export function lineAndColumn(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON, turning a syntax error into `file:line:column` and a fix. */
export function parseJsonInput(text: string, file: string): unknown {
  const name = file === "-" ? "<stdin>" : file;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    throw new CliError(
      `${name}:${line}:${column}: invalid JSON (${message}); fix the document`,
    );
  }
}

/** Reads and parses a JSON document from FILE or `-`. */
export async function readJsonInput(file: string): Promise<unknown> {
  return parseJsonInput(await readInputText(file), file);
}
