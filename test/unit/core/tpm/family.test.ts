import { expect } from "chai";
import { prepareTpm } from "../../../../core/tpm/family.js";
import { expectRejectCode, hex } from "./expect-code.js";
import {
  ScriptedTransport,
  commandCode,
  fakeTpm12,
  fakeTpm2,
  response12,
  response2,
} from "./fake-tpm.js";

describe("prepareTpm", () => {
  it("finds a started TPM 2.0 and sends it nothing but the family probe", async () => {
    const fake = fakeTpm2();
    const prepared = await prepareTpm(new ScriptedTransport(fake), 100);
    expect(prepared).to.include({
      family: "2.0",
      poweredOn: false,
      startedUp: false,
      failure: null,
    });
    expect(fake.received).to.deep.equal([0x17a]);
  });

  it("starts a TPM 2.0 that answers TPM_RC_INITIALIZE", async () => {
    const fake = fakeTpm2({ needsStartup: true });
    const prepared = await prepareTpm(new ScriptedTransport(fake), 100);
    expect(prepared).to.include({ family: "2.0", startedUp: true });
    expect(fake.received).to.deep.equal([0x17a, 0x144, 0x17a]);
  });

  it("powers swtpm on through its control channel when it answers as never initialised", async () => {
    const off = () => response2(0x101);
    const t = new ScriptedTransport(off, "swtpm:h:1", () => fakeTpm2({ needsStartup: true }));
    const prepared = await prepareTpm(t, 100);
    expect(prepared).to.include({ family: "2.0", poweredOn: true, startedUp: true, failure: null });
    expect(t.powerOns).to.equal(1);
    const off12 = () => response12(0x09);
    const t12 = new ScriptedTransport(off12, "swtpm:h:1", () => fakeTpm12({ needsStartup: true }));
    expect(await prepareTpm(t12, 100)).to.include({
      family: "1.2",
      poweredOn: true,
      startedUp: true,
    });
  });

  it("reports a kernel device in failure mode instead of throwing", async () => {
    const prepared = await prepareTpm(new ScriptedTransport(fakeTpm2({ failureMode: true })), 100);
    expect(prepared.family).to.equal("2.0");
    expect(prepared.failure).to.match(/^TPM_RC_FAILURE/);
  });

  it("tells a TPM 1.2 by its 0x00C4 answer, and starts it when it is not", async () => {
    const fake = fakeTpm12({ needsStartup: true });
    const prepared = await prepareTpm(new ScriptedTransport(fake), 100);
    expect(prepared).to.include({ family: "1.2", startedUp: true, failure: null });
    expect(fake.received).to.deep.equal([0x17a, 0x65, 0x99, 0x65]);
  });

  it("refuses an answer with neither family's tag", async () => {
    await expectRejectCode(
      prepareTpm(new ScriptedTransport(() => hex("4142 0000000a 00000000")), 100),
      "HCL_E_TPM_BAD_TAG",
      /tag 0x4142/,
    );
  });

  it("passes on other errors of the probe", async () => {
    const t = new ScriptedTransport((c) => (commandCode(c) === 0x17a ? response2(0x98e) : null));
    await expectRejectCode(prepareTpm(t, 100), "HCL_E_TPM_RESPONSE_CODE", /TPM_RC_AUTH_FAIL/);
  });
});
