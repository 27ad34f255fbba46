import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import type { ErrorCode } from "../errors/codes.js";
import { HclError, isHclError } from "../errors/hcl-error.js";
import { ByteReader, hexNumber, toHex } from "./bytes.js";
import {
  TPM_ALG,
  TPM_GENERATED_VALUE,
  TPM_ST,
  algorithmName,
  hashAlgorithm,
  hashAlgorithmNamed,
} from "./tpm2/constants.js";
import { readPcrSelections, type PcrSelection } from "./tpm2/structures.js";

/** PCR values by bank and index: `sha256` → `7` → lower-case hex (the inventory's `TpmPcrs` shape). @public */
export type PcrValues = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A parsed TPMS_ATTEST of type TPM_ST_ATTEST_QUOTE (Part 2 §10.12.12, §10.12.4). @public */
export interface QuoteAttestation {
  readonly magic: number;
  readonly type: number;
  /** TPM2B_NAME of the signing key, hex. */
  readonly qualifiedSigner: string;
  /** The qualifying data the quote was asked with, hex. */
  readonly extraData: string;
  readonly clock: {
    readonly clock: bigint;
    readonly resetCount: number;
    readonly restartCount: number;
    readonly safe: boolean;
  };
  readonly firmwareVersion: bigint;
  readonly pcrSelect: readonly PcrSelection[];
  /** pcrDigest, hex. */
  readonly pcrDigest: string;
}

/**
 * Reads TPMS_ATTEST (Part 2 §10.12.12): magic, type, qualifiedSigner, extraData, clockInfo,
 * firmwareVersion, then — for a quote — TPMS_QUOTE_INFO (pcrSelect, pcrDigest). The magic and
 * type are returned, not checked; the structure must fill the bytes exactly.
 *
 * @public
 */
export function parseQuoteAttestation(attest: Uint8Array): QuoteAttestation {
  const r = new ByteReader(attest, "TPMS_ATTEST");
  const magic = r.u32("magic");
  const type = r.u16("type");
  const qualifiedSigner = toHex(r.tpm2b("qualifiedSigner", 68));
  const extraData = toHex(r.tpm2b("extraData", 66));
  const clock = {
    clock: r.u64("clockInfo.clock"),
    resetCount: r.u32("clockInfo.resetCount"),
    restartCount: r.u32("clockInfo.restartCount"),
    safe: r.u8("clockInfo.safe") !== 0,
  };
  const firmwareVersion = r.u64("firmwareVersion");
  if (type !== TPM_ST.ATTEST_QUOTE)
    return {
      magic,
      type,
      qualifiedSigner,
      extraData,
      clock,
      firmwareVersion,
      pcrSelect: [],
      pcrDigest: "",
    };
  const pcrSelect = readPcrSelections(r, "attested.quote.pcrSelect");
  const pcrDigest = toHex(r.tpm2b("attested.quote.pcrDigest", 64));
  r.end();
  return { magic, type, qualifiedSigner, extraData, clock, firmwareVersion, pcrSelect, pcrDigest };
}

/** A parsed TPMT_SIGNATURE (Part 2 §11.3.4). @public */
export interface QuoteSignature {
  /** TPM_ALG_ECDSA or TPM_ALG_RSASSA. */
  readonly sigAlg: number;
  /** The hash the signature is over. */
  readonly hash: number;
  /** ECDSA: r and s; RSASSA: the signature. */
  readonly parts: readonly Uint8Array[];
}

/** Reads a TPMT_SIGNATURE of an ECDSA or RSASSA key. @public */
export function parseQuoteSignature(signature: Uint8Array): QuoteSignature {
  const r = new ByteReader(signature, "TPMT_SIGNATURE");
  const sigAlg = r.u16("sigAlg");
  if (sigAlg !== TPM_ALG.ECDSA && sigAlg !== TPM_ALG.RSASSA)
    r.malformed(
      `sigAlg is ${hexNumber(sigAlg, 4)}, expected TPM_ALG_ECDSA (0x0018) or TPM_ALG_RSASSA (0x0014)`,
    );
  const hash = r.u16("hash");
  const parts =
    sigAlg === TPM_ALG.ECDSA
      ? [r.tpm2b("signatureR", 128), r.tpm2b("signatureS", 128)]
      : [r.tpm2b("sig", 512)];
  r.end();
  return { sigAlg, hash, parts };
}

