import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { cardReaderDriver } from "../../../../../plugins/_lib/drivers/card-reader.js";
import { devices, inventoryWith, machine, probe } from "../../probe-helpers.js";

const driver = cardReaderDriver();

async function readers(name: string): Promise<string[]> {
  return (await devices(driver, await machine(name))).map((d) => `${d.vendorId}:${d.deviceId}`);
}

describe("cardReaderDriver", () => {
  it("trap: counts a memory-stick function without a driver (T410: e822 SD + e230 MS)", async () => {
    const found = await devices(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(found.map((d) => d.deviceId)).to.deep.equal(["e822", "e230"]);
    const ms = found.find((d) => d.deviceId === "e230");
    expect(ms?.driver).to.equal(null);
    expect(ms?.evidence[0]?.note).to.contain("no driver bound, still a reader");
  });

  it("trap: counts Ricoh e822 when it enumerates as class 0880 prog-if 01 (T420)", async () => {
    expect(await readers("lenovo-thinkpad-t420-4180pbg")).to.deep.equal(["1180:e822"]);
  });

  it("counts both functions of a Realtek RTS5209 (ff00 + 0805, LIFEBOOK E751), or its one (Presario CQ57)", async () => {
    expect(await readers("fujitsu-lifebook-e751")).to.deep.equal(["10ec:5209", "10ec:5209"]);
    expect(await readers("hp-presario-cq57")).to.deep.equal(["10ec:5209"]);
  });

  it("counts SD, Memory Stick and xD functions but not FireWire or CardBus (EliteBook 8540p)", async () => {
    expect(await readers("hp-elitebook-8540p")).to.deep.equal([
      "1180:0822",
      "1180:0592",
      "1180:0852",
    ]);
  });

  it("counts O2 Micro's flash-card function of class 0180 (Latitude E5420)", async () => {
    expect(await readers("dell-latitude-e5420")).to.deep.equal(["1217:8321", "1217:8331"]);
  });

  it("finds a USB reader that only hwinfo lists (G570: Realtek 0bda:0139)", async () => {
    const found = await devices(driver, await machine("lenovo-g570"));
    expect(found.map((d) => [d.bus, d.vendorId, d.deviceId])).to.deep.equal([
      ["usb", "0bda", "0139"],
    ]);
  });

  it("does not take a smart-card reader for a memory-card reader (T420: Lenovo 17ef:1003)", async () => {
    expect(await readers("lenovo-thinkpad-t420-4180pbg")).to.not.include("17ef:1003");
  });

  it("does not count an SD host for soldered eMMC (pci.ids name), but counts an 'SDIO Controller'", async () => {
    const t420 = await machine("lenovo-thinkpad-t420-4180pbg");
    const sd = t420.pci!.find((fn) => fn.deviceId === "e822")!;
    const soc = (deviceId: string, deviceName: string) => ({
      ...sd,
      address: `0000:00:1${deviceId.slice(-1)}.0`,
      classId: "0805",
      vendorId: "8086",
      deviceId,
      deviceName,
    });
    const withSoc: Inventory = {
      ...t420,
      pci: [
        ...t420.pci!,
        soc("0f16", "Atom Processor Z36xxx/Z37xxx Series SDIO Controller"),
        soc("0f50", "Atom Processor E3800 Series eMMC 4.5 Controller"),
      ],
    };
    expect((await devices(driver, withSoc)).map((d) => d.deviceId)).to.deep.equal(["e822", "0f16"]);
  });

  it("cannot tell when no PCI reader is listed and the USB devices are not in the evidence", async () => {
    const g570 = await machine("lenovo-g570");
    const pciOnly: Inventory = { ...g570, usb: null };
    expect(await probe(driver, pciOnly)).to.equal(null);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
