import type { TextSink } from "../log/logger.js";

/** The CLI's outside world: streams and working directory (a test passes buffers). */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly cwd: string;
  /** The terminal's input, for prompts; absent in tests and pipes. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdinIsTTY?: boolean;
  /** True when stderr is a terminal: progress is drawn live. */
  readonly stderrIsTTY?: boolean;
}

/** Options every command understands, declared on the root command. */
export interface GlobalOptions {
  readonly config?: string;
  readonly ci?: boolean;
  readonly debug?: boolean;
  readonly pluginTimeout?: number;
}

/** Prints `value` as the command's only stdout output, for `--json`. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