/** What {@link verifyQuote} checks. @public */
export interface VerifyQuoteInput {
  /** TPMS_ATTEST bytes, as the TPM produced them. */
  readonly attest: Uint8Array;
  /** TPMT_SIGNATURE bytes, as the TPM produced them. */
  readonly signature: Uint8Array;
  /** The attestation key's public part (SPKI PEM). */
  readonly publicKeyPem: string;
  /** The qualifying data the quote must carry: the report's digest. */
  readonly expectedNonce: Uint8Array;
  /** The PCR values the quote must cover, exactly: bank → index → hex. */
  readonly pcrs: PcrValues;
}

/** What a verified quote says. @public */
export interface VerifiedQuote {
  readonly attestation: QuoteAttestation;
  /** The PCRs covered: `sha256:0,1,2,3,4,5,6,7`. */
  readonly covered: string;
}

function fail(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): never {
  throw new HclError(code, `TPM quote: ${message}`, {
    details,
    cause,
    hint:
      code === "HCL_E_TPM_QUOTE_KEY" || code === "HCL_E_TPM_QUOTE_MALFORMED"
        ? undefined
        : "The report or its quote was changed after the TPM signed it, or the quote belongs to another report.",
  });
}

/** Parse errors of a TPM structure become HCL_E_TPM_QUOTE_MALFORMED. */
function structure<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isHclError(error) && error.code.startsWith("HCL_E_TPM_"))
      fail(
        "HCL_E_TPM_QUOTE_MALFORMED",
        `the ${what} is not a TPM structure: ${error.message}`,
        {},
        error,
      );
    throw error;
  }
}

function publicKey(pem: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === "ec" || key.asymmetricKeyType === "rsa") return key;
    return fail(
      "HCL_E_TPM_QUOTE_KEY",
      `the attestation key is a ${String(key.asymmetricKeyType)} key, expected an EC or RSA key`,
    );
  } catch (error) {
    if (isHclError(error)) throw error;
    return fail(
      "HCL_E_TPM_QUOTE_KEY",
      `the attestation key is not a public key in PEM (${(error as Error).message})`,
      {},
      error,
    );
  }
}

/** The byte size of a coordinate of the key's curve. */
function coordinateBytes(key: KeyObject): number {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return curve === "prime256v1" ? 32 : curve === "secp384r1" ? 48 : curve === "secp521r1" ? 66 : 32;
}

function checkSignature(input: VerifyQuoteInput, key: KeyObject, sig: QuoteSignature): void {
  const hash = hashAlgorithm(sig.hash)?.node ?? null;
  if (hash === null)
    fail(
      "HCL_E_TPM_QUOTE_SIGNATURE",
      `the signature's hash ${algorithmName(sig.hash)} is not one node:crypto has`,
    );
  let ok: boolean;
  if (sig.sigAlg === TPM_ALG.ECDSA) {
    if (key.asymmetricKeyType !== "ec")
      fail(
        "HCL_E_TPM_QUOTE_SIGNATURE",
        "the signature is ECDSA but the key given is not an EC key",
      );
    const size = coordinateBytes(key);
    const [r, s] = sig.parts as [Uint8Array, Uint8Array];
    if (r.length > size || s.length > size)
      fail(
        "HCL_E_TPM_QUOTE_SIGNATURE",
        `the ECDSA signature's r or s is longer than the curve's ${size} bytes`,
      );
    // TPM2B_ECC_PARAMETER may drop leading zeros: left-pad to the curve size for IEEE P1363.
    const raw = Buffer.alloc(size * 2);
    raw.set(r, size - r.length);
    raw.set(s, size * 2 - s.length);
    ok = verify(hash, input.attest, { key, dsaEncoding: "ieee-p1363" }, raw);
  } else {
    if (key.asymmetricKeyType !== "rsa")
      fail(
        "HCL_E_TPM_QUOTE_SIGNATURE",
        "the signature is RSASSA but the key given is not an RSA key",
      );
    ok = verify(hash, input.attest, key, sig.parts[0] as Uint8Array);
  }
  if (!ok)
    fail(
      "HCL_E_TPM_QUOTE_SIGNATURE",
      "the signature does not verify over the attestation bytes with the key given",
      {
        sigAlg: hexNumber(sig.sigAlg, 4),
        hash: algorithmName(sig.hash),
      },
    );
}

