import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { exitCodeOf } from "../../../../core/errors/codes.js";
import { toHex } from "../../../../core/tpm/bytes.js";
import {
  parseQuoteAttestation,
  verifyQuote,
  type PcrValues,
} from "../../../../core/tpm/verify-quote.js";
import { verifyQuoteJson } from "../../../../core/tpm/attest.js";
import { expectCode, hex } from "./expect-code.js";

const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const PEM = publicKey.export({ type: "spki", format: "pem" }).toString();
const NONCE = createHash("sha256").update("report.json").digest();
const PCRS: PcrValues = {
  sha256: Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [
      String(i),
      createHash("sha256").update(`pcr${i}`).digest("hex"),
    ]),
  ),
};
const u16 = (n: number): string => n.toString(16).padStart(4, "0");
const tpm2b = (h: string): string => u16(h.length / 2) + h;

/** TPMS_ATTEST of a quote, field by field (Part 2 §10.12.12). */
function attestHex(
  o: { magic?: string; type?: string; nonce?: string; select?: string; digest?: string } = {},
): string {
  const digest =
    o.digest ??
    createHash("sha256")
      .update(Buffer.concat(Object.values(PCRS.sha256 ?? {}).map((v) => Buffer.from(v, "hex"))))
      .digest("hex");
  return [
    o.magic ?? "ff544347", // magic TPM_GENERATED_VALUE
    o.type ?? "8018", // type TPM_ST_ATTEST_QUOTE
    tpm2b("000b" + "11".repeat(32)), // qualifiedSigner
    tpm2b(o.nonce ?? toHex(NONCE)), // extraData
    "0000000000012345" + "00000002" + "00000001" + "01", // clockInfo
    "2019102300163636", // firmwareVersion
    o.select ?? "00000001" + "000b" + "03" + "ff0000", // pcrSelect: sha256 PCRs 0-7
    tpm2b(digest), // pcrDigest
  ].join("");
}

/** TPMT_SIGNATURE: ECDSA, SHA-256, r and s as TPM2B_ECC_PARAMETER. */
function signatureOf(attest: Uint8Array, key: KeyObject = privateKey): Uint8Array {
  const raw = sign("sha256", attest, { key, dsaEncoding: "ieee-p1363" });
  return hex(
    "0018" +
      "000b" +
      tpm2b(raw.subarray(0, 32).toString("hex")) +
      tpm2b(raw.subarray(32).toString("hex")),
  );
}

function quote(attest = hex(attestHex())): {
  attest: Uint8Array;
  signature: Uint8Array;
  publicKeyPem: string;
  expectedNonce: Uint8Array;
  pcrs: PcrValues;
} {
  return {
    attest,
    signature: signatureOf(attest),
    publicKeyPem: PEM,
    expectedNonce: NONCE,
    pcrs: PCRS,
  };
}

