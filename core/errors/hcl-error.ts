import { exitCodeOf, type ErrorCode, type ExitCode } from "./codes.js";

/** Optional parts of an {@link HclError}. @public */
export interface HclErrorOptions {
  /** One actionable sentence: what the user can do about it. Rendered as `Try this:`. */
  readonly hint?: string | undefined;
  /** The underlying error, rendered as `Caused by:`. */
  readonly cause?: unknown;
  /** Machine-readable context (file, line, key path, plugin, hook…), kept in `--json` output. */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** The JSON form of an error, as printed by `--json` commands. @public */
export interface HclErrorJson {
  code: string;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
  cause?: HclErrorJson | { message: string };
}

/**
 * The one error class of hclkit. Every failure a user can meet carries a stable `code`
 * from {@link ERROR_CODES}, a message that names what was found and what was expected,
 * and, where one exists, a `hint`.
 *
 * @public
 */
export class HclError extends Error {
  override readonly name = "HclError";
  /** Stable code, `HCL_E_<AREA>_<WHAT>`. */
  readonly code: ErrorCode;
  /** What the user can do about it. */
  readonly hint: string | undefined;
  /** Machine-readable context. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: HclErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  /** The CLI exit code this error maps to. */
  get exitCode(): ExitCode {
    return exitCodeOf(this.code);
  }

  /** The error as JSON, causes included; stacks never. */
  toJSON(): HclErrorJson {
    const json: HclErrorJson = { code: this.code, message: this.message };
    if (this.hint !== undefined) json.hint = this.hint;
    if (Object.keys(this.details).length > 0) json.details = { ...this.details };
    if (this.cause !== undefined) json.cause = causeToJson(this.cause);
    return json;
  }
}

function causeToJson(cause: unknown): HclErrorJson | { message: string } {
  if (cause instanceof HclError) return cause.toJSON();
  if (cause instanceof Error) return { message: `${cause.name}: ${cause.message}` };
  return { message: String(cause) };
}

/** True when `value` is an {@link HclError}. @public */
export function isHclError(value: unknown): value is HclError {
  return value instanceof HclError;
}