function checkSelection(selection: readonly PcrSelection[], pcrs: PcrValues): void {
  const quoted = new Map(
    selection
      .filter((s) => s.pcrs.length > 0)
      .map((s) => [algorithmName(s.hash), s.pcrs.join(",")]),
  );
  const given = new Map(
    Object.entries(pcrs)
      .map(
        ([bank, values]) =>
          [
            bank,
            Object.keys(values)
              .map(Number)
              .sort((a, b) => a - b)
              .join(","),
          ] as const,
      )
      .filter(([, list]) => list !== ""),
  );
  const describe = (m: Map<string, string>): string =>
    [...m].map(([b, l]) => `${b}:${l}`).join("+") || "none";
  const same =
    quoted.size === given.size && [...quoted].every(([bank, list]) => given.get(bank) === list);
  if (!same)
    fail(
      "HCL_E_TPM_QUOTE_PCR_SELECTION",
      `the quote covers PCRs ${describe(quoted)}, the values given are of ${describe(given)}`,
      {
        quoted: describe(quoted),
        given: describe(given),
      },
    );
}

/**
 * Verifies a TPM 2.0 quote, pure (node:crypto only), each check failing with its own code:
 * the TPMT_SIGNATURE over the TPMS_ATTEST bytes with the key (`HCL_E_TPM_QUOTE_SIGNATURE`;
 * `HCL_E_TPM_QUOTE_KEY` for a key that is not one; `HCL_E_TPM_QUOTE_MALFORMED` for bytes that
 * are not the structures), the magic TPM_GENERATED_VALUE (`…_MAGIC`), the type
 * TPM_ST_ATTEST_QUOTE (`…_TYPE`), extraData equal to `expectedNonce` (`…_NONCE`), the quoted
 * PCR selection equal to the PCRs given (`…_PCR_SELECTION`), and pcrDigest equal to the hash —
 * the signature's hash algorithm, as the TPM computes it — of the given values concatenated in
 * selection order: banks in the quote's order, PCRs ascending (`…_PCR_DIGEST`).
 *
 * It proves that the holder of the key's private part signed these values; it does not prove
 * that the key lives in a genuine TPM. Trust in the key — an endorsement key certificate chain
 * to the TPM vendor, and TPM2_ActivateCredential binding the attestation key to it — is out of
 * scope.
 *
 * @public
 */
export function verifyQuote(input: VerifyQuoteInput): VerifiedQuote {
  const sig = structure("signature", () => parseQuoteSignature(input.signature));
  const key = publicKey(input.publicKeyPem);
  checkSignature(input, key, sig);
  const attestation = structure("attestation", () => parseQuoteAttestation(input.attest));
  if (attestation.magic !== TPM_GENERATED_VALUE)
    fail(
      "HCL_E_TPM_QUOTE_MAGIC",
      `the attestation's magic is ${hexNumber(attestation.magic)}, expected TPM_GENERATED_VALUE 0xFF544347`,
    );
  if (attestation.type !== TPM_ST.ATTEST_QUOTE)
    fail(
      "HCL_E_TPM_QUOTE_TYPE",
      `the attestation's type is ${hexNumber(attestation.type, 4)}, expected TPM_ST_ATTEST_QUOTE 0x8018`,
    );
  const nonce = toHex(input.expectedNonce);
  if (attestation.extraData !== nonce)
    fail(
      "HCL_E_TPM_QUOTE_NONCE",
      `the quote's qualifying data is ${attestation.extraData || "empty"}, expected ${nonce}`,
      {
        found: attestation.extraData,
        expected: nonce,
      },
    );
  checkSelection(attestation.pcrSelect, input.pcrs);
  const hash = createHash(hashAlgorithm(sig.hash)?.node ?? "sha256");
  for (const { hash: bankAlg, pcrs } of attestation.pcrSelect) {
    const bank = algorithmName(bankAlg);
    const size = hashAlgorithmNamed(bank)?.digestBytes;
    for (const pcr of pcrs) {
      const hex = (input.pcrs[bank]?.[String(pcr)] ?? "").toLowerCase();
      if (!/^([0-9a-f]{2})+$/.test(hex) || (size !== undefined && hex.length !== size * 2))
        fail(
          "HCL_E_TPM_QUOTE_PCR_DIGEST",
          `the value given for ${bank} PCR ${pcr} is ${JSON.stringify(hex)}, not a ${size ?? "?"}-byte digest in hex`,
        );
      hash.update(Buffer.from(hex, "hex"));
    }
  }
  const digest = hash.digest("hex");
  if (digest !== attestation.pcrDigest)
    fail(
      "HCL_E_TPM_QUOTE_PCR_DIGEST",
      `the quoted PCR digest is ${attestation.pcrDigest}; the values given hash to ${digest}`,
      {
        quoted: attestation.pcrDigest,
        computed: digest,
      },
    );
  const covered = attestation.pcrSelect
    .filter((s) => s.pcrs.length > 0)
    .map((s) => `${algorithmName(s.hash)}:${s.pcrs.join(",")}`)
    .join("+");
  return { attestation, covered };
}
