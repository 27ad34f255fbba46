import { expect } from "chai";
import plugin from "../../../../plugins/intel-montevina/index.js";
import { MONTEVINA_CHIPSETS } from "../../../../plugins/intel-montevina/chipset.js";
import { machine } from "../probe-helpers.js";
import { PLATFORM_CLASSES, candidate, validateBuiltin } from "../plugin-helpers.js";

describe("intel-montevina", () => {
  it("validates like `hclkit plugins validate`, with drivers for the six platform classes", async () => {
    expect(await validateBuiltin("intel-montevina")).to.have.members(PLATFORM_CLASSES);
  });

  it("matches the ICH9M-E by its LPC bridge and by SMBIOS 131's PCH id (E6400), or the bridge alone (6930p)", async () => {
    expect(
      candidate(plugin, await machine("dell-latitude-e6400"))?.evidence.map((e) => e.kind),
    ).to.deep.equal(["pci", "smbiosPch"]);
    expect(candidate(plugin, await machine("hp-elitebook-6930p"))?.score).to.equal(10);
  });

  it("does not match machines of other chipsets", async () => {
    for (const name of ["lenovo-thinkpad-t410-2522w5d", "acer-aspire-5750", "hp-presario-cq57"]) {
      expect(candidate(plugin, await machine(name)), name).to.equal(undefined);
    }
  });

  it("knows the ICH9M-E as the vPro SKU and the ICH9M as its consumer sibling", () => {
    expect(MONTEVINA_CHIPSETS["8086:2917"]).to.include({ amt: true, txt: true });
    expect(MONTEVINA_CHIPSETS["8086:2919"]).to.include({ amt: false, txt: false });
  });
});
