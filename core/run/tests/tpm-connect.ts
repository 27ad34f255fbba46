import type { ActiveTestResult, Evidence } from "../../plugin/api.js";
import { prepareTpm, type PreparedTpm } from "../../tpm/family.js";
import { defaultTpmSpec, DEFAULT_TPM_DEVICES, openTpmTransport } from "../../tpm/open-tpm.js";
import { formatTpmSpec, parseTpmSpec, type TpmSpec } from "../../tpm/spec.js";
import type { TpmTransport } from "../../tpm/transport.js";
import type { CoreTestContext } from "./core-test.js";
import { integerParam } from "./params.js";

/** The `commandTimeoutSec` param every TPM test takes. @public */
export function commandTimeoutParam(fallbackSec: number): Record<string, unknown> {
  return {
    type: "integer",
    minimum: 1,
    maximum: 600,
    description: `Bound of one TPM command (and of connecting), in seconds. Default ${fallbackSec}.`,
  };
}

/** A TPM opened and made ready for a test. @public */
export interface TpmSession extends PreparedTpm {
  readonly transport: TpmTransport;
  /** The spec it was opened with. */
  readonly spec: TpmSpec;
  /** Bound of each command, ms. */
  readonly timeoutMs: number;
  /** Evidence naming the TPM and what it answered. */
  evidence(text: string, note?: string): Evidence;
}

/**
 * Opens the TPM of `context.tpm` (`null`: /dev/tpmrm0, else /dev/tpm0, under the root), makes it
 * ready ({@link prepareTpm}), runs `body` and closes the TPM. No TPM device at all is a `skip`
 * ("no TPM device"); a TPM in failure mode is a problem of the product; a TPM that cannot be
 * reached, never answers or answers garbage throws — the harness could not do its job.
 *
 * @public
 */
export async function withTpm(
  context: CoreTestContext,
  fallbackTimeoutSec: number,
  body: (tpm: TpmSession) => Promise<ActiveTestResult>,
): Promise<ActiveTestResult> {
  const timeoutMs = integerParam(context.params, "commandTimeoutSec", fallbackTimeoutSec) * 1000;
  const spec = context.tpm === null ? defaultTpmSpec(context.root) : parseTpmSpec(context.tpm);
  if (spec === null)
    return {
      measurements: [],
      skip: "no TPM device",
      notes: [
        `neither ${DEFAULT_TPM_DEVICES.join(" nor ")} exists under ${context.root}, and no --tpm was given`,
      ],
    };
  context.log(`TPM ${formatTpmSpec(spec)}${context.tpm === null ? " (default device)" : ""}`);
  const transport = await openTpmTransport(spec, { root: context.root, timeoutMs });
  if (transport === null) throw new Error(`cannot open ${formatTpmSpec(spec)}`);
  const abort = (): void => void transport.close();
  context.signal.addEventListener("abort", abort);
  try {
    const prepared = await prepareTpm(transport, timeoutMs);
    for (const step of prepared.steps) context.log(step);
    if (prepared.failure !== null)
      return {
        measurements: [],
        notes: prepared.steps,
        problems: [`${transport.spec} is in failure mode: ${prepared.failure}`],
      };
    return await body({
      ...prepared,
      transport,
      spec,
      timeoutMs,
      evidence: (text, note) => ({
        source: transport.spec,
        text,
        ...(note === undefined ? {} : { note }),
      }),
    });
  } finally {
    context.signal.removeEventListener("abort", abort);
    await transport.close();
  }
}
