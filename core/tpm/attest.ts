import { createPublicKey, type JsonWebKey } from "node:crypto";
import { HclError } from "../errors/hcl-error.js";
import { toHex } from "./bytes.js";
import { prepareTpm } from "./family.js";
import { openTpmTransport } from "./open-tpm.js";
import { tpm2CreateAttestationKey, tpm2FlushContext, tpm2Quote } from "./tpm2/attestation-key.js";
import { hashAlgorithmNamed } from "./tpm2/constants.js";
import { tpm2PcrRead, type PcrValue } from "./tpm2/pcr-read.js";
import type { TpmTransport } from "./transport.js";
import { verifyQuote, type PcrValues } from "./verify-quote.js";

export {
  verifyQuote,
  type PcrValues,
  type VerifyQuoteInput,
  type VerifiedQuote,
} from "./verify-quote.js";

/** What to quote. @public */
export interface QuoteOptions {
  /** The qualifying data: the report's digest (32 bytes of SHA-256); at most 64 bytes. */
  readonly nonce: Uint8Array;
  /** PCRs to quote; default 0-7 (firmware, option ROMs, boot loader, Secure Boot policy). */
  readonly pcrs?: readonly number[];
  /** The bank; default `sha256`. */
  readonly bank?: string;
  /** The hierarchy the attestation key is created under; default `endorsement`. */
  readonly hierarchy?: "endorsement" | "owner";
  /** Bound of each TPM command in ms; default 30000 (key creation on a real TPM takes a few seconds). */
  readonly timeoutMs?: number;
}

/** A quote over a report, with everything {@link verifyQuote} needs. @public */
export interface TpmQuote {
  /** TPMS_ATTEST bytes the TPM signed. */
  readonly attest: Uint8Array;
  /** TPMT_SIGNATURE bytes (ECDSA P-256 with SHA-256). */
  readonly signature: Uint8Array;
  /** The attestation key's public part, SPKI PEM. */
  readonly publicKeyPem: string;
  /** The same key as a JWK (`kty` EC, `crv` P-256). */
  readonly publicKeyJwk: JsonWebKey;
  /** The key's TPM Name (nameAlg ‖ SHA-256 of its TPMT_PUBLIC), hex. */
  readonly keyName: string;
  /** The key's Qualified Name, hex: what the quote names as its qualifiedSigner. */
  readonly qualifiedName: string;
  /** The nonce quoted, hex. */
  readonly nonce: string;
  /** The quoted PCR values: bank → index → hex. */
  readonly pcrs: PcrValues;
}

/** The JSON form of a {@link TpmQuote}, for a report or bundle: bytes in base64. @public */
export interface TpmQuoteJson {
  readonly attest: string;
  readonly signature: string;
  readonly publicKeyPem: string;
  readonly keyName: string;
  readonly nonce: string;
  readonly pcrs: PcrValues;
}

/** Attempts when a PCR changes between reading it and quoting it. */
const QUOTE_ATTEMPTS = 3;

function values(read: readonly PcrValue[]): PcrValues {
  const out: Record<string, Record<string, string>> = {};
  for (const v of read) (out[v.bank] ??= {})[String(v.pcr)] = v.digest;
  return out;
}

/**
 * Has a TPM 2.0 quote PCRs with `nonce` as qualifying data: creates a restricted ECC P-256
 * signing key (ECDSA-SHA256) under the endorsement (or owner) hierarchy with TPM2_CreatePrimary,
 * reads the PCRs, TPM2_Quote's them, reads them again (a PCR extended in between — IMA extends
 * PCR 10 all the time — means the values read are not those quoted: it tries again, up to 3
 * times), checks the quote with {@link verifyQuote}, and flushes the key. The transport must
 * be prepared ({@link prepareTpm}) and speak TPM 2.0.
 *
 * Trust in the key itself (its endorsement key certificate chain) is out of scope: a verifier
 * learns that the key's holder signed these values, not that the key is a genuine TPM's.
 *
 * @public
 */
