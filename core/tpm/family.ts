import { HclError } from "../errors/hcl-error.js";
import { ByteWriter, hexNumber } from "./bytes.js";
import { TPM_INVALID_POSTINIT, tpm12GetVersion, tpm12Startup } from "./tpm12/commands.js";
import { decodeTpm12ReturnCode } from "./tpm12/return-codes.js";
import { marshalTpm2Command } from "./tpm2/command.js";
import { TPM_RC_FAILURE, TPM_RC_INITIALIZE, tpm2Startup } from "./tpm2/commands.js";
import { TPM_CAP, TPM_CC, TPM_PT, TPM_ST } from "./tpm2/constants.js";
import { decodeResponseCode } from "./tpm2/response-codes.js";
import { RESPONSE_HEADER_BYTES, readResponseHeader, type TpmTransport } from "./transport.js";

/** The TPM families hclkit speaks. @public */
export type TpmFamily = "1.2" | "2.0";

/** What {@link prepareTpm} found and did. @public */
export interface PreparedTpm {
  readonly family: TpmFamily;
  /** swtpm was powered on through its control channel (`CMD_INIT`). */
  readonly poweredOn: boolean;
  /** hclkit sent TPM2_Startup / TPM_Startup because the TPM had not been started. */
  readonly startedUp: boolean;
  /**
   * The TPM answers TPM_RC_FAILURE (2.0) or TPM_FAILEDSELFTEST (1.2) to everything: it is in
   * failure mode, a fault of the product. `null` when it is not.
   */
  readonly failure: string | null;
  /** What happened, one line each, for the test's log. */
  readonly steps: readonly string[];
}

/** TPM_FAIL: what swtpm answers (with tag 0x00C4) before its control channel's CMD_INIT. */
const TPM12_FAIL = 0x09;

/**
 * TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES, TPM_PT_FAMILY_INDICATOR, 1): the probe the Linux
 * kernel sends to tell a TPM 2.0 from a 1.2 (drivers/char/tpm/tpm2-cmd.c `tpm2_probe`): a 2.0
 * answers with tag TPM_ST_NO_SESSIONS whatever its state, a 1.2 with TPM_TAG_RSP_COMMAND
 * (0x00C4) because it cannot read the tag.
 */
function familyProbe(): Uint8Array {
  return marshalTpm2Command({
    code: TPM_CC.GetCapability,
    parameters: new ByteWriter()
      .u32(TPM_CAP.TPM_PROPERTIES)
      .u32(TPM_PT.FAMILY_INDICATOR)
      .u32(1)
      .finish(),
  });
}

async function probe(
  transport: TpmTransport,
  timeoutMs: number,
): Promise<{ tag: number; code: number }> {
  const response = await transport.transmit(familyProbe(), timeoutMs);
  if (response.length < RESPONSE_HEADER_BYTES)
    throw new HclError(
      "HCL_E_TPM_TRUNCATED",
      `${transport.spec} answered the family probe with ${response.length} bytes`,
    );
  const { tag, code } = readResponseHeader(response);
  return { tag, code };
}

/**
 * Finds the TPM's family and makes it ready for commands: powers swtpm on through its control
 * channel when it answers as never initialised (TPM_RC_FAILURE from a 2.0, TPM_FAIL from a
 * 1.2), and sends TPM2_Startup(CLEAR) / TPM_Startup(ST_CLEAR) when the TPM says it was not
 * started (TPM_RC_INITIALIZE, TPM_INVALID_POSTINIT). A TPM the firmware started is left as it is:
 * no startup is sent to it. A kernel device in failure mode is reported in `failure`, not thrown.
 *
 * @public
 */
