import { createHash } from "node:crypto";
import { ByteReader, ByteWriter, hexNumber, toHex } from "../bytes.js";
import type { TpmTransport } from "../transport.js";
import { executeTpm2, type Tpm2Options } from "./command.js";
import { TPM_ALG, TPM_CC, TPM_ECC_NIST_P256, TPM_RH } from "./constants.js";
import { writePcrSelections, type PcrSelection } from "./structures.js";

/**
 * TPMA_OBJECT of the attestation key (Part 2 §8.3.2): fixedTPM (bit 1), fixedParent (4),
 * sensitiveDataOrigin (5), userWithAuth (6), noDA (10), restricted (16), sign (18) — a key that
 * never leaves this TPM and signs only what the TPM itself produced (quotes), TPM_GENERATED_VALUE
 * first.
 *
 * @public
 */
export const AK_ATTRIBUTES =
  (1 << 1) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 10) | (1 << 16) | (1 << 18);

/** The ECC point of a TPMT_PUBLIC. @public */
export interface EccPublic {
  readonly curve: number;
  readonly x: Uint8Array;
  readonly y: Uint8Array;
  /** The TPMT_PUBLIC's bytes, as the TPM returned them. */
  readonly publicArea: Uint8Array;
  /** TPM2B_NAME's contents: nameAlg then its digest of publicArea (Part 1 §16 "Names"), hex. */
  readonly name: string;
}

/**
 * The TPMT_PUBLIC template of a restricted ECC NIST P-256 signing key with ECDSA-SHA256, nameAlg
 * SHA-256, empty authPolicy (Part 2 §12.2.4; the shape of the TCG EK Credential Profile's
 * templates, with the sign attribute instead of decrypt).
 *
 * @public
 */
export function attestationKeyTemplate(): Uint8Array {
  return (
    new ByteWriter()
      .u16(TPM_ALG.ECC) // type
      .u16(TPM_ALG.SHA256) // nameAlg
      .u32(AK_ATTRIBUTES)
      .tpm2b(new Uint8Array(0)) // authPolicy
      // TPMS_ECC_PARMS (§12.2.3.6): symmetric NULL, scheme ECDSA(SHA256), curveID, kdf NULL
      .u16(TPM_ALG.NULL)
      .u16(TPM_ALG.ECDSA)
      .u16(TPM_ALG.SHA256)
      .u16(TPM_ECC_NIST_P256)
      .u16(TPM_ALG.NULL)
      // unique TPMS_ECC_POINT: empty x and y, filled by the TPM
      .tpm2b(new Uint8Array(0))
      .tpm2b(new Uint8Array(0))
      .finish()
  );
}

/** Reads an ECC TPMT_PUBLIC (Part 2 §12.2.4); any other type is `HCL_E_TPM_MALFORMED`. @public */
export function readEccPublic(area: Uint8Array, what: string): EccPublic {
  const r = new ByteReader(area, what);
  const type = r.u16("type");
  if (type !== TPM_ALG.ECC)
    r.malformed(`type is ${hexNumber(type, 4)}, expected TPM_ALG_ECC (0x0023)`);
  const nameAlg = r.u16("nameAlg");
  r.u32("objectAttributes");
  r.tpm2b("authPolicy", 64);
  const symmetric = r.u16("parameters.symmetric.algorithm");
  if (symmetric !== TPM_ALG.NULL) {
    r.u16("parameters.symmetric.keyBits");
    r.u16("parameters.symmetric.mode");
  }
  const scheme = r.u16("parameters.scheme.scheme");
  if (scheme !== TPM_ALG.NULL) r.u16("parameters.scheme.details.hashAlg");
  const curve = r.u16("parameters.curveID");
  const kdf = r.u16("parameters.kdf.scheme");
  if (kdf !== TPM_ALG.NULL) r.u16("parameters.kdf.details.hashAlg");
  const x = r.tpm2b("unique.x", 128);
  const y = r.tpm2b("unique.y", 128);
  r.end();
  if (nameAlg !== TPM_ALG.SHA256)
    r.malformed(`nameAlg is ${hexNumber(nameAlg, 4)}, expected TPM_ALG_SHA256`);
  const name = new ByteWriter()
    .u16(nameAlg)
    .bytes(createHash("sha256").update(area).digest())
    .finish();
  return { curve, x, y, publicArea: area, name: toHex(name) };
}

/** A key the TPM holds, and its public part. @public */
export interface LoadedKey {
  readonly handle: number;
  readonly public: EccPublic;
  /**
   * The key's Qualified Name, hex: nameAlg ‖ H(QN of the parent ‖ Name), where a hierarchy's QN
   * is its handle (Part 1 §16.6). A quote's qualifiedSigner is this, not the Name.
   */
  readonly qualifiedName: string;
}

