import { expect } from "chai";
import type { SmbiosPortConnector } from "../../../../../core/inventory/smbios/schema.js";
import {
  desktopTemplateMarker,
  isReferenceEsata,
  isVirtualBattery,
} from "../../../../../plugins/_lib/read/firmware-templates.js";
import { machine } from "../../probe-helpers.js";

const port = (internal: string | null, external: string | null): SmbiosPortConnector => ({
  handle: 1,
  internalDesignator: internal,
  internalType: null,
  externalDesignator: external,
  externalType: null,
  portType: "SATA",
  at: { file: "logs/dmidecode", line: 1 },
});

describe("firmware templates", () => {
  it("knows Intel's reference eSATA defaults, not an edited string", () => {
    expect(isReferenceEsata(port("J7J1", "eSATA Port 4"))).to.equal(true);
    expect(isReferenceEsata(port("J6J1", "eSATA Port 3"))).to.equal(true);
    expect(isReferenceEsata(port("J7J1", "eSATA Port"))).to.equal(false);
    expect(isReferenceEsata(port("Not Available", "eSATA 1"))).to.equal(false);
  });

  it("spots a desktop connector template on a notebook (Presario CQ57), not a real list (T410, E6400)", async () => {
    expect(desktopTemplateMarker(await machine("hp-presario-cq57"))?.externalDesignator).to.equal(
      "Keyboard",
    );
    expect(desktopTemplateMarker(await machine("lenovo-thinkpad-t410-2522w5d"))).to.equal(null);
    expect(desktopTemplateMarker(await machine("dell-latitude-e6400"))).to.equal(null);
  });

  it("knows Intel's reference virtual battery", () => {
    expect(isVirtualBattery("-Virtual Battery 0-", "CRB Battery 0")).to.equal(true);
    expect(isVirtualBattery("Samsung SDI", "DELL PT43699")).to.equal(false);
  });
});
