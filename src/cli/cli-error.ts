/** Exit codes of every command. */
export const EXIT_OK = 0;
/** `--strict` found a problem, or lint found errors. */
export const EXIT_PROBLEMS = 1;
/** Unusable input or options. */
export const EXIT_USAGE = 2;

/** A failure the CLI reports as one message on stderr, with an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = EXIT_USAGE,
  ) {
    super(message);
    this.name = "CliError";
  }
}
