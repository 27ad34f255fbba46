import { expect } from "chai";
import { tpmSelftest } from "../../../../../core/run/tests/tpm-selftest.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejectCode } from "../../tpm/expect-code.js";
import { fakeTpm12, fakeTpm2, useFakeTpms } from "../../tpm/fake-tpm.js";
import { testContext } from "./sysroot.js";

describe("tpm.selftest", () => {
  const tmp = useTmpDirs();
  const fake = useFakeTpms();

  it("passes a TPM 2.0 whose full self-test succeeds, measuring its duration", async () => {
    const handler = fakeTpm2();
    const tpm = await fake(handler);
    const context = testContext(tmp(), { tpm: tpm.spec });
    const result = await tpmSelftest.run(context);
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements[0]).to.include({ name: "duration", unit: "ms" });
    expect(handler.received).to.include.members([0x143, 0x17c]);
    expect(context.lines).to.include("TPM2_GetTestResult: TPM_RC_SUCCESS, outData ab");
  });

  it("polls TPM2_GetTestResult while the TPM answers TPM_RC_TESTING", async () => {
    const handler = fakeTpm2({ selfTest: "testing" });
    const tpm = await fake(handler);
    const result = await tpmSelftest.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems).to.deep.equal([]);
    expect(handler.received.filter((c) => c === 0x17c)).to.have.length(3);
  });

  it("makes a failed self-test a problem of the product, with the test result's data", async () => {
    const tpm = await fake(fakeTpm2({ selfTest: "fail" }));
    const result = await tpmSelftest.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems).to.have.length(1);
    expect(result.problems?.[0]).to.match(/TPM2_SelfTest failed: .*TPM_RC_FAILURE.*outData ab/);
  });

  it("makes a TPM in failure mode a problem, not an error", async () => {
    const tpm = await fake(fakeTpm2({ failureMode: true }));
    const result = await tpmSelftest.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems?.[0]).to.match(/is in failure mode: TPM_RC_FAILURE/);
  });

  it("runs TPM_SelfTestFull on a TPM 1.2, failing on TPM_FAILEDSELFTEST", async () => {
    const good = await fake(fakeTpm12());
    expect((await tpmSelftest.run(testContext(tmp(), { tpm: good.spec }))).problems).to.deep.equal(
      [],
    );
    const bad = await fake(fakeTpm12({ selfTest: "fail" }));
    const result = await tpmSelftest.run(testContext(tmp(), { tpm: bad.spec }));
    expect(result.problems?.[0]).to.match(
      /TPM_SelfTestFull failed: .*TPM_FAILEDSELFTEST.*TPM_GetTestResult 0102/,
    );
  });

  it("throws a coded timeout for a TPM that never answers: an error, not a failure", async () => {
    const tpm = await fake(() => null);
    const started = Date.now();
    await expectRejectCode(
      tpmSelftest.run(testContext(tmp(), { tpm: tpm.spec, params: { commandTimeoutSec: 1 } })),
      "HCL_E_TPM_TIMEOUT",
    );
    expect(Date.now() - started).to.be.below(2000);
  });

  it("skips a machine with no TPM device", async () => {
    const result = await tpmSelftest.run(testContext(tmp()));
    expect(result.skip).to.equal("no TPM device");
  });
});