/**
 * TPM2_CreatePrimary (Part 3 §24.1) of the attestation key under `hierarchy`, authorized with
 * the hierarchy's empty auth (a password session): the same template gives the same key for as
 * long as the hierarchy's seed lasts (TPM2_Clear changes the owner seed, never the endorsement
 * seed). The key is transient: {@link tpm2FlushContext} it after use.
 *
 * @public
 */
export async function tpm2CreateAttestationKey(
  transport: TpmTransport,
  hierarchy: "endorsement" | "owner",
  options: Tpm2Options,
): Promise<LoadedKey> {
  const parameters = new ByteWriter()
    .sized16((w) => w.tpm2b(new Uint8Array(0)).tpm2b(new Uint8Array(0))) // inSensitive: userAuth, data
    .tpm2b(attestationKeyTemplate()) // inPublic
    .tpm2b(new Uint8Array(0)) // outsideInfo
    .u32(0) // creationPCR: no PCRs
    .finish();
  const { handles, parameters: r } = await executeTpm2(
    transport,
    {
      code: TPM_CC.CreatePrimary,
      handles: [hierarchy === "owner" ? TPM_RH.OWNER : TPM_RH.ENDORSEMENT],
      authorizations: 1,
      parameters,
    },
    options,
    1,
  );
  const area = r.tpm2b("outPublic", 1024);
  r.tpm2b("creationData", 2048);
  r.tpm2b("creationHash", 64);
  r.u16("creationTicket.tag");
  r.u32("creationTicket.hierarchy");
  r.tpm2b("creationTicket.digest", 64);
  const name = toHex(r.tpm2b("name", 66));
  r.end();
  const key = readEccPublic(area, `TPM2_CreatePrimary outPublic from ${transport.spec}`);
  if (name !== key.name)
    r.malformed(`name is ${name}, but the outPublic it returned hashes to the Name ${key.name}`);
  const parent = new ByteWriter()
    .u32(hierarchy === "owner" ? TPM_RH.OWNER : TPM_RH.ENDORSEMENT)
    .finish();
  const digest = createHash("sha256").update(parent).update(Buffer.from(name, "hex")).digest();
  const qualifiedName = toHex(new ByteWriter().u16(TPM_ALG.SHA256).bytes(digest).finish());
  return { handle: handles[0] as number, public: key, qualifiedName };
}

/** TPM2_FlushContext (Part 3 §28.4): unloads a transient object. @public */
export async function tpm2FlushContext(
  transport: TpmTransport,
  handle: number,
  options: Tpm2Options,
): Promise<void> {
  const { parameters: r } = await executeTpm2(
    transport,
    { code: TPM_CC.FlushContext, parameters: new ByteWriter().u32(handle).finish() },
    options,
  );
  r.end();
}

/** What TPM2_Quote returns, as bytes the TPM produced. @public */
export interface RawQuote {
  /** TPMS_ATTEST (the contents of TPM2B_ATTEST): what the signature covers. */
  readonly attest: Uint8Array;
  /** TPMT_SIGNATURE, marshalled. */
  readonly signature: Uint8Array;
}

/** Reads a TPMT_SIGNATURE's extent (Part 2 §11.3.4) and returns its bytes. */
function readSignatureBytes(r: ByteReader): Uint8Array {
  const start = r.offset;
  const sigAlg = r.u16("signature.sigAlg");
  if (sigAlg === TPM_ALG.ECDSA) {
    r.u16("signature.ecdsa.hash");
    r.tpm2b("signature.ecdsa.signatureR", 128);
    r.tpm2b("signature.ecdsa.signatureS", 128);
  } else if (sigAlg === TPM_ALG.RSASSA) {
    r.u16("signature.rsassa.hash");
    r.tpm2b("signature.rsassa.sig", 512);
  } else
    r.malformed(
      `signature.sigAlg is ${hexNumber(sigAlg, 4)}, expected TPM_ALG_ECDSA or TPM_ALG_RSASSA`,
    );
  return r.bytesBetween(start);
}

/**
 * TPM2_Quote (Part 3 §18.4): the key `handle` signs the digest of the PCRs in `selection`
 * with `qualifyingData` as extraData, in the key's own scheme (inScheme TPM_ALG_NULL).
 *
 * @public
 */
export async function tpm2Quote(
  transport: TpmTransport,
  handle: number,
  qualifyingData: Uint8Array,
  selection: readonly PcrSelection[],
  options: Tpm2Options,
): Promise<RawQuote> {
  const w = new ByteWriter().tpm2b(qualifyingData).u16(TPM_ALG.NULL);
  const parameters = writePcrSelections(w, selection).finish();
  const { parameters: r } = await executeTpm2(
    transport,
    { code: TPM_CC.Quote, handles: [handle], authorizations: 1, parameters },
    options,
  );
  const attest = r.tpm2b("quoted", 1024);
  const signature = readSignatureBytes(r);
  r.end();
  return { attest, signature };
}
