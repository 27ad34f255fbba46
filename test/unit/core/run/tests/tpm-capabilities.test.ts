import { expect } from "chai";
import { tpmCapabilities } from "../../../../../core/run/tests/tpm-capabilities.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { fakeTpm12, fakeTpm2, useFakeTpms } from "../../tpm/fake-tpm.js";
import { testContext } from "./sysroot.js";

describe("tpm.capabilities", () => {
  const tmp = useTmpDirs();
  const fake = useFakeTpms();
  const values = (facts: Record<string, { value: unknown }> | undefined): Record<string, unknown> =>
    Object.fromEntries(Object.entries(facts ?? {}).map(([k, f]) => [k, f.value]));

  it("yields version, vendor, firmware and banks of a TPM 2.0, each with its evidence", async () => {
    const tpm = await fake(
      fakeTpm2({
        manufacturer: 0x4e544300,
        firmware: [0x00070002, 0x00030001],
        banks: [0x0004, 0x000b],
      }),
    );
    const result = await tpmCapabilities.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(values(result.facts)).to.deep.include({
      "tpm.version": "2.0",
      "tpm.vendor": "NTC",
      "tpm.manufacturerId": "4e544300",
      "tpm.firmware": "7.2.3.1",
      "tpm.pcrBanks": ["sha1", "sha256"],
    });
    expect(result.facts?.["tpm.vendor"]?.evidence[0]).to.deep.include({
      source: tpm.spec,
      text: "TPM2_GetCapability TPM_PT_MANUFACTURER = 0x4E544300",
    });
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements).to.deep.equal([{ name: "pcrBanks", value: 2, unit: "banks" }]);
  });

  it("makes a missing required bank, and a wrong family indicator, problems", async () => {
    const tpm = await fake(fakeTpm2({ banks: [0x0004], family: 0x312e3200 }));
    const result = await tpmCapabilities.run(
      testContext(tmp(), { tpm: tpm.spec, params: { banks: ["sha256"] } }),
    );
    expect(result.problems).to.deep.equal([
      'TPM_PT_FAMILY_INDICATOR is "1.2", expected "2.0" from a TPM that answers TPM 2.0 commands',
      "PCR bank sha256 is not allocated (allocated: sha1)",
    ]);
  });

  it("yields the facts of a TPM 1.2 from TPM_GetCapability", async () => {
    const tpm = await fake(fakeTpm12({ manufacturer: 0x53544d20 }));
    const result = await tpmCapabilities.run(testContext(tmp(), { tpm: tpm.spec }));
    expect(values(result.facts)).to.deep.equal({
      "tpm.version": "1.2",
      "tpm.vendor": "STM",
      "tpm.manufacturerId": "53544d20",
      "tpm.firmware": "6.40",
      "tpm.pcrBanks": ["sha1"],
    });
    expect(result.notes).to.include(
      "TPM_CAP_VERSION_VAL names the vendor IFX, TPM_CAP_PROP_MANUFACTURER STM",
    );
  });
});
