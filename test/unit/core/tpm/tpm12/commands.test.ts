import { expect } from "chai";
import { HclError } from "../../../../../core/errors/hcl-error.js";
import { toHex } from "../../../../../core/tpm/bytes.js";
import {
  marshalTpm12Command,
  parseTpm12Response,
  tpm12GetProperty,
  tpm12GetRandom,
  tpm12GetVersion,
  tpm12PcrRead,
  tpm12SelfTestFull,
  tpm12Startup,
} from "../../../../../core/tpm/tpm12/commands.js";
import { expectCode, expectRejectCode, hex } from "../expect-code.js";
import { ScriptedTransport, fakePcr12, fakeTpm12, response12 } from "../fake-tpm.js";

const O = { timeoutMs: 100 };

/** swtpm 0.7.1's answer to TPM_GetCapability(TPM_CAP_VERSION_VAL), recorded. */
const SWTPM_VERSION = hex("00c4 0000001d 00000000 0000000f 0030 0102129e 0002 03 49424d00 0000");

describe("TPM 1.2 commands", () => {
  it("marshals commands as Main Part 3 gives them: tag 0x00C1, paramSize, ordinal", () => {
    expect(toHex(marshalTpm12Command(0x65, hex("0000001a 00000000")))).to.equal(
      "00c1" + "00000012" + "00000065" + "0000001a" + "00000000",
    );
    expect(toHex(marshalTpm12Command(0x15, hex("00000017")))).to.equal(
      "00c10000000e0000001500000017",
    );
  });

  it("reads TPM_CAP_VERSION_INFO: family, firmware revision, vendor", async () => {
    const t = new ScriptedTransport(() => SWTPM_VERSION);
    expect(await tpm12GetVersion(t, O)).to.deep.equal({
      family: "1.2",
      firmware: "18.158",
      specLevel: 2,
      errataRev: 3,
      vendorId: { hex: "49424d00", vendor: "IBM" },
    });
    expect(toHex(t.sent[0] as Uint8Array)).to.equal("00c1000000120000006500000" + "01a00000000");
  });

  it("reads a property, a PCR and random bytes in as many answers as it takes", async () => {
    const options = { pcrs: { 7: "11".repeat(20) } };
    const t = new ScriptedTransport(fakeTpm12(options));
    expect(await tpm12GetProperty(t, 0x103, O)).to.equal(0x49465800);
    expect(await tpm12PcrRead(t, 7, O)).to.equal("11".repeat(20));
    expect(await tpm12PcrRead(t, 0, O)).to.equal(fakePcr12(options, 0));
    const random = await tpm12GetRandom(t, 300, O);
    expect(random.bytes).to.have.length(300);
    expect(random.responses).to.equal(5);
  });

  it("decodes return codes: a PCR past the last is TPM_BADINDEX, a failed self-test TPM_FAILEDSELFTEST", async () => {
    const t = new ScriptedTransport(fakeTpm12({ selfTest: "fail" }));
    await expectRejectCode(
      tpm12PcrRead(t, 24, O),
      "HCL_E_TPM_RESPONSE_CODE",
      /TPM_BADINDEX \(0x002\)/,
    );
    const failed = await expectRejectCode(
      tpm12SelfTestFull(t, O),
      "HCL_E_TPM_RESPONSE_CODE",
      /TPM_FAILEDSELFTEST/,
    );
    expect(failed.details["responseCode"]).to.equal(0x1c);
  });

  it("TPM_Startup: started, or already started (TPM_INVALID_POSTINIT)", async () => {
    const t = new ScriptedTransport(fakeTpm12({ needsStartup: true }));
    expect(await tpm12Startup(t, O)).to.equal("started");
    expect(await tpm12Startup(t, O)).to.equal("already");
  });

  it("refuses a TPM 2.0 tag, a size that disagrees, and a random answer longer than asked", async () => {
    expectCode(
      () => parseTpm12Response(hex("8001 0000000a 00000000"), 0x65, "t"),
      "HCL_E_TPM_BAD_TAG",
      /expected 0x00C4/,
    );
    expectCode(
      () => parseTpm12Response(hex("00c4 0000000b 00000000"), 0x65, "t"),
      "HCL_E_TPM_BAD_SIZE",
    );
    const greedy = new ScriptedTransport(() => response12(0, hex("00000009 000000000000000000")));
    await expectRejectCode(
      tpm12GetRandom(greedy, 8, O),
      "HCL_E_TPM_MALFORMED",
      /randomBytesSize is 9 for a request of 8/,
    );
  });

  it("fails with a coded error for the version answer cut at any byte", async () => {
    for (let cut = 0; cut < SWTPM_VERSION.length; cut++)
      for (const patch of [false, true]) {
        const bytes = SWTPM_VERSION.slice(0, cut);
        if (patch && cut >= 6) new DataView(bytes.buffer).setUint32(2, cut);
        try {
          await tpm12GetVersion(new ScriptedTransport(() => bytes), O);
          expect.fail(`a cut at ${cut} passed`);
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(HclError);
          expect((error as HclError).code).to.match(/^HCL_E_TPM_(TRUNCATED|BAD_SIZE|MALFORMED)$/);
        }
      }
  });
});
