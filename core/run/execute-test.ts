import { fork } from "node:child_process";
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ERROR_CODES, type ErrorCode } from "../errors/codes.js";
import { HclError } from "../errors/hcl-error.js";
import type { ActiveTestResult } from "../plugin/api.js";
import type { ChildAbort, ChildReply, ChildRequest } from "./child-protocol.js";

/** Options of {@link executeTest}. @public */
export interface ExecuteOptions {
  readonly timeoutMs: number;
  /** File the child's stdout and stderr are appended to (fsynced when the child ends). */
  readonly outputFile: string;
  /** Aborts the run (Ctrl-C): the child is killed. */
  readonly signal?: AbortSignal;
}

/** What became of one run of a test. @public */
export type Execution =
  | { readonly ok: true; readonly result: ActiveTestResult; readonly durationMs: number }
  | { readonly ok: false; readonly error: HclError; readonly durationMs: number };

/**
 * The child's module, beside this one: the `.ts` file under tsx (tests), the `.js` file in
 * dist/, or the bundled CLI's entry of that name (the bundle puts it beside its chunks).
 */
function childModule(): string {
  const self = fileURLToPath(import.meta.url);
  return fileURLToPath(
    new URL(self.endsWith(".ts") ? "./test-child.ts" : "./test-child.js", import.meta.url),
  );
}

/** Time a test gets to clean up after its signal fires: a tenth of its bound, 0.2–2 s. */
function graceMs(timeoutMs: number): number {
  return Math.min(2000, Math.max(200, Math.round(timeoutMs / 10)));
}

/** Largest output kept from one run: what follows is dropped with a note. */
const MAX_OUTPUT = 8 * 1024 * 1024;

/**
 * Runs one active test in its own child process with a time bound (DESIGN.md, "Suites"):
 * the child gets the request over IPC and answers once; its output goes to `outputFile`. A
 * test that runs out of time is killed (SIGKILL); one that dies without answering, answers
 * garbage or throws gives a coded error — never a crash of the runner.
 *
 * @public
 */
export function executeTest(request: ChildRequest, options: ExecuteOptions): Promise<Execution> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  const fd = openSync(options.outputFile, "a");
  let written = 0;
  const append = (chunk: Buffer): void => {
    if (written >= MAX_OUTPUT) return;
    const part = chunk.subarray(0, MAX_OUTPUT - written);
    writeSync(fd, part);
    written += part.byteLength;
    if (written >= MAX_OUTPUT) writeSync(fd, Buffer.from("\n[hclkit: output cut at 8 MiB]\n"));
  };
  return new Promise((resolve) => {
    const child = fork(childModule(), [], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let reply: ChildReply | undefined;
    let settled = false;
    let timedOut = false;
    let aborted = false;
    const finish = (outcome: Execution): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killer);
      options.signal?.removeEventListener("abort", onAbort);
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      resolve(outcome);
    };
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      // The test's signal fires first; whatever it does not finish in the grace period is killed.
      if (child.connected) child.send({ type: "abort" } satisfies ChildAbort, () => undefined);
      killer = setTimeout(() => child.kill("SIGKILL"), graceMs(options.timeoutMs));
    }, options.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      child.kill("SIGKILL");
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    child.on("message", (message: ChildReply) => {
      reply ??= message;
    });
    child.on("error", (error) => {
      finish({
        ok: false,
        durationMs: elapsed(),
        error: new HclError(
          "HCL_E_TEST_CRASHED",
          `test ${request.test.id} could not start: ${error.message}`,
          {
            cause: error,
            details: { test: request.test.id },
          },
        ),
      });
    });
    child.on("close", (code, signal) => {
      const durationMs = elapsed();
      const test = request.test.id;
      if (timedOut)
        return finish({
          ok: false,
          durationMs,
          error: new HclError(
            "HCL_E_TEST_TIMEOUT",
            `test ${test} gave no answer within ${options.timeoutMs} ms and was killed`,
            {
              hint: "Raise the requirement's timeoutSec if the device is slow, or look at the test's output in the session.",
              details: { test, timeoutMs: options.timeoutMs },
            },
          ),
        });
      if (aborted)
        return finish({
          ok: false,
          durationMs,
          error: new HclError(
            "HCL_E_TEST_CRASHED",
            `test ${test} was stopped: the run was interrupted`,
            {
              details: { test, interrupted: true },
            },
          ),
        });
      if (reply === undefined)
        return finish({
          ok: false,
          durationMs,
          error: new HclError(
            "HCL_E_TEST_CRASHED",
            `test ${test} ended without an answer (${signal === null ? `exit code ${String(code)}` : `signal ${signal}`})`,
            {
              hint: "The test's output in the session says what it did last.",
              details: { test, exitCode: code, signal },
            },
          ),
        });
      if (reply.type === "error")
        return finish({
          ok: false,
          durationMs,
          // The test's own code when it threw one (HCL_E_TPM_TIMEOUT…); HCL_E_TEST_THREW otherwise.
          error: new HclError(
            isErrorCode(reply.code) ? reply.code : "HCL_E_TEST_THREW",
            `test ${test} failed to run: ${reply.message}`,
            { details: { test, stack: reply.stack } },
          ),
        });
      const problem = resultProblem(reply.result);
      if (problem !== undefined)
        return finish({
          ok: false,
          durationMs,
          error: new HclError("HCL_E_TEST_BAD_RESULT", `test ${test} answered ${problem}`, {
            details: { test },
          }),
        });
      finish({ ok: true, result: reply.result, durationMs });
    });
    child.send(request, (error) => {
      if (error !== null && error !== undefined) child.kill("SIGKILL");
    });
  });
}

/** Why a reply is not an {@link ActiveTestResult}, or `undefined` when it is one. */
function resultProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "something that is not an object";
  const r = value as Record<string, unknown>;
  if (!Array.isArray(r["measurements"])) return "no measurements list";
  for (const m of r["measurements"] as unknown[]) {
    const x = m as Record<string, unknown> | null;
    if (
      x === null ||
      typeof x !== "object" ||
      typeof x["name"] !== "string" ||
      typeof x["value"] !== "number" ||
      !Number.isFinite(x["value"]) ||
      typeof x["unit"] !== "string"
    )
      return `a measurement that is not {name, value (finite number), unit}: ${JSON.stringify(m)}`;
  }
  for (const key of ["problems", "notes"])
    if (
      r[key] !== undefined &&
      (!Array.isArray(r[key]) || !(r[key] as unknown[]).every((s) => typeof s === "string"))
    )
      return `${key} that is not a list of strings`;
  if (r["skip"] !== undefined && typeof r["skip"] !== "string")
    return "a skip that is not a string";
  return undefined;
}

function isErrorCode(code: string | null | undefined): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}
