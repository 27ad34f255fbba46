import { expect } from "chai";
import fc from "fast-check";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import {
  parseAcpiModalias,
  readAcpiDevices,
} from "../../../../../core/inventory/acpi/read-acpi-devices.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { RUNS } from "../../../../helpers/mutations.js";

const DIR = "/sys/bus/acpi/devices";

describe("parseAcpiModalias", () => {
  it("lists the hardware id then the compatible ids", () => {
    expect(parseAcpiModalias("acpi:SMO1200:PNP0C31:\n", "m").value).to.deep.equal([
      "SMO1200",
      "PNP0C31",
    ]);
    expect(
      parseAcpiModalias("acpi:PRP0001:\nof:NgpioT(null)Cgpio-keys\n", "m").value,
    ).to.deep.equal(["PRP0001"]);
  });

  it("answers null, with a diagnostic, for anything that is not an acpi modalias", () => {
    const result = parseAcpiModalias("pci:v00008086d00003B07", "m");
    expect(result.value).to.equal(null);
    expect(result.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
    expect(parseAcpiModalias("", "m")).to.deep.equal({ value: null, diagnostics: [] });
  });

  it("never throws on random text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string().map((s) => `acpi:${s}`),
        ),
        (text) => {
          const result = parseAcpiModalias(text, "m");
          expectWellFormed(result.diagnostics, "m", 1);
          for (const id of result.value ?? []) expect(id).to.not.include(":").and.not.equal("");
        },
      ),
      RUNS,
    );
  });
});

describe("readAcpiDevices", () => {
  it("reads run-time ids, path, uid and _STA; a fixed-feature button has no path", () => {
    const fs = new MemoryFs({
      [`${DIR}/SMO1200:00/hid`]: "SMO1200\n",
      [`${DIR}/SMO1200:00/modalias`]: "acpi:SMO1200:PNP0C31:\n",
      [`${DIR}/SMO1200:00/path`]: "\\_SB_.PCI0.LPC_.TPM_\n",
      [`${DIR}/SMO1200:00/uid`]: "1\n",
      [`${DIR}/SMO1200:00/status`]: "15\n",
      [`${DIR}/LNXPWRBN:00/hid`]: "LNXPWRBN\n",
      [`${DIR}/LNXPWRBN:00/modalias`]: "acpi:LNXPWRBN:\n",
      [`${DIR}/device:00/path`]: "\\_SB_.PCI0.LPC_\n",
      [`${DIR}/PNP0C0D:00/hid`]: "PNP0C0D\n",
      [`${DIR}/PNP0C0D:00/path`]: "\\_SB_.LID_\n",
      [`${DIR}/PNP0C0D:00/status`]: "fifteen\n",
    });
    const { value, diagnostics } = readAcpiDevices(fs);
    expect(value?.map((d) => [d.path, d.hid, d.cids, d.status])).to.deep.equal([
      ["LNXPWRBN:00", "LNXPWRBN", [], null],
      ["\\_SB.LID", "PNP0C0D", [], null],
      ["\\_SB.PCI0.LPC.TPM", "SMO1200", ["PNP0C31"], 15],
      ["\\_SB.PCI0.LPC", null, [], null],
    ]);
    expect(value?.[2]?.idSources).to.deep.equal([
      { id: "SMO1200", object: "_HID", at: { file: `${DIR}/SMO1200:00/hid` } },
      { id: "PNP0C31", object: "_CID", at: { file: `${DIR}/SMO1200:00/modalias` } },
    ]);
    expect(diagnostics.map((d) => [d.code, d.file])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", `${DIR}/PNP0C0D:00/status`],
    ]);
  });

  it("tells an absent folder (unknown) from an empty one (no devices)", () => {
    expect(readAcpiDevices(new MemoryFs()).value).to.equal(null);
    expect(readAcpiDevices(new MemoryFs({}, [DIR])).value).to.deep.equal([]);
  });
});
