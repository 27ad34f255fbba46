import { expect } from "chai";
import { tpmPcrRead } from "../../../../../core/run/tests/tpm-pcr-read.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { fakePcr, fakePcr12, fakeTpm12, fakeTpm2, useFakeTpms } from "../../tpm/fake-tpm.js";
import { testContext, writeTree } from "./sysroot.js";

describe("tpm.pcr-read", () => {
  const tmp = useTmpDirs();
  const fake = useFakeTpms();

  /** /sys/class/tpm/tpm0/pcr-<bank>/N as the kernel writes them: upper-case hex, a newline. */
  function sysfs2(root: string, values: Record<string, string>): void {
    writeTree(
      root,
      Object.fromEntries(
        Object.entries(values).map(([file, v]) => [
          `/sys/class/tpm/tpm0/${file}`,
          `${v.toUpperCase()}\n`,
        ]),
      ),
    );
  }

  it("reads every bank's PCRs 0-23 however many responses it takes", async () => {
    const handler = fakeTpm2({ digestsPerRead: 3 });
    const tpm = await fake(handler);
    const result = await tpmPcrRead.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements).to.deep.equal([
      { name: "pcrs", value: 48, unit: "PCRs" },
      { name: "compared", value: 0, unit: "PCRs" },
    ]);
    expect(handler.received.filter((c) => c === 0x17e)).to.have.length(16);
  });

  it("agrees with the sysfs files of the device it is told to compare with", async () => {
    const options = {};
    const tpm = await fake(fakeTpm2(options));
    const root = tmp();
    sysfs2(root, {
      "pcr-sha256/0": fakePcr(options, 0x000b, 0),
      "pcr-sha256/7": fakePcr(options, 0x000b, 7),
      "pcr-sha1/10": fakePcr(options, 0x0004, 10),
    });
    const result = await tpmPcrRead.run(
      testContext(root, { tpm: tpm.spec, params: { sysfsDevice: "tpm0" } }),
    );
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements[1]).to.deep.equal({ name: "compared", value: 3, unit: "PCRs" });
  });

  it("makes a PCR value that disagrees with sysfs a problem, naming both", async () => {
    const tpm = await fake(fakeTpm2());
    const root = tmp();
    sysfs2(root, { "pcr-sha256/7": "aa".repeat(32) });
    const result = await tpmPcrRead.run(
      testContext(root, { tpm: tpm.spec, params: { sysfsDevice: "tpm0" } }),
    );
    expect(result.problems).to.have.length(1);
    expect(result.problems?.[0]).to.match(
      /^sha256 PCR 7: the TPM reads [0-9a-f]{64}, \/sys\/class\/tpm\/tpm0\/pcr-sha256\/7 shows a{64}$/,
    );
  });

  it("does not compare swtpm with the machine's sysfs unless told to", async () => {
    const tpm = await fake(fakeTpm2());
    const root = tmp();
    sysfs2(root, { "pcr-sha256/7": "aa".repeat(32) });
    const result = await tpmPcrRead.run(testContext(root, { tpm: tpm.spec }));
    expect(result.problems).to.deep.equal([]);
    expect(result.notes).to.include("no sysfs device to compare with (swtpm)");
  });

  it("compares a TPM 1.2 with its pcrs file", async () => {
    const options = { pcrs: { 3: "33".repeat(20) } };
    const tpm = await fake(fakeTpm12(options));
    const root = tmp();
    const line = (n: number, hex: string): string =>
      `PCR-${String(n).padStart(2, "0")}: ${hex.toUpperCase().match(/../g)?.join(" ")} `;
    writeTree(root, {
      "/sys/class/tpm/tpm0/caps":
        "Manufacturer: 0x49465800\nTCG version: 1.2\nFirmware version: 6.40\n",
      "/sys/class/tpm/tpm0/pcrs":
        [line(0, fakePcr12(options, 0)), line(3, "44".repeat(20))].join("\n") + "\n",
    });
    const result = await tpmPcrRead.run(
      testContext(root, { tpm: tpm.spec, params: { sysfsDevice: "tpm0" } }),
    );
    expect(result.measurements[0]).to.deep.equal({ name: "pcrs", value: 24, unit: "PCRs" });
    expect(result.problems).to.deep.equal([
      `sha1 PCR 3: the TPM reads ${"33".repeat(20)}, /sys/class/tpm/tpm0/pcrs (PCR-03) shows ${"44".repeat(20)}`,
    ]);
  });

  it("makes allocated PCRs the TPM will not return a problem", async () => {
    const tpm = await fake(fakeTpm2({ banks: [0x000b], phantomBanks: [0x000c] }));
    const result = await tpmPcrRead.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(result.problems).to.deep.equal([
      "sha384 PCRs 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23 are allocated but TPM2_PCR_Read does not return them",
    ]);
  });
});
