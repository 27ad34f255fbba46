import type { ActiveTestResult } from "../../plugin/api.js";
import { toHex } from "../../tpm/bytes.js";
import { tpm12GetRandom } from "../../tpm/tpm12/commands.js";
import { tpm2GetRandom } from "../../tpm/tpm2/commands.js";
import type { CoreTest } from "./core-test.js";
import { integerParam } from "./params.js";
import { commandTimeoutParam, withTpm, type TpmSession } from "./tpm-connect.js";

const TIMEOUT_SEC = 10;
const DEFAULT_BYTES = 32;

async function draw(
  tpm: TpmSession,
  bytes: number,
): Promise<{ bytes: Uint8Array; responses: number }> {
  const options = { timeoutMs: tpm.timeoutMs };
  return tpm.family === "2.0"
    ? tpm2GetRandom(tpm.transport, bytes, options)
    : tpm12GetRandom(tpm.transport, bytes, options);
}

/**
 * `tpm.random`: the TPM's random number generator answers. Draws `bytes` bytes twice
 * (TPM2_GetRandom / TPM_GetRandom, repeated while a response carries fewer bytes than asked —
 * one that carries more, or none, is a malformed response). Two equal draws, or a draw of one
 * repeated byte, is a problem: the chance of either from a working generator is below 2^-60 at
 * the minimum of 8 bytes. Measures the bytes drawn and the rate.
 *
 * @public
 */
export const tpmRandom: CoreTest = {
  id: "tpm.random",
  title: "TPM random number generator answers with fresh bytes",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      bytes: {
        type: "integer",
        minimum: 8,
        maximum: 4096,
        description: `Bytes drawn in each of the two draws. Default ${DEFAULT_BYTES}.`,
      },
      commandTimeoutSec: commandTimeoutParam(TIMEOUT_SEC),
    },
  },
  measures: { name: "bytes", unit: "B" },
  live: true,
  timeoutSec: 60,
  run(context) {
    const size = integerParam(context.params, "bytes", DEFAULT_BYTES);
    return withTpm(context, TIMEOUT_SEC, async (tpm): Promise<ActiveTestResult> => {
      const started = performance.now();
      const first = await draw(tpm, size);
      const second = await draw(tpm, size);
      const seconds = (performance.now() - started) / 1000;
      context.log(
        `draw 1: ${first.bytes.length} bytes in ${first.responses} responses, ${toHex(first.bytes.subarray(0, 8))}…`,
      );
      context.log(
        `draw 2: ${second.bytes.length} bytes in ${second.responses} responses, ${toHex(second.bytes.subarray(0, 8))}…`,
      );
      const problems: string[] = [];
      for (const [n, d] of [first, second].entries()) {
        if (d.bytes.length !== size)
          problems.push(`draw ${n + 1} gave ${d.bytes.length} bytes, ${size} asked`);
        if (d.bytes.every((b) => b === d.bytes[0]))
          problems.push(
            `draw ${n + 1} is ${size} times the byte 0x${(d.bytes[0] ?? 0).toString(16).padStart(2, "0")}`,
          );
      }
      if (Buffer.from(first.bytes).equals(Buffer.from(second.bytes)))
        problems.push(`two draws of ${size} bytes are the same: ${toHex(first.bytes)}`);
      const total = first.bytes.length + second.bytes.length;
      return {
        measurements: [
          { name: "bytes", value: total, unit: "B" },
          { name: "rate", value: Math.round(total / Math.max(seconds, 1e-6)), unit: "B/s" },
        ],
        notes: [
          `2 draws of ${size} bytes in ${first.responses + second.responses} responses, ${(seconds * 1000).toFixed(1)} ms`,
        ],
        problems,
      };
    });
  },
};
