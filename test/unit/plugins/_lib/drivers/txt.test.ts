import { expect } from "chai";
import type { Inventory } from "../../../../../core/inventory/inventory.js";
import { txtDriver } from "../../../../../plugins/_lib/drivers/txt.js";
import { CONSUMER_CHIPSETS } from "../../../../../plugins/generic-pc/chipsets.js";
import { CALPELLA_CHIPSETS } from "../../../../../plugins/intel-calpella/chipset.js";
import { MONTEVINA_CHIPSETS } from "../../../../../plugins/intel-montevina/chipset.js";
import {
  evidenceOf,
  inventoryWith,
  machine,
  only,
  probe,
  value,
  withPciId,
} from "../../probe-helpers.js";

const calpella = txtDriver({ chipsets: CALPELLA_CHIPSETS });
const montevina = txtDriver({ chipsets: MONTEVINA_CHIPSETS });
const generic = txtDriver({ chipsets: CONSUMER_CHIPSETS });

describe("txtDriver", () => {
  it("reads TXT enabled from SMBIOS 131 CPU_CAP bit 3 (T410 2522W5D, QM57)", async () => {
    const txt = await only(calpella, await machine("lenovo-thinkpad-t410-2522w5d"));
    expect([value(txt, "capable"), value(txt, "enabled")]).to.deep.equal([true, true]);
    expect(evidenceOf(txt, "enabled")).to.contain("CPU_CAP 0x3f");
  });

  it("is capable from a TXT chipset and the smx flag, enabled unknown without SMBIOS 131 (EliteBook 6930p)", async () => {
    const txt = await only(montevina, await machine("hp-elitebook-6930p"));
    expect(value(txt, "capable")).to.equal(true);
    expect(evidenceOf(txt, "capable")).to.contain("8086:2917").and.to.contain("smx");
    expect(value(txt, "enabled")).to.equal(null);
    expect(evidenceOf(txt, "enabled")).to.contain("txt-stat");
  });

  it("takes CPU capability from SMBIOS 131 bit 2 when there is no flag list (T410 2537PW4, virtualization off)", async () => {
    const txt = await only(calpella, await machine("lenovo-thinkpad-t410-2537pw4"));
    expect([value(txt, "capable"), value(txt, "enabled")]).to.deep.equal([true, false]);
  });

  it("says no on a consumer chipset even when an SMBIOS 131 vPro record exists (Latitude E5420, HM65)", async () => {
    const txt = await only(generic, await machine("dell-latitude-e5420"));
    expect([value(txt, "capable"), value(txt, "enabled")]).to.deep.equal([false, false]);
    expect(evidenceOf(txt, "capable")).to.contain("HM65 is not TXT-capable");
  });

  it("says no on AMD (Presario CQ57)", async () => {
    const txt = await only(generic, await machine("hp-presario-cq57"));
    expect(value(txt, "capable")).to.equal(false);
    expect(evidenceOf(txt, "capable")).to.contain("AMD E-300");
  });

  it("says no when the CPU flags lack smx, whatever the chipset", async () => {
    const t420 = await machine("lenovo-thinkpad-t420-4180pbg");
    const noSmx: Inventory = {
      ...t420,
      cpu: { ...t420.cpu!, flags: t420.cpu!.flags!.filter((f) => f !== "smx") },
    };
    const txt = await only(
      txtDriver({
        chipsets: { "8086:1c4f": { name: "QM67", amt: true, txt: true, source: "test" } },
      }),
      noSmx,
    );
    expect(value(txt, "capable")).to.equal(false);
    expect(evidenceOf(txt, "capable")).to.contain("no smx flag");
  });

  it("cannot tell on a chipset its tables do not know, and says why", async () => {
    // The T420 with its QM67 LPC bridge replaced by a QM77 one, which no table here lists.
    const other = withPciId(
      await machine("lenovo-thinkpad-t420-4180pbg"),
      "8086:1c4f",
      "8086:1e55",
    );
    const txt = await only(generic, other);
    expect(value(txt, "capable")).to.equal(null);
    expect(evidenceOf(txt, "capable")).to.contain("8086:1e55 is not in this plugin's tables");
    // SMBIOS 131 still says TXT is off.
    expect(value(txt, "enabled")).to.equal(false);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(generic, inventoryWith({}))).to.equal(null);
  });
});
