import { expect } from "chai";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectTpm } from "../../../../../core/inventory/tpm/collect-tpm.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { INFINEON_CAPS, INFINEON_PCRS } from "./fwupd-infineon.js";

/**
 * A TPM 1.2 on the PNP bus as tpm_tis registers it on kernel 4.x+ (attributes in tpm0/, legacy
 * links in device/), with the file contents of fwupd's real Infineon TPM.
 */
function infineonTree(): MemoryFs {
  const dev = "/sys/devices/pnp0/00:0a";
  return new MemoryFs({
    "/sys/class/tpm/tpm0": { link: "../../devices/pnp0/00:0a/tpm/tpm0" },
    [`${dev}/tpm/tpm0/device`]: { link: "../../../00:0a" },
    [`${dev}/tpm/tpm0/caps`]: INFINEON_CAPS,
    [`${dev}/tpm/tpm0/pcrs`]: INFINEON_PCRS,
    [`${dev}/tpm/tpm0/enabled`]: "1\n",
    [`${dev}/tpm/tpm0/active`]: "1\n",
    [`${dev}/tpm/tpm0/owned`]: "1\n",
    [`${dev}/caps`]: { link: "tpm/tpm0/caps" },
    // drivers/pnp/interface.c: the device's IDs, one per line.
    [`${dev}/id`]: "IFX0102\nPNP0C31\n",
    [`${dev}/driver`]: { link: "../../../bus/pnp/drivers/tpm_tis" },
  });
}

/**
 * A TPM 2.0 as fwupd's src/tests/sys records it (platform device STM0125_00,
 * tpm_version_major 2), with per-bank PCRs of Documentation/ABI/stable/sysfs-class-tpm (5.12+).
 */
function tpm2Tree(): MemoryFs {
  const tpm = "/sys/devices/platform/STM0125_00/tpm/tpm0";
  return new MemoryFs({
    "/sys/class/tpm/tpm0": { link: "../../devices/platform/STM0125_00/tpm/tpm0" },
    [`${tpm}/device`]: { link: "../../../STM0125_00" },
    [`${tpm}/tpm_version_major`]: "2\n",
    [`${tpm}/dev`]: "10:224\n",
    [`${tpm}/uevent`]: "MAJOR=10\nMINOR=224\nDEVNAME=tpm0\n",
    [`${tpm}/pcr-sha256/7`]: "2ED93F199692DC6788EFA6A1FE74514AB9760B2A6CEEAEF6C808C13E4ABB0D42\n",
    [`${tpm}/pcr-sha256/10`]: `${"0".repeat(64)}\n`,
    [`${tpm}/pcr-sha1/0`]: "3C979920C90099600927D5DAB381EB951E7FC868\n",
    "/sys/devices/platform/STM0125_00/driver": { link: "../../../bus/platform/drivers/tpm_tis" },
  });
}

describe("collectTpm", () => {
  it("reads a TPM 1.2: Infineon, TCG 1.2, firmware 6.40, enabled, active, owned, its SHA-1 PCRs", () => {
    const { value, diagnostics } = collectTpm(testSource(infineonTree()));
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.have.length(1);
    const tpm = value?.[0];
    expect(tpm).to.deep.include({
      name: "tpm0",
      versionMajor: 1,
      manufacturer: { id: "49465800", vendor: "IFX" },
      tcgVersion: "1.2",
      firmwareVersion: "6.40",
      enabled: true,
      active: true,
      owned: true,
      temporarilyDeactivated: null,
      pcrBanks: ["sha1"],
      driver: "tpm_tis",
      hardwareIds: ["IFX0102", "PNP0C31"],
      at: { file: "/sys/class/tpm/tpm0" },
    });
    expect(Object.keys(tpm?.pcrs?.sha1 ?? {})).to.have.length(24);
    expect(tpm?.pcrs?.sha1?.["0"]).to.equal("3c979920c90099600927d5dab381eb951e7fc868");
    expect(tpm?.pcrs?.sha1?.["17"]).to.equal("f".repeat(40));
  });

  it("reads a TPM 2.0: version 2, its banks and PCRs, no 1.2 attributes", () => {
    const [tpm] = collectTpm(testSource(tpm2Tree())).value ?? [];
    expect(tpm).to.deep.include({
      versionMajor: 2,
      manufacturer: null,
      enabled: null,
      owned: null,
      pcrBanks: ["sha1", "sha256"],
      driver: "tpm_tis",
      hardwareIds: null,
    });
    expect(tpm?.pcrs?.sha256).to.deep.equal({
      "7": "2ed93f199692dc6788efa6a1fe74514ab9760b2a6ceeaef6c808c13e4abb0d42",
      "10": "0".repeat(64),
    });
  });

  it("reads a TPM of /sys/class/misc with its attributes under device/ (kernels before ~4.0)", () => {
    const fs = new MemoryFs({
      "/sys/class/misc/tpm0": { link: "../../devices/pnp0/00:09/misc/tpm0" },
      "/sys/class/misc/fuse": { link: "../../devices/virtual/misc/fuse" },
      "/sys/devices/pnp0/00:09/misc/tpm0/device": { link: "../../../00:09" },
      "/sys/devices/pnp0/00:09/caps":
        "Manufacturer: 0x53544D20\nTCG version: 1.2\nFirmware version: 13.12\n",
      "/sys/devices/pnp0/00:09/enabled": "0\n",
      "/sys/devices/pnp0/00:09/temp_deactivated": "1\n",
    });
    const [tpm] = collectTpm(testSource(fs)).value ?? [];
    expect(tpm).to.deep.include({
      versionMajor: 1,
      manufacturer: { id: "53544d20", vendor: "STM" },
      firmwareVersion: "13.12",
      enabled: false,
      temporarilyDeactivated: true,
      pcrBanks: null,
      at: { file: "/sys/class/misc/tpm0" },
    });
  });

  it("tells no TPM (an empty class) from unknown (no class, no sysroot)", () => {
    expect(collectTpm(testSource(new MemoryFs({}, ["/sys/class/tpm"]))).value).to.deep.equal([]);
    expect(collectTpm(testSource(new MemoryFs({ "/sys/class/misc/fuse": "" }))).value).to.equal(
      null,
    );
    expect(collectTpm(testSource(null)).value).to.equal(null);
  });

  it("reports an attribute holding something else than 0 or 1 and keeps the rest", () => {
    const fs = infineonTree();
    fs.set("/sys/devices/pnp0/00:0a/tpm/tpm0/owned", "-EIO\n");
    const { value, diagnostics } = collectTpm(testSource(fs));
    expect(value?.[0]).to.include({ owned: null, enabled: true });
    expect(diagnostics).to.have.length(1);
    expect(diagnostics[0]).to.include({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "/sys/class/tpm/tpm0/owned",
    });
  });
});
