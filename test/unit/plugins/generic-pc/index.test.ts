import { expect } from "chai";
import { DEVICE_CLASSES } from "../../../../core/plugin/api.js";
import plugin from "../../../../plugins/generic-pc/index.js";
import { machine, only, value } from "../probe-helpers.js";
import { candidate, validateBuiltin } from "../plugin-helpers.js";

const driverOf = (cls: string) => plugin.drivers.find((d) => d.class === cls)!;

describe("generic-pc", () => {
  it("validates like `hclkit plugins validate`, every driver answering an empty inventory", async () => {
    expect(await validateBuiltin("generic-pc")).to.have.members([...DEVICE_CLASSES]);
  });

  it("matches every machine, with the fallback's lowest score", async () => {
    const match = candidate(plugin, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect([match?.score, match?.evidence[0]?.kind]).to.deep.equal([1, "fallback"]);
  });

  for (const name of [
    "dell-latitude-e5420",
    "acer-aspire-5750",
    "lenovo-g570",
    "hp-presario-cq57",
  ]) {
    it(`says no AMT and no TXT on a consumer chipset or AMD (${name})`, async () => {
      const inventory = await machine(name);
      const vpro = await only(driverOf("vpro"), inventory);
      const txt = await only(driverOf("txt"), inventory);
      expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([false, false]);
      expect([value(txt, "capable"), value(txt, "enabled")]).to.deep.equal([false, false]);
    });
  }

  it("does not claim a vPro platform it has no tables for: QM57 without AMT functions is unknown", async () => {
    const vpro = await only(driverOf("vpro"), await machine("lenovo-thinkpad-t410-2537pw4"));
    expect(value(vpro, "amtCapable")).to.equal(null);
  });
});