export async function prepareTpm(transport: TpmTransport, timeoutMs: number): Promise<PreparedTpm> {
  const steps: string[] = [];
  const options = { timeoutMs };
  let poweredOn = false;
  let startedUp = false;
  for (;;) {
    const { tag, code } = await probe(transport, timeoutMs);
    if (tag === TPM_ST.NO_SESSIONS || tag === TPM_ST.SESSIONS) {
      steps.push(
        `TPM2_GetCapability(TPM_PT_FAMILY_INDICATOR): tag ${hexNumber(tag, 4)}, ${decodeResponseCode(code).name}: a TPM 2.0`,
      );
      if (code === 0) return { family: "2.0", poweredOn, startedUp, failure: null, steps };
      if (code === TPM_RC_FAILURE && transport.powerOn !== undefined && !poweredOn) {
        await transport.powerOn(timeoutMs);
        poweredOn = true;
        steps.push("swtpm control channel: CMD_INIT (power on)");
        continue;
      }
      if (code === TPM_RC_INITIALIZE && !startedUp) {
        const outcome = await tpm2Startup(transport, "clear", options);
        startedUp = true;
        steps.push(
          `TPM2_Startup(TPM_SU_CLEAR): ${outcome === "started" ? "started" : "already started"}`,
        );
        continue;
      }
      if (code === TPM_RC_FAILURE)
        return {
          family: "2.0",
          poweredOn,
          startedUp,
          failure: decodeResponseCode(code).text,
          steps,
        };
      throw new HclError(
        "HCL_E_TPM_RESPONSE_CODE",
        `${transport.spec} answered TPM2_GetCapability with ${decodeResponseCode(code).text}`,
        {
          details: { tpm: transport.spec, command: "TPM2_GetCapability", responseCode: code },
        },
      );
    }
    if (tag === TPM_ST.RSP_COMMAND) {
      steps.push(
        `TPM2_GetCapability: tag 0x00C4, ${decodeTpm12ReturnCode(code).name}: not a TPM 2.0`,
      );
      if (code === TPM12_FAIL && transport.powerOn !== undefined && !poweredOn) {
        await transport.powerOn(timeoutMs);
        poweredOn = true;
        steps.push("swtpm control channel: CMD_INIT (power on)");
        continue;
      }
      return { ...(await prepare12(transport, timeoutMs, steps)), poweredOn };
    }
    throw new HclError(
      "HCL_E_TPM_BAD_TAG",
      `${transport.spec} answered the TPM 2.0 family probe with tag ${hexNumber(tag, 4)}, expected 0x8001 (TPM 2.0) or 0x00C4 (TPM 1.2)`,
      { details: { tpm: transport.spec, tag } },
    );
  }
}

async function prepare12(
  transport: TpmTransport,
  timeoutMs: number,
  steps: string[],
): Promise<Omit<PreparedTpm, "poweredOn">> {
  let startedUp = false;
  for (;;) {
    try {
      const version = await tpm12GetVersion(transport, { timeoutMs });
      steps.push(`TPM_GetCapability(TPM_CAP_VERSION_VAL): TPM ${version.family}`);
      if (version.family !== "1.2" && version.family !== "1.1")
        throw new HclError(
          "HCL_E_TPM_FAMILY",
          `${transport.spec} says it is a TPM ${version.family}, expected 1.2`,
          {
            details: { tpm: transport.spec, family: version.family },
          },
        );
      return { family: "1.2", startedUp, failure: null, steps };
    } catch (error) {
      const code =
        error instanceof HclError && error.code === "HCL_E_TPM_RESPONSE_CODE"
          ? error.details["responseCode"]
          : undefined;
      if (code === TPM_INVALID_POSTINIT && !startedUp) {
        const outcome = await tpm12Startup(transport, { timeoutMs });
        startedUp = true;
        steps.push(
          `TPM_Startup(TPM_ST_CLEAR): ${outcome === "started" ? "started" : "already started"}`,
        );
        continue;
      }
      if (code === 0x1c)
        return { family: "1.2", startedUp, failure: decodeTpm12ReturnCode(code).text, steps };
      throw error;
    }
  }
}
