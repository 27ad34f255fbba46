import { expect } from "chai";
import fc from "fast-check";
import { decodeResponseCode } from "../../../../../core/tpm/tpm2/response-codes.js";
import { decodeTpm12ReturnCode } from "../../../../../core/tpm/tpm12/return-codes.js";
import { RUNS } from "../../../../helpers/mutations.js";

describe("decodeResponseCode (TPM 2.0)", () => {
  it("names format-zero codes with their meaning", () => {
    const init = decodeResponseCode(0x100);
    expect(init).to.include({ name: "TPM_RC_INITIALIZE", severity: "error", subject: null });
    expect(init.text).to.equal(
      "TPM_RC_INITIALIZE (0x100): TPM not initialized by TPM2_Startup or already initialized",
    );
    expect(decodeResponseCode(0x101).name).to.equal("TPM_RC_FAILURE");
    expect(decodeResponseCode(0x143).name).to.equal("TPM_RC_COMMAND_CODE");
  });

  it("names warnings, among them the retryable ones", () => {
    for (const [code, name] of [
      [0x922, "TPM_RC_RETRY"],
      [0x908, "TPM_RC_YIELDED"],
      [0x90a, "TPM_RC_TESTING"],
      [0x921, "TPM_RC_LOCKOUT"],
      [0x912, "TPM_RC_REFERENCE_H2"],
      [0x918, "TPM_RC_REFERENCE_S0"],
    ] as const)
      expect(decodeResponseCode(code)).to.include({ name, severity: "warning" });
  });

  it("says which handle, session or parameter a format-one code is about", () => {
    // TPM_RC_AUTH_FAIL + TPM_RC_S + TPM_RC_1: the first session's HMAC failed.
    expect(decodeResponseCode(0x98e)).to.deep.include({
      name: "TPM_RC_AUTH_FAIL",
      subject: { kind: "session", index: 1 },
    });
    // TPM_RC_VALUE + TPM_RC_P + TPM_RC_2: the second parameter.
    const value = decodeResponseCode(0x2c4);
    expect(value).to.deep.include({
      name: "TPM_RC_VALUE",
      subject: { kind: "parameter", index: 2 },
    });
    expect(value.text).to.equal(
      "TPM_RC_VALUE (0x2C4, parameter 2): value is out of range or is not correct for the context",
    );
    // TPM_RC_HANDLE + TPM_RC_H + TPM_RC_1.
    expect(decodeResponseCode(0x18b)).to.deep.include({
      name: "TPM_RC_HANDLE",
      subject: { kind: "handle", index: 1 },
    });
  });

  it("reads TPM_RC_BAD_TAG as the TPM 1.2 code it shares, and software layers apart", () => {
    expect(decodeResponseCode(0x01e).name).to.equal("TPM_RC_BAD_TAG");
    const layered = decodeResponseCode(0x000b0101);
    expect(layered.name).to.equal("layer 11: TPM_RC_FAILURE");
  });

  it("gives codes outside the table a generic name built from their fields", () => {
    expect(decodeResponseCode(0x17f).name).to.equal("TPM_RC_VER1+0x07F");
    expect(decodeResponseCode(0x97f).name).to.equal("TPM_RC_WARN+0x07F");
    expect(decodeResponseCode(0x0bf).name).to.equal("TPM_RC_FMT1+0x03F");
    expect(decodeResponseCode(0x500).name).to.equal("TPM_RC_VENDOR+0x000");
  });

  it("decodes every 32-bit code to a name and a text, never throwing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (code) => {
        const d = decodeResponseCode(code);
        expect(d.name).to.be.a("string").and.not.equal("");
        expect(d.text).to.include(d.name);
      }),
      RUNS,
    );
  });
});

describe("decodeTpm12ReturnCode", () => {
  it("names fatal and non-fatal codes (Main Part 2 §16)", () => {
    expect(decodeTpm12ReturnCode(0x1c)).to.include({
      name: "TPM_FAILEDSELFTEST",
      severity: "fatal",
    });
    expect(decodeTpm12ReturnCode(0x26).name).to.equal("TPM_INVALID_POSTINIT");
    expect(decodeTpm12ReturnCode(0x802)).to.include({
      name: "TPM_DOING_SELFTEST",
      severity: "non-fatal",
    });
    expect(decodeTpm12ReturnCode(0).name).to.equal("TPM_SUCCESS");
    expect(decodeTpm12ReturnCode(0x401).name).to.equal("TPM_VENDOR_ERROR+0x001");
    expect(decodeTpm12ReturnCode(0x77).name).to.equal("TPM_BASE+0x077");
  });
});
