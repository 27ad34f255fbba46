import { createHash } from "node:crypto";
import { HclError } from "../../core/errors/hcl-error.js";
import { quoteReport, quoteToJson, type TpmQuoteJson } from "../../core/tpm/attest.js";
import { prepareTpm } from "../../core/tpm/family.js";
import { openTpmTransport } from "../../core/tpm/open-tpm.js";
import { TPM_ALG } from "../../core/tpm/tpm2/constants.js";
import { tpm2PcrRead } from "../../core/tpm/tpm2/pcr-read.js";
import type { Report } from "./build-report.js";

/** The PCRs a report's quote covers: firmware, option ROMs, boot loader, Secure Boot policy (TCG PC Client PFP §3.3.4). */
export const ATTESTED_PCRS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** What a report says of its attestation: the PCR values quoted. @public */
export interface ReportAttestation {
  readonly bank: "sha256";
  /** PCR index → hex value, read from the TPM before quoting. */
  readonly pcrs: Readonly<Record<string, string>>;
  /** The key's trust is not established: say so wherever the report is read. */
  readonly keyTrust: string;
}

const KEY_TRUST =
  "not verified: the attestation key is created on this TPM; its endorsement key certificate chain is not checked, so a verifier learns that the key's holder quoted these PCRs, not that the key is a genuine TPM's";

/** A report with its attestation, its bytes, and the TPM's quote over them. @public */
export interface AttestedReport {
  readonly report: Report & { readonly attestation: ReportAttestation };
  readonly bytes: Buffer;
  readonly quote: TpmQuoteJson;
}

const TIMEOUT_MS = 30_000;

async function readPcrs(spec: string | null, root: string): Promise<Record<string, string>> {
  const transport = await openTpmTransport(spec, { root, timeoutMs: TIMEOUT_MS });
  if (transport === null)
    throw new HclError("HCL_E_TPM_OPEN", `no TPM device under ${root} (/dev/tpmrm0, /dev/tpm0)`, {
      hint: "Give the TPM with --tpm SPEC.",
    });
  try {
    const prepared = await prepareTpm(transport, TIMEOUT_MS);
    if (prepared.family !== "2.0")
      throw new HclError(
        "HCL_E_TPM_FAMILY",
        `${transport.spec} is a TPM ${prepared.family}: attested reports need a TPM 2.0`,
        { details: { tpm: transport.spec } },
      );
    const read = await tpm2PcrRead(
      transport,
      [{ hash: TPM_ALG.SHA256, pcrs: [...ATTESTED_PCRS] }],
      { timeoutMs: TIMEOUT_MS },
    );
    return Object.fromEntries(read.values.map((v) => [String(v.pcr), v.digest]));
  } finally {
    await transport.close();
  }
}

/**
 * Attests a report with a TPM 2.0 (issue: attested reports): reads PCRs 0–7 of the sha256 bank,
 * writes them into the report, and has the TPM quote the same PCRs with the SHA-256 of the
 * report's bytes as qualifying data. When a PCR moves between the read and the quote, it starts
 * again (three times at most). `hclkit verify` checks the quote's signature, that its nonce is the
 * digest of the bundled report, and that the quoted PCR digest is that of the report's values —
 * so a report edited after quoting fails.
 *
 * @throws HclError `HCL_E_TPM_*` (no TPM, a TPM 1.2, a TPM that does not answer).
 * @public
 */
export async function attestReport(
  report: Report,
  spec: string | null,
  root: string,
): Promise<AttestedReport> {
  for (let attempt = 1; ; attempt++) {
    const pcrs = await readPcrs(spec, root);
    const attested = {
      ...report,
      attestation: { bank: "sha256" as const, pcrs, keyTrust: KEY_TRUST },
    };
    const bytes = Buffer.from(`${JSON.stringify(attested, null, 2)}\n`);
    const nonce = createHash("sha256").update(bytes).digest();
    const quote = await quoteReport(spec, {
      root,
      nonce,
      pcrs: [...ATTESTED_PCRS],
      bank: "sha256",
      timeoutMs: TIMEOUT_MS,
    });
    if (JSON.stringify(quote.pcrs["sha256"] ?? {}) === JSON.stringify(pcrs))
      return { report: attested, bytes, quote: quoteToJson(quote) };
    if (attempt >= 3)
      throw new HclError(
        "HCL_E_TPM_QUOTE_PCR_DIGEST",
        "the TPM's PCRs kept changing between reading and quoting them (3 attempts)",
        {
          hint: "Something extends PCRs 0-7 after boot; attest when the machine is idle.",
        },
      );
  }
}
