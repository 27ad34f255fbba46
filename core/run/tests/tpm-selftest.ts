import { setTimeout as sleep } from "node:timers/promises";
import { toHex } from "../../tpm/bytes.js";
import {
  TPM_FAILEDSELFTEST,
  tpm12GetTestResult,
  tpm12SelfTestFull,
} from "../../tpm/tpm12/commands.js";
import { responseCodeOf } from "../../tpm/tpm2/command.js";
import {
  TPM_RC_FAILURE,
  TPM_RC_TESTING,
  tpm2GetTestResult,
  tpm2SelfTest,
} from "../../tpm/tpm2/commands.js";
import type { ActiveTestResult } from "../../plugin/api.js";
import type { CoreTest } from "./core-test.js";
import { commandTimeoutParam, withTpm, type TpmSession } from "./tpm-connect.js";

/** Default bound of TPM2_SelfTest(full): a discrete TPM tests every algorithm, which takes seconds. */
const SELFTEST_TIMEOUT_SEC = 60;

function outcome(started: number, problems: string[], notes: string[]): ActiveTestResult {
  return {
    measurements: [
      { name: "duration", value: Math.round(performance.now() - started), unit: "ms" },
    ],
    notes,
    problems,
  };
}

async function selfTest2(
  tpm: TpmSession,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<ActiveTestResult> {
  const options = { timeoutMs: tpm.timeoutMs, attempts: 1 };
  const started = performance.now();
  const notes: string[] = [];
  try {
    await tpm2SelfTest(tpm.transport, true, options);
    log("TPM2_SelfTest(fullTest=YES): TPM_RC_SUCCESS");
  } catch (error) {
    const code = responseCodeOf(error);
    if (code === TPM_RC_FAILURE) {
      const result = await tpm2GetTestResult(tpm.transport, options).catch(() => null);
      const data =
        result === null ? "" : `; TPM2_GetTestResult outData ${toHex(result.outData) || "empty"}`;
      return outcome(started, [`TPM2_SelfTest failed: ${(error as Error).message}${data}`], notes);
    }
    if (code !== TPM_RC_TESTING) throw error;
    // The TPM runs the tests in the background (Part 3 §10.2.1): poll their result.
    log("TPM2_SelfTest(fullTest=YES): TPM_RC_TESTING, polling TPM2_GetTestResult");
  }
  for (;;) {
    const result = await tpm2GetTestResult(tpm.transport, options);
    log(
      `TPM2_GetTestResult: ${result.testResult.name}, outData ${toHex(result.outData) || "empty"}`,
    );
    if (result.testResult.code === 0) return outcome(started, [], notes);
    if (result.testResult.code !== TPM_RC_TESTING)
      return outcome(
        started,
        [
          `the self-test result is ${result.testResult.text} (outData ${toHex(result.outData) || "empty"})`,
        ],
        notes,
      );
    if (performance.now() - started > tpm.timeoutMs)
      throw new Error(`the TPM still reports TPM_RC_TESTING after ${tpm.timeoutMs} ms`);
    await sleep(100, undefined, { signal });
  }
}

async function selfTest12(tpm: TpmSession, log: (line: string) => void): Promise<ActiveTestResult> {
  const options = { timeoutMs: tpm.timeoutMs };
  const started = performance.now();
  try {
    await tpm12SelfTestFull(tpm.transport, options);
    log("TPM_SelfTestFull: TPM_SUCCESS");
    return outcome(started, [], []);
  } catch (error) {
    if (responseCodeOf(error) !== TPM_FAILEDSELFTEST) throw error;
    const data = await tpm12GetTestResult(tpm.transport, options).catch(() => null);
    return outcome(
      started,
      [
        `TPM_SelfTestFull failed: ${(error as Error).message}; TPM_GetTestResult ${data === null ? "unavailable" : toHex(data) || "empty"}`,
      ],
      [],
    );
  }
}

/**
 * `tpm.selftest`: the TPM passes its full self-test — TPM2_SelfTest(fullTest=YES) then
 * TPM2_GetTestResult on a TPM 2.0, TPM_SelfTestFull on a 1.2. A failed self-test (TPM_RC_FAILURE,
 * TPM_FAILEDSELFTEST, a test result other than success) is a problem of the product; measures
 * how long the self-test took.
 *
 * @public
 */
export const tpmSelftest: CoreTest = {
  id: "tpm.selftest",
  title: "TPM passes its full self-test",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: { commandTimeoutSec: commandTimeoutParam(SELFTEST_TIMEOUT_SEC) },
  },
  measures: { name: "duration", unit: "ms" },
  live: true,
  timeoutSec: 180,
  run(context) {
    return withTpm(context, SELFTEST_TIMEOUT_SEC, (tpm) =>
      tpm.family === "2.0"
        ? selfTest2(tpm, context.signal, (l) => context.log(l))
        : selfTest12(tpm, (l) => context.log(l)),
    );
  },
};
