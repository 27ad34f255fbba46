import { toHex } from "../bytes.js";
import type { TpmTransport } from "../transport.js";
import { executeTpm2, type Tpm2Options } from "./command.js";
import { TPM_CC, algorithmName, hashAlgorithm } from "./constants.js";
import {
  marshalPcrSelections,
  readDigestList,
  readPcrSelections,
  type PcrSelection,
} from "./structures.js";

/** One PCR value. @public */
export interface PcrValue {
  /** `sha256`. */
  readonly bank: string;
  /** TPM_ALG_ID of the bank. */
  readonly hash: number;
  readonly pcr: number;
  /** Lower-case hex. */
  readonly digest: string;
}

/** What {@link tpm2PcrRead} read. @public */
export interface PcrReadResult {
  /** In the order the TPM returned them: bank by bank as asked, PCRs ascending. */
  readonly values: readonly PcrValue[];
  /** PCRs asked for that the TPM never returned (a bank not allocated, a PCR it lacks). */
  readonly unread: readonly PcrSelection[];
  /** pcrUpdateCounter of the first response. */
  readonly updateCounter: number;
  /** True when pcrUpdateCounter changed between responses: a PCR was extended while reading. */
  readonly counterChanged: boolean;
  /** TPM2_PCR_Read exchanges it took. */
  readonly responses: number;
}

/**
 * TPM2_PCR_Read (Part 3 §22.4) of every PCR in `selections`. One response returns at most 8
 * digests (TPML_DIGEST) and says which PCRs they are in pcrSelectionOut, so the command is
 * repeated with what is left, until everything came or a response returns nothing (the rest is
 * unreadable: `unread`). A response that returns a PCR not asked for, a digest count other than
 * its selection's, or a digest of the wrong size for its bank is `HCL_E_TPM_MALFORMED`.
 *
 * @public
 */
export async function tpm2PcrRead(
  transport: TpmTransport,
  selections: readonly PcrSelection[],
  options: Tpm2Options,
): Promise<PcrReadResult> {
  const remaining = new Map<number, Set<number>>();
  for (const s of selections) {
    const set = remaining.get(s.hash) ?? new Set<number>();
    for (const pcr of s.pcrs) set.add(pcr);
    remaining.set(s.hash, set);
  }
  const values: PcrValue[] = [];
  let updateCounter: number | null = null;
  let counterChanged = false;
  let responses = 0;
  const pending = (): PcrSelection[] =>
    [...remaining]
      .filter(([, set]) => set.size > 0)
      .map(([hash, set]) => ({ hash, pcrs: [...set].sort((a, b) => a - b) }));

  for (let ask = pending(); ask.length > 0; ask = pending()) {
    const { parameters: r } = await executeTpm2(
      transport,
      { code: TPM_CC.PCR_Read, parameters: marshalPcrSelections(ask) },
      options,
    );
    responses++;
    const counter = r.u32("pcrUpdateCounter");
    const returned = readPcrSelections(r, "pcrSelectionOut");
    const digests = readDigestList(r, "pcrValues");
    r.end();
    if (updateCounter === null) updateCounter = counter;
    else if (counter !== updateCounter) counterChanged = true;
    const slots = returned.flatMap((s) => s.pcrs.map((pcr) => ({ hash: s.hash, pcr })));
    if (slots.length !== digests.length)
      r.malformed(
        `pcrSelectionOut selects ${slots.length} PCRs but pcrValues holds ${digests.length} digests`,
      );
    if (slots.length === 0) break;
    slots.forEach(({ hash, pcr }, i) => {
      const digest = digests[i] as Uint8Array;
      const bank = algorithmName(hash);
      if (remaining.get(hash)?.has(pcr) !== true)
        r.malformed(`returned ${bank} PCR ${pcr}, which was not asked for`);
      const expected = hashAlgorithm(hash)?.digestBytes;
      if (expected !== undefined && digest.length !== expected)
        r.malformed(`${bank} PCR ${pcr} has a ${digest.length}-byte digest, expected ${expected}`);
      remaining.get(hash)?.delete(pcr);
      values.push({ bank, hash, pcr, digest: toHex(digest) });
    });
  }
  return {
    values,
    unread: pending(),
    updateCounter: updateCounter ?? 0,
    counterChanged,
    responses,
  };
}
