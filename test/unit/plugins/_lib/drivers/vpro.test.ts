import { expect } from "chai";
import { vproDriver } from "../../../../../plugins/_lib/drivers/vpro.js";
import { CONSUMER_CHIPSETS } from "../../../../../plugins/generic-pc/chipsets.js";
import { AMT_FUNCTIONS } from "../../../../../plugins/generic-pc/me-functions.js";
import {
  CALPELLA_CHIPSETS,
  CALPELLA_ME_FUNCTIONS,
} from "../../../../../plugins/intel-calpella/chipset.js";
import {
  HURON_RIVER_CHIPSETS,
  HURON_RIVER_ME_FUNCTIONS,
} from "../../../../../plugins/intel-huron-river/chipset.js";
import {
  MONTEVINA_CHIPSETS,
  MONTEVINA_ME_FUNCTIONS,
} from "../../../../../plugins/intel-montevina/chipset.js";
import {
  evidenceOf,
  inventoryWith,
  machine,
  only,
  probe,
  value,
  withPciId,
} from "../../probe-helpers.js";

const generic = vproDriver({ chipsets: CONSUMER_CHIPSETS, meFunctions: AMT_FUNCTIONS });
const montevina = vproDriver({ chipsets: MONTEVINA_CHIPSETS, meFunctions: MONTEVINA_ME_FUNCTIONS });
const calpella = vproDriver({ chipsets: CALPELLA_CHIPSETS, meFunctions: CALPELLA_ME_FUNCTIONS });
const huronRiver = vproDriver({
  chipsets: HURON_RIVER_CHIPSETS,
  meFunctions: HURON_RIVER_ME_FUNCTIONS,
});

describe("vproDriver", () => {
  it("trap: ignores the all-ones $AMT template of a consumer BIOS (Aspire 5750, HM65)", async () => {
    const vpro = await only(generic, await machine("acer-aspire-5750"));
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([false, false]);
    expect(evidenceOf(vpro, "amtCapable")).to.contain("HM65 has no AMT").and.to.contain("template");
  });

  it("trap: the ME interface alone is not vPro (G570: MEI bound to mei_me, no AMT)", async () => {
    const vpro = await only(generic, await machine("lenovo-g570"));
    expect(value(vpro, "meInterface")).to.equal(true);
    expect(value(vpro, "amtCapable")).to.equal(false);
    expect(evidenceOf(vpro, "meInterface")).to.contain("not evidence of AMT on its own");
  });

  it("the same holds with the platform's own tables: HM65 is Huron River's consumer sibling", async () => {
    const vpro = await only(huronRiver, await machine("lenovo-g570"));
    expect(value(vpro, "amtCapable")).to.equal(false);
  });

  it("takes AMT's KT function as proof of AMT, even with the MEI unbound (EliteBook 8540p)", async () => {
    const vpro = await only(calpella, await machine("hp-elitebook-8540p"));
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([true, true]);
    expect(evidenceOf(vpro, "amtCapable")).to.contain("[8086:3b67]");
    expect(evidenceOf(vpro, "meInterface")).to.contain("no driver bound");
  });

  it("is capable on a Q-series chipset with the ME hidden, and disabled per $AMT (EliteBook 6930p)", async () => {
    const vpro = await only(montevina, await machine("hp-elitebook-6930p"));
    expect(value(vpro, "meInterface")).to.equal(false);
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([true, false]);
    expect(evidenceOf(vpro, "amtEnabled")).to.contain("$AMT enabled byte 0");
  });

  it("trusts $AMT saying 'not supported' on a Q-series board (EliteBook 8440p)", async () => {
    const vpro = await only(calpella, await machine("hp-elitebook-8440p"));
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([false, false]);
    expect(evidenceOf(vpro, "amtCapable")).to.contain("supported 0");
  });

  it("leaves enabled unknown when $AMT says enabled but no AMT function is listed (T410 2537PW4)", async () => {
    const vpro = await only(calpella, await machine("lenovo-thinkpad-t410-2537pw4"));
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([true, null]);
    expect(evidenceOf(vpro, "amtEnabled")).to.contain("disagree");
  });

  it("finds AMT from its functions on a chipset no table lists (generic tables span generations)", async () => {
    const other = withPciId(
      withPciId(await machine("lenovo-thinkpad-t420-4180pbg"), "8086:1c4f", "8086:1e55"),
      "8086:1c3d",
      "8086:1e3d",
    );
    const vpro = await only(generic, other);
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([true, true]);
    expect(value(vpro, "amtFunctions")).to.deep.equal(["7 Series/C210 KT"]);
  });

  it("cannot tell on an unlisted chipset without AMT functions, whatever $AMT claims", async () => {
    // The T410 2537PW4 (all-ones $AMT, no KT listed) with an LPC bridge no table lists.
    const other = withPciId(
      await machine("lenovo-thinkpad-t410-2537pw4"),
      "8086:3b07",
      "8086:1e55",
    );
    const vpro = await only(generic, other);
    expect(value(vpro, "amtCapable")).to.equal(null);
    expect(evidenceOf(vpro, "amtCapable")).to.contain("alone prove nothing");
  });

  it("names the chipset from SMBIOS 131's PCH field when there is no PCI list (E6400 without lspci)", async () => {
    const e6400 = await machine("dell-latitude-e6400");
    const vpro = await only(montevina, { ...e6400, pci: null });
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([true, false]);
    expect(evidenceOf(vpro, "amtCapable")).to.contain("PCH 2917");
  });

  it("reports the ME firmware version from SMBIOS 131, not a zero one (T420; E6400's is zero)", async () => {
    expect(
      value(await only(huronRiver, await machine("lenovo-thinkpad-t420-4180pbg")), "meFirmware"),
    ).to.equal("7.1.30.1142");
    expect(
      value(await only(montevina, await machine("dell-latitude-e6400")), "meFirmware"),
    ).to.equal(null);
  });

  it("trap: ignores the all-zero MEI fw_ver of pre-PCH7 kernels' sysfs, uses a real one", async () => {
    const mei = (fwVersions: string[]) =>
      inventoryWith({
        pci: [],
        mei: [
          {
            name: "mei0",
            fwVersions,
            fwStatus: null,
            devState: null,
            kind: null,
            hbmVersion: null,
            pciAddress: "0000:00:16.0",
            driver: "mei_me",
            at: { file: "/sys/class/mei/mei0/fw_ver" },
          },
        ],
      });
    expect(value(await only(generic, mei(["0:0.0.0.0"])), "meFirmware")).to.equal(null);
    expect(value(await only(generic, mei(["0:7.1.20.1119"])), "meFirmware")).to.equal(
      "7.1.20.1119",
    );
  });

  it("says no on AMD (Presario CQ57)", async () => {
    const vpro = await only(generic, await machine("hp-presario-cq57"));
    expect([value(vpro, "amtCapable"), value(vpro, "amtEnabled")]).to.deep.equal([false, false]);
  });

  it("cannot tell from an empty inventory", async () => {
    expect(await probe(generic, inventoryWith({}))).to.equal(null);
  });
});
