import { HclError } from "../../errors/hcl-error.js";
import type { ByteReader } from "../bytes.js";
import { ByteWriter } from "../bytes.js";
import { algorithmName } from "./constants.js";

/** One bank's PCRs: TPMS_PCR_SELECTION (Part 2 §10.6.2) with the bitmap as indexes. @public */
export interface PcrSelection {
  /** TPMI_ALG_HASH of the bank. */
  readonly hash: number;
  /** PCR indexes, ascending. */
  readonly pcrs: readonly number[];
}

/** TPML_PCR_SELECTION holds at most HASH_COUNT entries; 16 covers every registered hash (Part 2 §10.9.7). @public */
export const MAX_PCR_BANKS = 16;
/** PCR_SELECT_MAX: the bitmap of a PC Client TPM covers 24 PCRs in 3 bytes; 32 bytes is the structure's limit. */
const MAX_SIZEOF_SELECT = 32;
/** PCR_SELECT_MIN on PC Client TPMs (PC Client Platform TPM Profile: 24 PCRs, 3 bytes). @public */
export const PCR_SELECT_MIN = 3;

/** The PCR indexes 0…n-1. @public */
export function pcrRange(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Sorted, unique indexes; `HCL_E_TPM_ARGUMENT` for one that is not a PCR a bitmap of `bytes` bytes can name. */
function checkedIndexes(pcrs: readonly number[], bytes: number): number[] {
  for (const pcr of pcrs)
    if (!Number.isInteger(pcr) || pcr < 0 || pcr >= bytes * 8)
      throw new HclError(
        "HCL_E_TPM_ARGUMENT",
        `PCR ${String(pcr)} is not a PCR index from 0 to ${bytes * 8 - 1}`,
        {
          details: { pcr },
        },
      );
  return [...new Set(pcrs)].sort((a, b) => a - b);
}

/**
 * Marshals a TPML_PCR_SELECTION: a UINT32 count, then per bank its hash, sizeofSelect and the
 * bitmap in which PCR n is bit n%8 of byte n/8 (Part 2 §10.6.1).
 *
 * @public
 */
export function writePcrSelections(
  w: ByteWriter,
  selections: readonly PcrSelection[],
  sizeofSelect = PCR_SELECT_MIN,
): ByteWriter {
  w.u32(selections.length);
  for (const { hash, pcrs } of selections) {
    const bitmap = new Uint8Array(sizeofSelect);
    for (const pcr of checkedIndexes(pcrs, sizeofSelect))
      bitmap[pcr >> 3] = (bitmap[pcr >> 3] as number) | (1 << (pcr & 7));
    w.u16(hash).u8(sizeofSelect).bytes(bitmap);
  }
  return w;
}

/** A TPML_PCR_SELECTION's bytes. @public */
export function marshalPcrSelections(
  selections: readonly PcrSelection[],
  sizeofSelect = PCR_SELECT_MIN,
): Uint8Array {
  return writePcrSelections(new ByteWriter(), selections, sizeofSelect).finish();
}

/** Reads a TPML_PCR_SELECTION; `field` names it in messages. @public */
export function readPcrSelections(r: ByteReader, field: string): PcrSelection[] {
  const count = r.u32(`${field}.count`);
  if (count > MAX_PCR_BANKS)
    r.malformed(`${field}.count is ${count}, more than ${MAX_PCR_BANKS} banks`);
  const out: PcrSelection[] = [];
  for (let i = 0; i < count; i++) {
    const hash = r.u16(`${field}.pcrSelections[${i}].hash`);
    const size = r.u8(`${field}.pcrSelections[${i}].sizeofSelect`);
    if (size > MAX_SIZEOF_SELECT)
      r.malformed(
        `${field}.pcrSelections[${i}].sizeofSelect is ${size}, more than ${MAX_SIZEOF_SELECT}`,
      );
    const bitmap = r.bytes(size, `${field}.pcrSelections[${i}].pcrSelect`);
    const pcrs: number[] = [];
    bitmap.forEach((byte, at) => {
      for (let bit = 0; bit < 8; bit++) if ((byte & (1 << bit)) !== 0) pcrs.push(at * 8 + bit);
    });
    out.push({ hash, pcrs });
  }
  return out;
}

/** `sha256:0,1,2+sha1:7`, as tpm2-tools writes selections. @public */
export function describeSelections(selections: readonly PcrSelection[]): string {
  return (
    selections.map((s) => `${algorithmName(s.hash)}:${s.pcrs.join(",")}`).join("+") || "nothing"
  );
}

/** TPML_DIGEST holds at most 8 digests (Part 2 §10.9.2): why TPM2_PCR_Read answers in pieces. @public */
export const MAX_DIGESTS = 8;

/** Reads a TPML_DIGEST. @public */
export function readDigestList(r: ByteReader, field: string): Uint8Array[] {
  const count = r.u32(`${field}.count`);
  if (count > MAX_DIGESTS) r.malformed(`${field}.count is ${count}, more than ${MAX_DIGESTS}`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(r.tpm2b(`${field}.digests[${i}]`, 64));
  return out;
}
