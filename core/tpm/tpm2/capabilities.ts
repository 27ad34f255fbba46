import { ByteWriter, hexNumber } from "../bytes.js";
import type { TpmTransport } from "../transport.js";
import { executeTpm2, type Tpm2Options } from "./command.js";
import { TPM_CAP, TPM_CC, TPM_PT, algorithmName } from "./constants.js";
import { readPcrSelections, type PcrSelection } from "./structures.js";

/** TPML_TAGGED_TPM_PROPERTY holds at most MAX_TPM_PROPERTIES (127 with a 1024-byte MAX_CAP_BUFFER). */
const MAX_TPM_PROPERTIES = 127;

/**
 * TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES) from `first`, repeated while the TPM says
 * moreData and gives properties past the last one (Part 3 §30.2): property → value.
 *
 * @public
 */
export async function tpm2GetProperties(
  transport: TpmTransport,
  first: number,
  count: number,
  options: Tpm2Options,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  let next = first;
  const last = first + count - 1;
  while (next <= last) {
    const parameters = new ByteWriter()
      .u32(TPM_CAP.TPM_PROPERTIES)
      .u32(next)
      .u32(last - next + 1)
      .finish();
    const { parameters: r } = await executeTpm2(
      transport,
      { code: TPM_CC.GetCapability, parameters },
      options,
    );
    const moreData = r.u8("moreData");
    const capability = r.u32("capabilityData.capability");
    if (capability !== TPM_CAP.TPM_PROPERTIES)
      r.malformed(
        `capabilityData.capability is ${hexNumber(capability)}, expected TPM_CAP_TPM_PROPERTIES (0x00000006)`,
      );
    const n = r.u32("tpmProperties.count");
    if (n > MAX_TPM_PROPERTIES)
      r.malformed(`tpmProperties.count is ${n}, more than ${MAX_TPM_PROPERTIES}`);
    let highest = next - 1;
    for (let i = 0; i < n; i++) {
      const property = r.u32(`tpmProperties[${i}].property`);
      const value = r.u32(`tpmProperties[${i}].value`);
      if (property <= last) out.set(property, value);
      highest = Math.max(highest, property);
    }
    r.end();
    if (moreData === 0 || n === 0 || highest < next) break;
    next = highest + 1;
  }
  return out;
}

/**
 * TPM2_GetCapability(TPM_CAP_PCRS): the banks the TPM has allocated, each with the PCRs it
 * holds in that bank (Part 3 §30.2, Part 2 §10.9.7 TPML_PCR_SELECTION).
 *
 * @public
 */
export async function tpm2GetPcrBanks(
  transport: TpmTransport,
  options: Tpm2Options,
): Promise<PcrSelection[]> {
  const parameters = new ByteWriter().u32(TPM_CAP.PCRS).u32(0).u32(1).finish();
  const { parameters: r } = await executeTpm2(
    transport,
    { code: TPM_CC.GetCapability, parameters },
    options,
  );
  r.u8("moreData");
  const capability = r.u32("capabilityData.capability");
  if (capability !== TPM_CAP.PCRS)
    r.malformed(
      `capabilityData.capability is ${hexNumber(capability)}, expected TPM_CAP_PCRS (0x00000005)`,
    );
  const banks = readPcrSelections(r, "assignedPCR");
  r.end();
  return banks;
}

/** A TPM 2.0's identity, from its fixed properties. @public */
export interface Tpm2Identity {
  /** TPM_PT_FAMILY_INDICATOR as text: `2.0`. */
  readonly family: string;
  /** TPM_PT_MANUFACTURER: the TCG vendor ID (`IBM`, `IFX`, `STM`, `NTC`…) and its raw value. */
  readonly manufacturer: { readonly id: number; readonly vendor: string | null };
  /** TPM_PT_VENDOR_STRING_1..4 concatenated: `SW   TPM`. */
  readonly vendorString: string;
  /** TPM_PT_FIRMWARE_VERSION_1 and _2, raw, and as `v1hi.v1lo.v2hi.v2lo` (fwupd's quad format). */
  readonly firmware: {
    readonly version1: number;
    readonly version2: number;
    readonly text: string;
  };
  /** TPM_PT_REVISION / 100: the specification revision (`1.59`). */
  readonly specRevision: string | null;
  /** TPM_PT_PCR_COUNT. */
  readonly pcrCount: number | null;
}

/** Four ASCII characters of a big-endian UINT32, NULs dropped (TPM_PT_VENDOR_STRING_n). */
function ascii(value: number): string {
  const bytes = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  return bytes
    .filter((b) => b !== 0)
    .map((b) => String.fromCharCode(b))
    .join("");
}

/**
 * The TCG vendor ID of a manufacturer value: its four ASCII characters without NUL and space
 * padding (0x49424D00 is `IBM`, 0x53544D20 `STM`); `null` when they are not printable ASCII.
 *
 * @public
 */
export function tcgVendorId(manufacturer: number): string | null {
  const text = ascii(manufacturer).trim();
  return text !== "" && /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/**
 * Reads TPM_PT_FAMILY_INDICATOR … TPM_PT_PCR_COUNT (Part 2 §6.13) and names the TPM.
 *
 * @public
 */
export async function tpm2ReadIdentity(
  transport: TpmTransport,
  options: Tpm2Options,
): Promise<Tpm2Identity> {
  const p = await tpm2GetProperties(
    transport,
    TPM_PT.FAMILY_INDICATOR,
    TPM_PT.PCR_COUNT - TPM_PT.FAMILY_INDICATOR + 1,
    options,
  );
  const get = (pt: number): number | null => p.get(pt) ?? null;
  const family = get(TPM_PT.FAMILY_INDICATOR);
  const manufacturer = get(TPM_PT.MANUFACTURER) ?? 0;
  const v1 = get(TPM_PT.FIRMWARE_VERSION_1) ?? 0;
  const v2 = get(TPM_PT.FIRMWARE_VERSION_2) ?? 0;
  const revision = get(TPM_PT.REVISION);
  return {
    family: family === null ? "" : ascii(family),
    manufacturer: { id: manufacturer, vendor: tcgVendorId(manufacturer) },
    vendorString: [
      TPM_PT.VENDOR_STRING_1,
      TPM_PT.VENDOR_STRING_2,
      TPM_PT.VENDOR_STRING_3,
      TPM_PT.VENDOR_STRING_4,
    ]
      .map((pt) => ascii(get(pt) ?? 0))
      .join("")
      .trim(),
    firmware: {
      version1: v1,
      version2: v2,
      text: `${v1 >>> 16}.${v1 & 0xffff}.${v2 >>> 16}.${v2 & 0xffff}`,
    },
    specRevision: revision === null ? null : (revision / 100).toFixed(2),
    pcrCount: get(TPM_PT.PCR_COUNT),
  };
}

/** The names of the banks that hold at least one PCR: `["sha1", "sha256"]`. @public */
export function activeBanks(banks: readonly PcrSelection[]): string[] {
  return banks.filter((b) => b.pcrs.length > 0).map((b) => algorithmName(b.hash));
}
