/** Where a command writes; each call writes one line. */
export interface CommandIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Standard streams whose reader has closed the pipe. */
const closedStreams = new WeakSet<NodeJS.WriteStream>();
const watchedStreams = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes a line to a standard stream. When the reader closes the pipe
 * early, as `locmsg task ... | head -1` does, the write fails with EPIPE.
 * Later lines are then dropped, and the command ends with its own exit
 * code. Other write errors still end the process.
 */
function writeLine(stream: NodeJS.WriteStream, line: string): void {
  if (!watchedStreams.has(stream)) {
    watchedStreams.add(stream);
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      closedStreams.add(stream);
    });
  }
  if (closedStreams.has(stream)) return;
  stream.write(`${line}\n`);
}

export const processIo: CommandIo = {
  stdout: (line) => writeLine(process.stdout, line),
  stderr: (line) => writeLine(process.stderr, line),
};
