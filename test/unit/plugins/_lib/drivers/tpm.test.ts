import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { tpmDriver } from "../../../../../plugins/_lib/drivers/tpm.js";
import {
  devices,
  evidenceOf,
  inventoryWith,
  machine,
  only,
  probe,
  value,
} from "../../probe-helpers.js";

const driver = tpmDriver();

describe("tpmDriver", () => {
  it("reads a TPM 1.2 from the TCPA table, and its vendor from Lenovo's SMBIOS 134 when _HID is chosen at run time (T410)", async () => {
    const tpm = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(value(tpm, "present")).to.equal(true);
    expect(value(tpm, "version")).to.equal("1.2");
    expect(value(tpm, "vendor")).to.equal("STM");
    expect(evidenceOf(tpm, "version")).to.contain("TCPA");
    expect(evidenceOf(tpm, "vendor")).to.match(/logs\/dmidecode:\d+ SMBIOS 134 TPM INFO/);
  });

  it("takes the vendor from a fixed _HID (Latitude E5420: ATM1200 is Atmel)", async () => {
    const tpm = await only(driver, await machine("dell-latitude-e5420"));
    expect(value(tpm, "vendor")).to.equal("ATML");
    expect(evidenceOf(tpm, "vendor")).to.contain("fixed _HID ATM1200");
  });

  it("leaves the vendor unknown when _HID returns one of several EISA ids at run time (EliteBook 6930p)", async () => {
    const tpm = await only(driver, await machine("hp-elitebook-6930p"));
    expect(value(tpm, "present")).to.equal(true);
    expect(value(tpm, "vendor")).to.equal(null);
    // Decoded from `Return (0x0201D824)`: IFX0102, else PNP0C31.
    expect(evidenceOf(tpm, "vendor")).to.contain("chosen at run time among IFX0102, PNP0C31");
  });

  it("trap: a TPM device declared in ACPI without a TCPA table is unknown, not present (EliteBook 8440p)", async () => {
    const tpm = await only(driver, await machine("hp-elitebook-8440p"));
    expect(value(tpm, "present")).to.equal(null);
    expect(evidenceOf(tpm, "present")).to.contain("no TCPA/TPM2 table");
    expect(evidenceOf(tpm, "present")).to.match(/GTPM/);
  });

  it("says there is none when a whole ACPI dump has no TPM table and no TPM device (Aspire 5750)", async () => {
    expect(await devices(driver, await machine("acer-aspire-5750"))).to.deep.equal([]);
  });

  it("cannot tell without an ACPI dump (Latitude E6400)", async () => {
    expect(await probe(driver, await machine("dell-latitude-e6400"))).to.equal(null);
  });

  it("cannot tell when the ACPI table list is not whole", async () => {
    const aspire = await machine("acer-aspire-5750");
    const acpi = aspire.acpi!;
    const cut: Inventory = {
      ...aspire,
      acpi: { ...acpi, tableList: { ...acpi.tableList!, complete: false } },
    };
    const tpm = await only(driver, cut);
    expect(value(tpm, "present")).to.equal(null);
    expect(evidenceOf(tpm, "present")).to.contain("not complete");
  });

  it("prefers the kernel's view when /sys/class/tpm is in the evidence", async () => {
    const inventory = inventoryWith({
      tpm: [
        {
          name: "tpm0",
          versionMajor: 1,
          manufacturer: { id: "49465800", vendor: "IFX" },
          tcgVersion: "1.2",
          firmwareVersion: "6.40",
          enabled: true,
          active: true,
          owned: false,
          temporarilyDeactivated: false,
          pcrBanks: ["sha1"],
          pcrs: null,
          driver: "tpm_tis",
          hardwareIds: ["IFX0102", "PNP0C31"],
          at: { file: "/sys/class/tpm/tpm0/caps" },
        },
      ],
    });
    const tpm = await only(driver, inventory);
    expect(tpm.id).to.equal("tpm0");
    expect(tpm.driver).to.equal("tpm_tis");
    expect([value(tpm, "present"), value(tpm, "version"), value(tpm, "vendor")]).to.deep.equal([
      true,
      "1.2",
      "IFX",
    ]);
    expect([value(tpm, "enabled"), value(tpm, "active"), value(tpm, "owned")]).to.deep.equal([
      true,
      true,
      false,
    ]);
  });

  it("answers enabled/active/owned only from the running system", async () => {
    const tpm = await only(driver, await machine("lenovo-thinkpad-t420-4180pbg"));
    expect(value(tpm, "owned")).to.equal(null);
    expect(evidenceOf(tpm, "owned")).to.contain("/sys/class/tpm/tpm0");
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
