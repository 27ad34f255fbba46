import { expect } from "chai";
import plugin from "../../../../plugins/intel-huron-river/index.js";
import { HURON_RIVER_CHIPSETS } from "../../../../plugins/intel-huron-river/chipset.js";
import { machine } from "../probe-helpers.js";
import { PLATFORM_CLASSES, candidate, validateBuiltin } from "../plugin-helpers.js";

describe("intel-huron-river", () => {
  it("validates like `hclkit plugins validate`, with drivers for the six platform classes", async () => {
    expect(await validateBuiltin("intel-huron-river")).to.have.members(PLATFORM_CLASSES);
  });

  it("matches QM67 machines by LPC bridge and SMBIOS 131 PCH id", async () => {
    for (const name of ["lenovo-thinkpad-t420-4180pbg", "fujitsu-lifebook-e751"]) {
      expect(candidate(plugin, await machine(name))?.score, name).to.equal(20);
    }
  });

  it("does not match HM65 laptops, though they share the Sandy Bridge host bridge 8086:0104", async () => {
    for (const name of ["dell-latitude-e5420", "acer-aspire-5750", "lenovo-g570"]) {
      const inventory = await machine(name);
      expect(
        inventory.pci?.some(
          (fn) => fn.deviceId === "0104" || fn.deviceId === "0116" || fn.deviceId === "0126",
        ),
        name,
      ).to.equal(true);
      expect(candidate(plugin, inventory), name).to.equal(undefined);
    }
  });

  it("knows QM67 and QS67 as the vPro SKUs and HM65/HM67 as consumer ones", () => {
    expect(HURON_RIVER_CHIPSETS["8086:1c4f"]).to.include({ amt: true, txt: true });
    expect(HURON_RIVER_CHIPSETS["8086:1c4d"]).to.include({ amt: true, txt: true });
    expect(HURON_RIVER_CHIPSETS["8086:1c49"]).to.include({ amt: false, txt: false });
  });
});
