import { expect } from "chai";
import { usbDriver } from "../../../../../plugins/_lib/drivers/usb.js";
import { devices, inventoryWith, machine, probe, value } from "../../probe-helpers.js";

const driver = usbDriver();

async function kinds(name: string): Promise<unknown[]> {
  return (await devices(driver, await machine(name))).map((d) => value(d, "kind"));
}

describe("usbDriver", () => {
  it("tells controller kinds by programming interface (6930p: UHCI + EHCI; E751: an add-on xHCI; Presario: OHCI)", async () => {
    expect(await kinds("hp-elitebook-6930p")).to.deep.equal([
      "uhci",
      "uhci",
      "uhci",
      "ehci",
      "uhci",
      "uhci",
      "uhci",
      "ehci",
    ]);
    expect(await kinds("fujitsu-lifebook-e751")).to.include("xhci");
    expect(await kinds("hp-presario-cq57")).to.include("ohci");
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
