import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

/** The in-toto statement type and hclkit's predicate type. @public */
export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
/** @public */
export const PREDICATE_TYPE = "https://hclkit.dev/attestation/qualification/v1";
/** DSSE payload type of an in-toto statement. @public */
export const PAYLOAD_TYPE = "application/vnd.in-toto+json";

/** A DSSE envelope (secure-systems-lab/dsse, protocol v1). @public */
export interface Envelope {
  readonly payloadType: string;
  /** Base64 of the payload bytes. */
  readonly payload: string;
  readonly signatures: readonly { readonly keyid: string; readonly sig: string }[];
}

/**
 * DSSE's pre-authentication encoding: `DSSEv1 SP LEN(type) SP type SP LEN(body) SP body`, lengths
 * in ASCII decimal bytes. What is signed is this, never the bare payload.
 *
 * @public
 */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.byteLength} `, "utf8"),
    type,
    Buffer.from(` ${payload.byteLength} `, "utf8"),
    payload,
  ]);
}

/** The key id of a public key: SHA-256 of its SPKI DER encoding, hex. @public */
export function keyId(key: KeyObject): string {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(pub.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/** Signs a payload into an envelope with an Ed25519 private key (PEM PKCS#8). @public */
export function signEnvelope(payload: Buffer, privateKeyPem: string): Envelope {
  const key = createPrivateKey(privateKeyPem);
  const sig = sign(null, pae(PAYLOAD_TYPE, payload), key);
  return {
    payloadType: PAYLOAD_TYPE,
    payload: payload.toString("base64"),
    signatures: [{ keyid: keyId(key), sig: sig.toString("base64") }],
  };
}

/** Whether one of the envelope's signatures is a valid Ed25519 signature by this public key. @public */
export function envelopeSignedBy(envelope: Envelope, publicKeyPem: string): boolean {
  const key = createPublicKey(publicKeyPem);
  const id = keyId(key);
  const message = pae(envelope.payloadType, Buffer.from(envelope.payload, "base64"));
  return envelope.signatures.some(
    (s) => s.keyid === id && verify(null, message, key, Buffer.from(s.sig, "base64")),
  );
}
