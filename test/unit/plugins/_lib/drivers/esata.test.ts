import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import type { SmbiosPortConnector } from "../../../../../core/inventory/smbios/schema.js";
import { esataDriver } from "../../../../../plugins/_lib/drivers/esata.js";
import { MONTEVINA_SATA } from "../../../../../plugins/intel-montevina/devices.js";
import { evidenceOf, inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = esataDriver();

function port(internal: string, external: string, line: number): SmbiosPortConnector {
  return {
    handle: line,
    internalDesignator: internal,
    internalType: "None",
    externalDesignator: external,
    externalType: "SAS/SATA Plug Receptacle",
    portType: "SATA",
    at: { file: "logs/dmidecode", line },
  };
}

describe("esataDriver", () => {
  it("counts an eSATA connector of SMBIOS type 8 (T410: eSATA 1; T420: USB/eSATA Combo)", async () => {
    const t410 = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(value(t410, "ports")).to.equal(1);
    expect(evidenceOf(t410, "ports")).to.contain("eSATA 1");
    expect(
      value(await only(driver, await machine("lenovo-thinkpad-t420-4180pbg")), "ports"),
    ).to.equal(1);
  });

  it("counts the eSATA port of a business HM65 laptop whose BIOS edited Intel's template (Latitude E5420)", async () => {
    const esata = await only(driver, await machine("dell-latitude-e5420"));
    expect(value(esata, "ports")).to.equal(1);
    expect(evidenceOf(esata, "ports")).to.contain("J7J1 / eSATA Port");
  });

  it("counts Dell's 'System eSATA Bay' string but not the dock's bay (Latitude E6400)", async () => {
    const esata = await only(driver, await machine("dell-latitude-e6400"));
    expect(value(esata, "ports")).to.equal(1);
    expect(evidenceOf(esata, "ports"))
      .to.contain("System eSATA Bay")
      .and.to.contain("docking station");
  });

  it("trap: Intel's reference-BIOS defaults 'J7J1 eSATA Port 4' / 'J6J1 eSATA Port 3' are not evidence", async () => {
    const aspire = await machine("acer-aspire-5750");
    const templated: Inventory = {
      ...aspire,
      smbios: {
        ...aspire.smbios!,
        portConnectors: [port("J7J1", "eSATA Port 4", 400), port("J6J1", "eSATA Port 3", 407)],
      },
    };
    const esata = await only(driver, templated);
    expect(value(esata, "ports")).to.equal(null);
    expect(evidenceOf(esata, "ports")).to.contain("Intel reference-BIOS default");
  });

  it("trap: a desktop connector template on a notebook is not evidence (Presario CQ57: PS/2, COM 1, floppy)", async () => {
    const esata = await only(driver, await machine("hp-presario-cq57"));
    expect(value(esata, "ports")).to.equal(null);
    expect(evidenceOf(esata, "ports")).to.contain("desktop template");
  });

  it("does not read 'no eSATA string' as 'no eSATA port' (Aspire 5750: no type 8 at all)", async () => {
    const esata = await only(driver, await machine("acer-aspire-5750"));
    expect(value(esata, "ports")).to.equal(null);
    expect(evidenceOf(esata, "ports")).to.contain("does not prove the absence");
  });

  it("says the SATA controller runs in IDE mode, where no port can be flagged external (EliteBook 6930p)", async () => {
    const esata = await only(
      esataDriver({ sataControllers: MONTEVINA_SATA }),
      await machine("hp-elitebook-6930p"),
    );
    expect(value(esata, "sataMode")).to.equal("ide");
    expect(evidenceOf(esata, "sataMode")).to.contain("ata_piix");
  });

  it("counts disks on ports the firmware marks external (removable ATA disks), apart from the port count", async () => {
    const t410 = await machine("lenovo-thinkpad-t410-2522w5d");
    const disk = (name: string, ataPort: string, removable: boolean) => ({
      name,
      removable,
      devicePath: null,
      ataPort,
      pciAddress: "0000:00:1f.2",
      usbPath: null,
      model: null,
      vendor: "ATA",
      rotational: true,
      sizeSectors: 1000,
      at: { file: `/sys/block/${name}` },
    });
    const live: Inventory = {
      ...t410,
      storage: { blocks: [disk("sda", "ata1", false), disk("sdb", "ata5", true)], ataPorts: null },
    };
    const esata = await only(driver, live);
    expect(value(esata, "externalDisks")).to.equal(1);
    expect(evidenceOf(esata, "externalDisks")).to.contain("sdb on ata5");
    expect(value(esata, "ports")).to.equal(1);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
