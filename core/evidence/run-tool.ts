import { spawn } from "node:child_process";

/** What running a collection tool gave. @public */
export interface ToolRun {
  readonly command: string;
  /** `ok`, `missing` (not installed), `failed` (non-zero exit or signal), `timeout`. */
  readonly status: "ok" | "missing" | "failed" | "timeout";
  readonly exitCode: number | null;
  readonly stdout: string;
  /** The first line of stderr when the tool failed. */
  readonly error: string | null;
}

/** Largest output kept from one tool: 64 MiB. */
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs a read-only collection tool (`dmidecode`, `lspci -vvnn`…) as a child process with a time
 * bound, without a shell, stdin closed. Never throws: a missing tool, a failure or a time-out is
 * its status.
 *
 * @public
 */
export function runTool(argv: readonly [string, ...string[]], timeoutMs: number): Promise<ToolRun> {
  const command = argv.join(" ");
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: timeoutMs,
      env: { ...process.env, LC_ALL: "C" },
    });
    const out: Buffer[] = [];
    let size = 0;
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_OUTPUT) out.push(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      resolve({
        command,
        status: error.code === "ENOENT" ? "missing" : "failed",
        exitCode: null,
        stdout: "",
        error: error.message,
      });
    });
    child.on("close", (code, signal) => {
      const stdout = Buffer.concat(out).toString("utf8");
      if (signal === "SIGTERM" && code === null)
        resolve({
          command,
          status: "timeout",
          exitCode: null,
          stdout: "",
          error: `no answer within ${timeoutMs} ms`,
        });
      else if (code === 0) resolve({ command, status: "ok", exitCode: 0, stdout, error: null });
      else
        resolve({
          command,
          status: "failed",
          exitCode: code,
          stdout: "",
          error: err.trim().split("\n")[0] ?? null,
        });
    });
  });
}
