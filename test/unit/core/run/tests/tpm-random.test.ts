import { expect } from "chai";
import { tpmRandom } from "../../../../../core/run/tests/tpm-random.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { fakeTpm12, fakeTpm2, useFakeTpms } from "../../tpm/fake-tpm.js";
import { testContext } from "./sysroot.js";

describe("tpm.random", () => {
  const tmp = useTmpDirs();
  const fake = useFakeTpms();

  it("draws the bytes asked twice, in as many answers as it takes, and measures them", async () => {
    const handler = fakeTpm2({ randomChunk: 16 });
    const tpm = await fake(handler);
    const result = await tpmRandom.run(
      testContext(tmp(), { tpm: tpm.spec, params: { bytes: 100 } }),
    );
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements[0]).to.deep.equal({ name: "bytes", value: 200, unit: "B" });
    expect(result.measurements[1]).to.include({ name: "rate", unit: "B/s" });
    expect(handler.received.filter((c) => c === 0x17b)).to.have.length(14);
  });

  it("makes a generator that repeats itself a problem", async () => {
    const tpm = await fake(fakeTpm2({ random: "constant" }));
    const result = await tpmRandom.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems).to.deep.equal([
      "draw 1 is 32 times the byte 0x5a",
      "draw 2 is 32 times the byte 0x5a",
      `two draws of 32 bytes are the same: ${"5a".repeat(32)}`,
    ]);
  });

  it("draws from a TPM 1.2 with TPM_GetRandom", async () => {
    const good = await fake(fakeTpm12());
    expect((await tpmRandom.run(testContext(tmp(), { tpm: good.spec }))).problems).to.deep.equal(
      [],
    );
    const stuck = await fake(fakeTpm12({ random: "constant" }));
    expect((await tpmRandom.run(testContext(tmp(), { tpm: stuck.spec }))).problems).to.have.length(
      3,
    );
  });
});
