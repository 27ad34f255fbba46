import { HclError } from "../../errors/hcl-error.js";
import { ByteWriter } from "../bytes.js";
import type { TpmTransport } from "../transport.js";
import { executeTpm2, responseCodeOf, type Tpm2Options } from "./command.js";
import { TPM_CC, TPM_SU } from "./constants.js";
import { decodeResponseCode, type DecodedResponseCode } from "./response-codes.js";

/** TPM_RC_INITIALIZE: TPM2_Startup was already sent since the last _TPM_Init (Part 3 §9.3.1). @public */
export const TPM_RC_INITIALIZE = 0x100;
/** TPM_RC_FAILURE: the TPM is in failure mode (Part 1 §12 "Failure Mode"). @public */
export const TPM_RC_FAILURE = 0x101;
/** TPM_RC_TESTING: self-tests are running (Part 2 §6.6.3). @public */
export const TPM_RC_TESTING = 0x90a;

/**
 * TPM2_Startup (Part 3 §9.3): `started` when this call started the TPM, `already` when the
 * TPM answered TPM_RC_INITIALIZE — the firmware (or swtpm's `startup-clear`) started it.
 *
 * @public
 */
export async function tpm2Startup(
  transport: TpmTransport,
  type: "clear" | "state",
  options: Tpm2Options,
): Promise<"started" | "already"> {
  const parameters = new ByteWriter().u16(type === "clear" ? TPM_SU.CLEAR : TPM_SU.STATE).finish();
  try {
    const { parameters: r } = await executeTpm2(
      transport,
      { code: TPM_CC.Startup, parameters },
      options,
    );
    r.end();
    return "started";
  } catch (error) {
    if (responseCodeOf(error) === TPM_RC_INITIALIZE) return "already";
    throw error;
  }
}

/**
 * TPM2_SelfTest (Part 3 §10.2) with fullTest YES (every function) or NO (the untested ones).
 * TPM_RC_TESTING answers are retried; TPM_RC_FAILURE is thrown as a response code error.
 *
 * @public
 */
export async function tpm2SelfTest(
  transport: TpmTransport,
  full: boolean,
  options: Tpm2Options,
): Promise<void> {
  const parameters = new ByteWriter().u8(full ? 1 : 0).finish();
  const { parameters: r } = await executeTpm2(
    transport,
    { code: TPM_CC.SelfTest, parameters },
    options,
  );
  r.end();
}

/** What TPM2_GetTestResult says. @public */
export interface Tpm2TestResult {
  /** Vendor-specific data about the test. */
  readonly outData: Uint8Array;
  /** TPM_RC_SUCCESS, TPM_RC_TESTING while tests run, TPM_RC_FAILURE, TPM_RC_NEEDS_TEST. */
  readonly testResult: DecodedResponseCode;
}

/** TPM2_GetTestResult (Part 3 §10.4): allowed in failure mode. @public */
export async function tpm2GetTestResult(
  transport: TpmTransport,
  options: Tpm2Options,
): Promise<Tpm2TestResult> {
  const { parameters: r } = await executeTpm2(transport, { code: TPM_CC.GetTestResult }, options);
  const outData = r.tpm2b("outData", 1024);
  const testResult = decodeResponseCode(r.u32("testResult"));
  r.end();
  return { outData, testResult };
}

/**
 * TPM2_GetRandom (Part 3 §16.1), repeated until `bytes` bytes came: one response carries at
 * most a digest's worth (TPM2B_DIGEST), and may carry less than asked. A response longer than
 * asked is `HCL_E_TPM_MALFORMED`; an empty one would never end the loop and is too.
 *
 * @public
 */
export async function tpm2GetRandom(
  transport: TpmTransport,
  bytes: number,
  options: Tpm2Options,
): Promise<{ readonly bytes: Uint8Array; readonly responses: number }> {
  const out = new Uint8Array(bytes);
  let got = 0;
  let responses = 0;
  while (got < bytes) {
    const ask = Math.min(bytes - got, 64);
    const parameters = new ByteWriter().u16(ask).finish();
    const { parameters: r } = await executeTpm2(
      transport,
      { code: TPM_CC.GetRandom, parameters },
      options,
    );
    const chunk = r.tpm2b("randomBytes", 64);
    r.end();
    responses++;
    if (chunk.length > ask || chunk.length === 0)
      throw new HclError(
        "HCL_E_TPM_MALFORMED",
        `${transport.spec} answered TPM2_GetRandom(${ask}) with ${chunk.length} bytes, expected 1 to ${ask}`,
        { details: { tpm: transport.spec, asked: ask, got: chunk.length } },
      );
    out.set(chunk, got);
    got += chunk.length;
  }
  return { bytes: out, responses };
}

/**
 * TPM2_PCR_Extend (Part 3 §22.2) of one PCR in one bank, under the platform's empty PCR auth.
 * hclkit's tests use it on swtpm to make PCR values non-trivial.
 *
 * @public
 */
export async function tpm2PcrExtend(
  transport: TpmTransport,
  pcr: number,
  hash: number,
  digest: Uint8Array,
  options: Tpm2Options,
): Promise<void> {
  // TPML_DIGEST_VALUES: count, then TPMT_HA { hashAlg, digest } (Part 2 §10.9.6, §10.3.2).
  const parameters = new ByteWriter().u32(1).u16(hash).bytes(digest).finish();
  const { parameters: r } = await executeTpm2(
    transport,
    { code: TPM_CC.PCR_Extend, handles: [pcr], authorizations: 1, parameters },
    options,
  );
  r.end();
}
