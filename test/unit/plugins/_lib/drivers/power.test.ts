import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { powerDriver } from "../../../../../plugins/_lib/drivers/power.js";
import { evidenceOf, inventoryWith, machine, only, probe, value } from "../../probe-helpers.js";

const driver = powerDriver();

describe("powerDriver", () => {
  it("reads lid, S3 and battery from the ACPI namespace (T410)", async () => {
    const power = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect([value(power, "lid"), value(power, "s3"), value(power, "battery")]).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(evidenceOf(power, "lid")).to.contain("PNP0C0D");
  });

  it("trap: a fixed-feature power button is LNXPWRBN, not a PNP0C0C device (T410)", async () => {
    const power = await only(driver, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect(value(power, "powerButton")).to.deep.equal(["LNXPWRBN"]);
    expect(evidenceOf(power, "powerButton")).to.contain("FADT");
  });

  it("lists both when the firmware also declares a PNP0C0C device (Aspire 5750)", async () => {
    const power = await only(driver, await machine("acer-aspire-5750"));
    expect(value(power, "powerButton")).to.have.members(["LNXPWRBN", "PNP0C0C"]);
  });

  it("counts an \\_S3 declared inside If (…), saying the firmware decides at load time (Aspire 5750)", async () => {
    const power = await only(driver, await machine("acer-aspire-5750"));
    expect(value(power, "s3")).to.equal(true);
    expect(evidenceOf(power, "s3")).to.contain("If (");
  });

  it("takes a real SMBIOS type 22 battery without an ACPI dump, lid and S3 then unknown (Latitude E6400)", async () => {
    const power = await only(driver, await machine("dell-latitude-e6400"));
    expect(value(power, "battery")).to.equal(true);
    expect(evidenceOf(power, "battery")).to.contain("66000 mWh");
    expect([value(power, "lid"), value(power, "s3")]).to.deep.equal([null, null]);
  });

  it("does not take Intel's reference 'Virtual Battery' record for a battery (G570 without its ACPI dump)", async () => {
    const g570: Inventory = { ...(await machine("lenovo-g570")), acpi: null };
    expect(value(await only(driver, g570), "battery")).to.equal(null);
  });

  it("prefers the kernel's /sys/power/mem_sleep: S3 only when it offers deep", async () => {
    const sleep = (options: string[], current: string) =>
      inventoryWith({
        power: {
          sleep: {
            states: ["freeze", "mem"],
            memSleep: { options, current, at: { file: "/sys/power/mem_sleep" } },
            at: { file: "/sys/power/state" },
          },
          buttons: null,
          supplies: null,
        },
      });
    expect(value(await only(driver, sleep(["s2idle"], "s2idle")), "s3")).to.equal(false);
    expect(value(await only(driver, sleep(["s2idle", "deep"], "deep")), "s3")).to.equal(true);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(driver, inventoryWith({}))).to.equal(null);
  });
});
