/** Where a logger writes: stderr in the CLI, a buffer in tests. @public */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Messages for the person at the terminal. They always go to stderr, so that stdout carries only
 * a command's result (and nothing but JSON under `--json`).
 *
 * @public
 */
export interface Logger {
  /** Progress worth seeing. */
  info(message: string): void;
  /** Something went wrong but the command goes on. */
  warn(message: string): void;
  /** Detail shown only with `--debug`. */
  debug(message: string): void;
  /** A logger whose lines carry `[scope]`, for one plugin or one stage. */
  child(scope: string): Logger;
}

/** Options of {@link StreamLogger}. @public */
export interface StreamLoggerOptions {
  readonly debug?: boolean;
  readonly quiet?: boolean;
  readonly scope?: string;
}

/** A {@link Logger} writing lines to a stream. @public */
export class StreamLogger implements Logger {
  constructor(
    private readonly sink: TextSink,
    private readonly options: StreamLoggerOptions = {},
  ) {}

  info(message: string): void {
    if (!this.options.quiet) this.line("", message);
  }

  warn(message: string): void {
    this.line("warning: ", message);
  }

  debug(message: string): void {
    if (this.options.debug) this.line("debug: ", message);
  }

  child(scope: string): Logger {
    const nested = this.options.scope === undefined ? scope : `${this.options.scope}/${scope}`;
    return new StreamLogger(this.sink, { ...this.options, scope: nested });
  }

  private line(prefix: string, message: string): void {
    const scope = this.options.scope === undefined ? "" : `[${this.options.scope}] `;
    this.sink.write(`${prefix}${scope}${message}\n`);
  }
}
