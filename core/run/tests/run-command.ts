import { spawn } from "node:child_process";

/** What running a tool gave. @public */
export interface CommandResult {
  /** The command line, for messages. */
  readonly command: string;
  /** `missing`: not installed (ENOENT); `failed`: non-zero exit, signal or spawn error. */
  readonly status: "ok" | "missing" | "failed" | "timeout" | "aborted";
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Largest output kept from one tool: 16 MiB (an `iw scan` of a crowded place is ~1 MiB). */
const MAX_OUTPUT = 16 * 1024 * 1024;

/**
 * Runs a tool as a child process — no shell, stdin closed, `LC_ALL=C` so its messages are the
 * untranslated ones — killed when `timeoutMs` passes or `signal` fires. Never throws: a missing
 * tool, a failure, a time-out or an abort is its status; the caller decides whose fault it is.
 *
 * @public
 */
export function runCommand(
  argv: readonly [string, ...string[]],
  options: { readonly timeoutMs: number; readonly signal: AbortSignal },
): Promise<CommandResult> {
  const command = argv.join(" ");
  return new Promise((resolve) => {
    let timedOut = false;
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
      signal: options.signal,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, options.timeoutMs);
    const out: Buffer[] = [];
    let size = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_OUTPUT) out.push(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk;
    });
    let settled = false;
    const finish = (status: CommandResult["status"], exitCode: number | null, why = ""): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString("utf8");
      resolve({ command, status, exitCode, stdout, stderr: why === "" ? stderr : why });
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.name === "AbortError") finish("aborted", null, "stopped: the test was aborted");
      else finish(error.code === "ENOENT" ? "missing" : "failed", null, error.message);
    });
    child.on("close", (code) => {
      if (options.signal.aborted) finish("aborted", null, "stopped: the test was aborted");
      else if (timedOut) finish("timeout", null, `no answer within ${options.timeoutMs} ms`);
      else finish(code === 0 ? "ok" : "failed", code);
    });
  });
}

/** The first non-empty line of a tool's error output, for messages. @public */
export function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? "(no message)"
  );
}