describe("verifyQuote", () => {
  it("accepts a quote signed over the nonce and the PCR values", () => {
    const verified = verifyQuote(quote());
    expect(verified.covered).to.equal("sha256:0,1,2,3,4,5,6,7");
    expect(verified.attestation.extraData).to.equal(toHex(NONCE));
    expect(verified.attestation.clock).to.deep.equal({
      clock: 0x12345n,
      resetCount: 2,
      restartCount: 1,
      safe: true,
    });
  });

  it("fails HCL_E_TPM_QUOTE_SIGNATURE for a flipped bit anywhere in the attestation, or another key", () => {
    const q = quote();
    for (let at = 0; at < q.attest.length; at++) {
      const attest = q.attest.slice();
      attest[at] = (attest[at] as number) ^ 0x01;
      expectCode(() => verifyQuote({ ...q, attest }), "HCL_E_TPM_QUOTE_SIGNATURE");
    }
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    const error = expectCode(
      () => verifyQuote({ ...q, publicKeyPem: other }),
      "HCL_E_TPM_QUOTE_SIGNATURE",
      /does not verify/,
    );
    expect(exitCodeOf(error.code)).to.equal(1);
  });

  it("fails each content check with its own code", () => {
    expectCode(
      () => verifyQuote({ ...quote(), expectedNonce: Buffer.alloc(32) }),
      "HCL_E_TPM_QUOTE_NONCE",
      /expected 0{64}/,
    );
    const pcrs = { sha256: { ...PCRS.sha256, "3": "00".repeat(32) } };
    expectCode(
      () => verifyQuote({ ...quote(), pcrs }),
      "HCL_E_TPM_QUOTE_PCR_DIGEST",
      /the values given hash to/,
    );
    const fewer = { sha256: Object.fromEntries(Object.entries(PCRS.sha256 ?? {}).slice(0, 7)) };
    expectCode(
      () => verifyQuote({ ...quote(), pcrs: fewer }),
      "HCL_E_TPM_QUOTE_PCR_SELECTION",
      /covers PCRs sha256:0,1,2,3,4,5,6,7, the values given are of sha256:0,1,2,3,4,5,6$/,
    );
    expectCode(
      () => verifyQuote(quote(hex(attestHex({ magic: "ff544348" })))),
      "HCL_E_TPM_QUOTE_MAGIC",
      /0xFF544348/,
    );
    expectCode(
      () => verifyQuote(quote(hex(attestHex({ type: "8017" })))),
      "HCL_E_TPM_QUOTE_TYPE",
      /0x8017/,
    );
    expectCode(
      () => verifyQuote({ ...quote(), pcrs: { sha256: { ...PCRS.sha256, "0": "zz" } } }),
      "HCL_E_TPM_QUOTE_PCR_DIGEST",
      /not a 32-byte digest/,
    );
  });

  it("fails HCL_E_TPM_QUOTE_MALFORMED, never a crash, for structures cut at any byte", () => {
    const q = quote();
    for (let cut = 0; cut < q.signature.length; cut++)
      expectCode(
        () => verifyQuote({ ...q, signature: q.signature.subarray(0, cut) }),
        "HCL_E_TPM_QUOTE_MALFORMED",
      );
    for (let cut = 0; cut < q.attest.length; cut++) {
      const attest = q.attest.subarray(0, cut);
      expectCode(
        () => verifyQuote({ ...q, attest, signature: signatureOf(attest) }),
        "HCL_E_TPM_QUOTE_MALFORMED",
      );
    }
    const longer = hex(attestHex() + "00");
    expectCode(() => verifyQuote(quote(longer)), "HCL_E_TPM_QUOTE_MALFORMED", /bytes left/);
  });

  it("refuses a key that is not an EC or RSA public key", () => {
    expectCode(() => verifyQuote({ ...quote(), publicKeyPem: "not a key" }), "HCL_E_TPM_QUOTE_KEY");
    const ed = generateKeyPairSync("ed25519")
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    expectCode(
      () => verifyQuote({ ...quote(), publicKeyPem: ed }),
      "HCL_E_TPM_QUOTE_KEY",
      /ed25519/,
    );
  });

  it("accepts r or s shorter than the curve's size (TPM2B drops leading zeros)", () => {
    const attest = hex(attestHex());
    for (let i = 0; i < 5000; i++) {
      const raw = sign("sha256", attest, { key: privateKey, dsaEncoding: "ieee-p1363" });
      if (raw[0] !== 0) continue;
      const signature = hex(
        "0018000b" +
          tpm2b(raw.subarray(1, 32).toString("hex")) +
          tpm2b(raw.subarray(32).toString("hex")),
      );
      expect(verifyQuote({ ...quote(attest), signature }).covered).to.equal(
        "sha256:0,1,2,3,4,5,6,7",
      );
      return;
    }
    expect.fail("no signature with a leading zero in 5000 tries");
  });

  it("verifies an RSASSA quote with an RSA key", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const attest = hex(attestHex());
    const sig = sign("sha256", attest, rsa.privateKey);
    const signature = hex("0014000b" + tpm2b(sig.toString("hex")));
    const pem = rsa.publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(verifyQuote({ ...quote(attest), signature, publicKeyPem: pem }).covered).to.equal(
      "sha256:0,1,2,3,4,5,6,7",
    );
  });

  it("reads a quote's JSON form, refusing fields that are not strings", () => {
    const q = quote();
    const json = {
      attest: Buffer.from(q.attest).toString("base64"),
      signature: Buffer.from(q.signature).toString("base64"),
      publicKeyPem: PEM,
    };
    expect(verifyQuoteJson(json, NONCE, PCRS).covered).to.equal("sha256:0,1,2,3,4,5,6,7");
    expectCode(
      () => verifyQuoteJson({ ...json, attest: 5 }, NONCE, PCRS),
      "HCL_E_TPM_QUOTE_MALFORMED",
      /attest is 5/,
    );
  });
});

describe("parseQuoteAttestation", () => {
  it("fails with a coded TPM error at every cut", () => {
    const attest = hex(attestHex());
    for (let cut = 0; cut < attest.length; cut++)
      try {
        parseQuoteAttestation(attest.subarray(0, cut));
        expect.fail(`a cut at ${cut} parsed`);
      } catch (error) {
        expect(error).to.be.instanceOf(HclError);
        expect((error as HclError).code).to.match(/^HCL_E_TPM_(TRUNCATED|MALFORMED)$/);
      }
  });
});
