/** Where a command writes; each call writes one line. */
export interface CommandIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const processIo: CommandIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
