import { expect } from "chai";
import plugin from "../../../../plugins/intel-calpella/index.js";
import { CALPELLA_CHIPSETS } from "../../../../plugins/intel-calpella/chipset.js";
import { machine, only, value, withPciId } from "../probe-helpers.js";
import { PLATFORM_CLASSES, candidate, validateBuiltin } from "../plugin-helpers.js";

const driverOf = (cls: string) => plugin.drivers.find((d) => d.class === cls)!;

describe("intel-calpella", () => {
  it("validates like `hclkit plugins validate`, with drivers for the six platform classes", async () => {
    expect(await validateBuiltin("intel-calpella")).to.have.members(PLATFORM_CLASSES);
  });

  it("matches QM57 machines by LPC bridge and SMBIOS 131 PCH id", async () => {
    for (const name of [
      "lenovo-thinkpad-t410-2522w5d",
      "hp-elitebook-8440p",
      "hp-elitebook-8540p",
    ]) {
      expect(candidate(plugin, await machine(name))?.score, name).to.equal(20);
    }
  });

  it("does not match an HM55 laptop though it shares the Arrandale host bridge 8086:0044", async () => {
    const hm55 = withPciId(await machine("lenovo-thinkpad-t410-2537pw4"), "8086:3b07", "8086:3b09");
    const withoutPch = { ...hm55, smbios: { ...hm55.smbios!, intelVpro: [] } };
    expect(withoutPch.pci?.some((fn) => fn.deviceId === "0044")).to.equal(true);
    expect(candidate(plugin, withoutPch)).to.equal(undefined);
  });

  it("says no AMT and no TXT on HM55 should its drivers run there", async () => {
    const hm55 = withPciId(await machine("lenovo-thinkpad-t410-2537pw4"), "8086:3b07", "8086:3b09");
    expect(value(await only(driverOf("vpro"), hm55), "amtCapable")).to.equal(false);
    expect(value(await only(driverOf("txt"), hm55), "capable")).to.equal(false);
  });

  it("knows QM57 and QS57 as the vPro SKUs", () => {
    expect(CALPELLA_CHIPSETS["8086:3b07"]).to.include({ amt: true, txt: true });
    expect(CALPELLA_CHIPSETS["8086:3b0f"]).to.include({ amt: true, txt: true });
    expect(CALPELLA_CHIPSETS["8086:3b0b"]).to.include({ amt: false, txt: false });
  });
});
