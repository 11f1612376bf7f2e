/** Prints a line of a command's result to standard output. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a value as JSON on standard output, for `--json`. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reports progress on standard error, so standard output stays machine-readable. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