export async function quotePcrs(transport: TpmTransport, options: QuoteOptions): Promise<TpmQuote> {
  const timeoutMs = options.timeoutMs ?? 30000;
  const bankName = options.bank ?? "sha256";
  const bank = hashAlgorithmNamed(bankName);
  if (bank === undefined)
    throw new HclError(
      "HCL_E_TPM_ARGUMENT",
      `PCR bank ${JSON.stringify(bankName)} is not one hclkit knows (sha1, sha256, sha384, sha512…)`,
    );
  if (options.nonce.length > 64)
    throw new HclError(
      "HCL_E_TPM_ARGUMENT",
      `the quote's nonce is ${options.nonce.length} bytes, more than TPM2B_DATA's 64`,
    );
  const selection = [
    {
      hash: bank.alg,
      pcrs: [...new Set(options.pcrs ?? [0, 1, 2, 3, 4, 5, 6, 7])].sort((a, b) => a - b),
    },
  ];
  const key = await tpm2CreateAttestationKey(transport, options.hierarchy ?? "endorsement", {
    timeoutMs,
  });
  try {
    const jwk: JsonWebKey = {
      kty: "EC",
      crv: "P-256",
      x: Buffer.from(key.public.x).toString("base64url"),
      y: Buffer.from(key.public.y).toString("base64url"),
    };
    const publicKeyPem = createPublicKey({ key: jwk, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    for (let attempt = 1; ; attempt++) {
      const before = values((await tpm2PcrRead(transport, selection, { timeoutMs })).values);
      const raw = await tpm2Quote(transport, key.handle, options.nonce, selection, { timeoutMs });
      const after = values((await tpm2PcrRead(transport, selection, { timeoutMs })).values);
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < QUOTE_ATTEMPTS) continue;
      const verified = verifyQuote({
        ...raw,
        publicKeyPem,
        expectedNonce: options.nonce,
        pcrs: before,
      });
      if (verified.attestation.qualifiedSigner !== key.qualifiedName)
        throw new HclError(
          "HCL_E_TPM_MALFORMED",
          `${transport.spec} signed a quote naming the signer ${verified.attestation.qualifiedSigner}, but the key it created has the qualified name ${key.qualifiedName}`,
        );
      return {
        ...raw,
        publicKeyPem,
        publicKeyJwk: jwk,
        keyName: key.public.name,
        qualifiedName: key.qualifiedName,
        nonce: toHex(options.nonce),
        pcrs: before,
      };
    }
  } finally {
    await tpm2FlushContext(transport, key.handle, { timeoutMs }).catch(() => undefined);
  }
}

/** Where the TPM is and what to quote, for {@link quoteReport}. @public */
export interface QuoteReportOptions extends QuoteOptions {
  /** Root of the machine's filesystem, to find /dev/tpmrm0; `/` live. */
  readonly root: string;
}

/**
 * Opens the TPM of `spec` (`--tpm SPEC`; `null`: the default device), checks it is a TPM 2.0
 * (`HCL_E_TPM_FAMILY` otherwise; `HCL_E_TPM_OPEN` when there is no TPM device), quotes with
 * {@link quotePcrs}, and closes it.
 *
 * @public
 */
export async function quoteReport(
  spec: string | null,
  options: QuoteReportOptions,
): Promise<TpmQuote> {
  const timeoutMs = options.timeoutMs ?? 30000;
  const transport = await openTpmTransport(spec, { root: options.root, timeoutMs });
  if (transport === null)
    throw new HclError(
      "HCL_E_TPM_OPEN",
      `no TPM device: neither /dev/tpmrm0 nor /dev/tpm0 exists under ${options.root}`,
      {
        hint: "Give the TPM with --tpm SPEC.",
      },
    );
  try {
    const prepared = await prepareTpm(transport, timeoutMs);
    if (prepared.family !== "2.0")
      throw new HclError(
        "HCL_E_TPM_FAMILY",
        `${transport.spec} is a TPM ${prepared.family}: quotes for reports need a TPM 2.0`,
        {
          details: { tpm: transport.spec, family: prepared.family },
        },
      );
    if (prepared.failure !== null)
      throw new HclError(
        "HCL_E_TPM_RESPONSE_CODE",
        `${transport.spec} is in failure mode: ${prepared.failure}`,
      );
    return await quotePcrs(transport, options);
  } finally {
    await transport.close();
  }
}

/** A quote as JSON (bytes in base64). @public */
export function quoteToJson(quote: TpmQuote): TpmQuoteJson {
  return {
    attest: Buffer.from(quote.attest).toString("base64"),
    signature: Buffer.from(quote.signature).toString("base64"),
    publicKeyPem: quote.publicKeyPem,
    keyName: quote.keyName,
    nonce: quote.nonce,
    pcrs: quote.pcrs,
  };
}

/**
 * Verifies a quote in its JSON form against the nonce expected (the digest of the report in
 * the bundle) and the PCR values the report holds. Fields that are not strings are
 * `HCL_E_TPM_QUOTE_MALFORMED`; the rest is {@link verifyQuote}.
 *
 * @public
 */
export function verifyQuoteJson(
  json: unknown,
  expectedNonce: Uint8Array,
  pcrs: PcrValues,
): ReturnType<typeof verifyQuote> {
  const q = (json ?? {}) as Partial<Record<keyof TpmQuoteJson, unknown>>;
  for (const field of ["attest", "signature", "publicKeyPem"] as const)
    if (typeof q[field] !== "string")
      throw new HclError(
        "HCL_E_TPM_QUOTE_MALFORMED",
        `TPM quote: ${field} is ${JSON.stringify(q[field]) ?? "missing"}, expected a string`,
      );
  return verifyQuote({
    attest: Buffer.from(q.attest as string, "base64"),
    signature: Buffer.from(q.signature as string, "base64"),
    publicKeyPem: q.publicKeyPem as string,
    expectedNonce,
    pcrs,
  });
}
