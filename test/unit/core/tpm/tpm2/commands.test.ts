import { expect } from "chai";
import { HclError } from "../../../../../core/errors/hcl-error.js";
import { toHex } from "../../../../../core/tpm/bytes.js";
import {
  activeBanks,
  tcgVendorId,
  tpm2GetPcrBanks,
  tpm2ReadIdentity,
} from "../../../../../core/tpm/tpm2/capabilities.js";
import {
  tpm2GetRandom,
  tpm2GetTestResult,
  tpm2SelfTest,
  tpm2Startup,
} from "../../../../../core/tpm/tpm2/commands.js";
import { tpm2PcrRead } from "../../../../../core/tpm/tpm2/pcr-read.js";
import type { TpmTransport } from "../../../../../core/tpm/transport.js";
import { expectRejectCode, hex } from "../expect-code.js";
import {
  ScriptedTransport,
  commandCode,
  fakePcr,
  fakeTpm2,
  response2,
  type TpmHandler,
} from "../fake-tpm.js";

const O = { timeoutMs: 100 };
const ALL = Array.from({ length: 24 }, (_, i) => i);

describe("TPM 2.0 commands", () => {
  it("TPM2_Startup says whether it started the TPM or found it started", async () => {
    const fake = fakeTpm2({ needsStartup: true });
    const t = new ScriptedTransport(fake);
    expect(await tpm2Startup(t, "clear", O)).to.equal("started");
    expect(await tpm2Startup(t, "clear", O)).to.equal("already");
    expect(toHex(t.sent[0] as Uint8Array)).to.equal("80010000000c000001440000");
  });

  it("TPM2_SelfTest(full) sends fullTest YES; TPM2_GetTestResult reads outData and testResult", async () => {
    const t = new ScriptedTransport(fakeTpm2());
    await tpm2SelfTest(t, true, O);
    expect(toHex(t.sent[0] as Uint8Array)).to.equal("80010000000b0000014301");
    const result = await tpm2GetTestResult(t, O);
    expect(toHex(result.outData)).to.equal("ab");
    expect(result.testResult.name).to.equal("TPM_RC_SUCCESS");
  });

  it("reads the identity across GetCapability responses that say moreData", async () => {
    const fake = fakeTpm2({ manufacturer: 0x53544d20, firmware: [0x00490004, 0x00000000] });
    const t = new ScriptedTransport(fake);
    const id = await tpm2ReadIdentity(t, O);
    expect(id).to.deep.include({
      family: "2.0",
      vendorString: "SLB9670",
      specRevision: "1.38",
      pcrCount: 24,
    });
    expect(id.manufacturer).to.deep.equal({ id: 0x53544d20, vendor: "STM" });
    expect(id.firmware).to.deep.equal({ version1: 0x00490004, version2: 0, text: "73.4.0.0" });
    expect(fake.received.filter((c) => c === 0x17a).length).to.be.greaterThan(1);
    expect(toHex(t.sent[0] as Uint8Array)).to.equal(
      "8001" + "00000016" + "0000017a" + "00000006" + "00000100" + "00000013",
    );
  });

  it("names vendors by their four ASCII characters, without padding", () => {
    expect(tcgVendorId(0x49424d00)).to.equal("IBM");
    expect(tcgVendorId(0x49465800)).to.equal("IFX");
    expect(tcgVendorId(0x4e544300)).to.equal("NTC");
    expect(tcgVendorId(0x00000000)).to.equal(null);
    expect(tcgVendorId(0x01020304)).to.equal(null);
  });

  it("reads the allocated banks", async () => {
    const t = new ScriptedTransport(fakeTpm2({ banks: [0x000b, 0x000c] }));
    const banks = await tpm2GetPcrBanks(t, O);
    expect(activeBanks(banks)).to.deep.equal(["sha256", "sha384"]);
    expect(banks[0]?.pcrs).to.deep.equal(ALL);
  });

  it("TPM2_PCR_Read loops on the returned selection when a response holds fewer digests than asked", async () => {
    const options = { digestsPerRead: 5 };
    const fake = fakeTpm2(options);
    const t = new ScriptedTransport(fake);
    const result = await tpm2PcrRead(
      t,
      [
        { hash: 0x0004, pcrs: ALL },
        { hash: 0x000b, pcrs: ALL },
      ],
      O,
    );
    expect(result.responses).to.equal(10);
    expect(result.values).to.have.length(48);
    expect(result.unread).to.deep.equal([]);
    for (const v of result.values) expect(v.digest).to.equal(fakePcr(options, v.hash, v.pcr));
    expect(result.values.map((v) => `${v.bank}:${v.pcr}`).slice(0, 3)).to.deep.equal([
      "sha1:0",
      "sha1:1",
      "sha1:2",
    ]);
    // PCR_Read(sha256:0,1,2) as tpm2_pcrread sends it.
    const one = new ScriptedTransport(fakeTpm2());
    await tpm2PcrRead(one, [{ hash: 0x000b, pcrs: [0, 1, 2] }], O);
    expect(toHex(one.sent[0] as Uint8Array)).to.equal(
      "80010000001400" + "00017e" + "00000001000b03070000",
    );
  });

  it("reports PCRs of a bank the TPM never returns as unread", async () => {
    const t = new ScriptedTransport(fakeTpm2({ banks: [0x000b] }));
    const result = await tpm2PcrRead(
      t,
      [
        { hash: 0x000b, pcrs: [0, 1] },
        { hash: 0x000c, pcrs: [0] },
      ],
      O,
    );
    expect(result.values.map((v) => v.bank)).to.deep.equal(["sha256", "sha256"]);
    expect(result.unread).to.deep.equal([{ hash: 0x000c, pcrs: [0] }]);
  });

  it("refuses a PCR_Read response whose digests disagree with its selection", async () => {
    const lying: TpmHandler = () => response2(0, hex("00000001 00000001 000b 03 010000 00000000"));
    await expectRejectCode(
      tpm2PcrRead(new ScriptedTransport(lying), [{ hash: 0x000b, pcrs: [0] }], O),
      "HCL_E_TPM_MALFORMED",
      /selects 1 PCRs but pcrValues holds 0/,
    );
    const short: TpmHandler = () =>
      response2(0, hex("00000001 00000001 000b 03 010000 00000001 0002 abcd"));
    await expectRejectCode(
      tpm2PcrRead(new ScriptedTransport(short), [{ hash: 0x000b, pcrs: [0] }], O),
      "HCL_E_TPM_MALFORMED",
      /2-byte digest, expected 32/,
    );
    const other: TpmHandler = () =>
      response2(0, hex("00000001 00000001 000b 03 020000 00000001 0020" + "00".repeat(32)));
    await expectRejectCode(
      tpm2PcrRead(new ScriptedTransport(other), [{ hash: 0x000b, pcrs: [0] }], O),
      "HCL_E_TPM_MALFORMED",
      /PCR 1, which was not asked for/,
    );
  });

  it("TPM2_GetRandom loops to the size asked, and refuses an answer longer than asked", async () => {
    const t = new ScriptedTransport(fakeTpm2({ randomChunk: 7 }));
    const random = await tpm2GetRandom(t, 100, O);
    expect(random.bytes).to.have.length(100);
    expect(random.responses).to.equal(Math.ceil(100 / 7));
    const greedy = new ScriptedTransport(() => response2(0, hex("0003 010203")));
    await expectRejectCode(
      tpm2GetRandom(greedy, 2, O),
      "HCL_E_TPM_MALFORMED",
      /with 3 bytes, expected 1 to 2/,
    );
  });

  describe("a response cut at any byte", () => {
    const commands: [string, (t: TpmTransport) => Promise<unknown>][] = [
      ["TPM2_GetCapability(TPM_PROPERTIES)", (t) => tpm2ReadIdentity(t, O)],
      ["TPM2_GetCapability(TPM_PCRS)", (t) => tpm2GetPcrBanks(t, O)],
      ["TPM2_PCR_Read", (t) => tpm2PcrRead(t, [{ hash: 0x000b, pcrs: [0, 1, 2] }], O)],
      ["TPM2_GetRandom", (t) => tpm2GetRandom(t, 16, O)],
      ["TPM2_GetTestResult", (t) => tpm2GetTestResult(t, O)],
    ];
    for (const [name, run] of commands)
      it(`${name}: a coded error, whether the header's size is left or follows the cut`, async () => {
        const whole = fakeTpm2();
        const sample = new ScriptedTransport(whole);
        await run(sample);
        const full = whole(sample.sent[0] as Uint8Array) as Uint8Array;
        for (let cut = 0; cut < full.length; cut++)
          for (const patch of [false, true]) {
            const bytes = full.slice(0, cut);
            if (patch && cut >= 6) new DataView(bytes.buffer).setUint32(2, cut);
            const first = commandCode(sample.sent[0] as Uint8Array);
            const t = new ScriptedTransport((command) =>
              commandCode(command) === first ? bytes : whole(command),
            );
            try {
              await run(t);
              expect.fail(`a cut at ${cut} passed`);
            } catch (error) {
              expect(error, `cut at ${cut}: ${String(error)}`).to.be.instanceOf(HclError);
              expect((error as HclError).code).to.match(
                /^HCL_E_TPM_(TRUNCATED|BAD_SIZE|MALFORMED)$/,
              );
            }
          }
      });
  });
});
