import { generateKeyPairSync } from "node:crypto";
import { expect } from "chai";
import fc from "fast-check";
import { envelopeSignedBy, keyId, pae, signEnvelope } from "../../../../hcl/report/dsse.js";

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    private: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    public: publicKey.export({ type: "spki", format: "pem" }).toString(),
    id: keyId(publicKey),
  };
};

describe("hcl/report/dsse", () => {
  it("encodes the DSSE v1 pre-authentication as the protocol says", () => {
    // The protocol's worked example (secure-systems-lab/dsse, protocol.md).
    expect(pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).to.equal(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
  });

  it("signs and verifies; any change to the payload, the type or the key fails", () => {
    const a = pair();
    const b = pair();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), (bytes, at) => {
        const envelope = signEnvelope(Buffer.from(bytes), a.private);
        expect(envelope.signatures[0]?.keyid).to.equal(a.id);
        expect(envelopeSignedBy(envelope, a.public)).to.equal(true);
        expect(envelopeSignedBy(envelope, b.public)).to.equal(false);
        const changed = Buffer.from(bytes);
        changed[at % changed.length] = (changed[at % changed.length] ?? 0) ^ 1;
        expect(
          envelopeSignedBy({ ...envelope, payload: changed.toString("base64") }, a.public),
        ).to.equal(false);
        expect(envelopeSignedBy({ ...envelope, payloadType: "text/plain" }, a.public)).to.equal(
          false,
        );
      }),
      { numRuns: 30 },
    );
  });
});
