import { expect } from "chai";
import { displayDriver } from "../../../../../plugins/_lib/drivers/display.js";
import { devices, inventoryWith, machine, probe, value } from "../../probe-helpers.js";

const driver = displayDriver();

describe("displayDriver", () => {
  it("lists DRM connectors with their connection", async () => {
    const at = { file: "/sys/class/drm/card0-LVDS-1/status" };
    const inventory = inventoryWith({
      display: {
        connectors: [
          {
            name: "card0-LVDS-1",
            card: "card0",
            kind: "LVDS",
            status: "connected",
            enabled: true,
            edid: null,
            at,
          },
          {
            name: "card0-VGA-1",
            card: "card0",
            kind: "VGA",
            status: "disconnected",
            enabled: false,
            edid: null,
            at,
          },
        ],
        monitors: null,
      },
    });
    const found = await devices(driver, inventory);
    expect(found.map((d) => [value(d, "kind"), value(d, "connected")])).to.deep.equal([
      ["LVDS", true],
      ["VGA", false],
    ]);
  });

  it("falls back on SMBIOS video connectors, connection unknown (T410: VGA and DisplayPort)", async () => {
    const found = await devices(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(found.map((d) => [value(d, "kind"), value(d, "connected")])).to.deep.equal([
      ["VGA", null],
      ["DP", null],
    ]);
  });

  it("ignores a desktop connector template (Presario CQ57: TV OUT, CRT) and cannot tell", async () => {
    expect(await probe(driver, await machine("hp-presario-cq57"))).to.equal(null);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
