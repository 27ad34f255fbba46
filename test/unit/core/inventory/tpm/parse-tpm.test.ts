import { expect } from "chai";
import fc from "fast-check";
import { parseTpmCaps, tcgVendor } from "../../../../../core/inventory/tpm/parse-tpm-caps.js";
import {
  parseTpmPcrs,
  parseTpmPcrValue,
} from "../../../../../core/inventory/tpm/parse-tpm-pcrs.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";
import { INFINEON_CAPS, INFINEON_PCRS } from "./fwupd-infineon.js";

describe("parseTpmCaps", () => {
  it("reads manufacturer, TCG and firmware versions, in either case of hex", () => {
    expect(parseTpmCaps(INFINEON_CAPS, "caps").value).to.deep.equal({
      manufacturer: { id: "49465800", vendor: "IFX" },
      tcgVersion: "1.2",
      firmwareVersion: "6.40",
    });
    // The example of Documentation/ABI/stable/sysfs-class-tpm.
    const abi = parseTpmCaps(
      "Manufacturer: 0x53544d20\nTCG version: 1.2\nFirmware version: 8.16\n",
      "caps",
    );
    expect(abi.value?.manufacturer).to.deep.equal({ id: "53544d20", vendor: "STM" });
  });

  it("reports a malformed value, and a file with none of the lines", () => {
    const { value, diagnostics } = parseTpmCaps("Manufacturer: IFX\nTCG version: 1.2\n", "caps");
    expect(value).to.deep.equal({ manufacturer: null, tcgVersion: "1.2", firmwareVersion: null });
    expect(diagnostics[0]).to.include({ code: "HCL_E_EVIDENCE_MALFORMED", line: 1 });
    expect(parseTpmCaps("", "caps").value).to.equal(null);
  });

  it("never throws on any text or mutation of a real caps file", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(INFINEON_CAPS)), (text) => {
        const { value, diagnostics } = parseTpmCaps(text, "caps");
        if (value?.manufacturer) expect(value.manufacturer.id).to.match(/^[0-9a-f]{8}$/);
        expectWellFormed(diagnostics, "caps");
      }),
      RUNS,
    );
  });
});

describe("tcgVendor", () => {
  it("decodes the TCG vendor registry's four ASCII characters, padding trimmed", () => {
    expect(tcgVendor(0x41544d4c).vendor).to.equal("ATML");
    expect(tcgVendor(0x4e544300).vendor).to.equal("NTC");
    expect(tcgVendor(0x15d1).vendor).to.equal(null);
    expect(tcgVendor(0).vendor).to.equal(null);
    expect(tcgVendor(0xffffffff).id).to.equal("ffffffff");
  });

  it("gives 8 hex digits and at most 4 printable characters for any 32-bit ID", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (id) => {
        const { id: hex, vendor } = tcgVendor(id);
        expect(Number.parseInt(hex, 16)).to.equal(id);
        if (vendor !== null) expect(vendor).to.match(/^[!-~]{1,4}$/);
      }),
      RUNS,
    );
  });
});

describe("parseTpmPcrs", () => {
  it("reads 24 SHA-1 PCRs by index, in lower-case hex", () => {
    const { value, diagnostics } = parseTpmPcrs(INFINEON_PCRS, "pcrs");
    expect(diagnostics).to.deep.equal([]);
    expect(Object.keys(value ?? {})).to.have.length(24);
    expect(value?.["7"]).to.equal("0a2a6815850dacb2d1f4e0c1f456d5e281086dea");
  });

  it("reports a PCR line that is cut or not hex", () => {
    const { value, diagnostics } = parseTpmPcrs("PCR-00: 3C 97\nPCR-01: ZZ\nhello\n", "pcrs");
    expect(value).to.deep.equal({});
    expect(diagnostics.map((d) => d.line)).to.deep.equal([1, 2, 3]);
  });

  it("never throws on any text or mutation of a real pcrs file", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(INFINEON_PCRS)), (text) => {
        const { value, diagnostics } = parseTpmPcrs(text, "pcrs");
        for (const hex of Object.values(value ?? {})) expect(hex).to.match(/^[0-9a-f]{40}$/);
        expectWellFormed(diagnostics, "pcrs");
      }),
      RUNS,
    );
  });
});

describe("parseTpmPcrValue", () => {
  it("reads a PCR digest in hex, and reports anything else", () => {
    expect(parseTpmPcrValue("2ED93F19\n", "p").value).to.equal("2ed93f19");
    expect(parseTpmPcrValue("2ED93F1\n", "p").value).to.equal(null);
    expect(parseTpmPcrValue("", "p").diagnostics).to.have.length(1);
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(anyText(), (text) =>
        expectWellFormed(parseTpmPcrValue(text, "p").diagnostics, "p"),
      ),
      RUNS,
    );
  });
});
