import { expect } from "chai";
import fc from "fast-check";
import { parsePciIds } from "../../../../../core/inventory/ids/pci-ids.js";
import { parseLspci } from "../../../../../core/inventory/pci/parse-lspci.js";
import { PciFunctionSchema, type PciFunction } from "../../../../../core/inventory/pci/schema.js";
import { corpusText, MACHINES } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

const FILE = "logs/lspci_all";

function parse(machine: string): PciFunction[] {
  const parsed = parseLspci(corpusText(machine, "lspci_all"), FILE);
  return parsed.value ?? [];
}

function at(functions: readonly PciFunction[], address: string): PciFunction {
  const found = functions.find((f) => f.address === address);
  if (found === undefined) throw new Error(`no ${address}`);
  return found;
}

describe("parseLspci", () => {
  describe("on the real dumps", () => {
    it("finds the T410's KT controller at line 88, bound to serial", () => {
      const kt = at(parse("lenovo-thinkpad-t410-2522w5d"), "0000:00:16.3");
      expect(kt).to.include({
        classId: "0700",
        progIf: "02",
        vendorId: "8086",
        deviceId: "3b67",
        revision: "06",
        driver: "serial",
        driverKnown: true,
        subsystemVendorId: "17aa",
        subsystemDeviceId: "2162",
      });
      expect(kt.at).to.deep.equal({ file: FILE, line: 88, endLine: 100 });
      // serial is built in: lspci lists no module for it, and the dump does list modules.
      expect(kt.modules).to.deep.equal([]);
    });

    it("reads the T410's Ricoh card reader as an SD host and its memory-stick function as driverless", () => {
      const functions = parse("lenovo-thinkpad-t410-2522w5d");
      const sd = at(functions, "0000:0d:00.0");
      expect(sd).to.include({
        classId: "0805",
        vendorId: "1180",
        deviceId: "e822",
        driver: "sdhci-pci",
      });
      expect(sd.at.line).to.equal(561);
      const ms = at(functions, "0000:0d:00.1");
      expect(ms).to.include({ classId: "0880", deviceId: "e230", driver: null, driverKnown: true });
      expect(ms.at.line).to.equal(607);
    });

    it("reads the T420's Ricoh e822 as class 0880 prog-if 01", () => {
      const ricoh = at(parse("lenovo-thinkpad-t420-4180pbg"), "0000:0d:00.0");
      expect(ricoh).to.include({
        classId: "0880",
        progIf: "01",
        deviceId: "e822",
        driver: "sdhci-pci",
      });
    });

    it("tells unknown modules from none: the T420 dump lists no module at all", () => {
      const functions = parse("lenovo-thinkpad-t420-4180pbg");
      expect(functions.every((f) => f.modules === null)).to.equal(true);
      expect(functions.every((f) => f.driverKnown)).to.equal(true);
    });

    it("reads the E6400's IOMMU groups", () => {
      const functions = parse("dell-latitude-e6400");
      expect(at(functions, "0000:00:00.0").iommuGroup).to.equal(1);
      expect(at(functions, "0000:03:01.1").iommuGroup).to.equal(6);
      // Every function but the GM45's graphics, which Linux keeps out of the IOMMU on that
      // chipset (drivers/iommu/intel/iommu.c, quirk_iommu_igfx).
      const ungrouped = functions.filter((f) => f.iommuGroup === null).map((f) => f.address);
      expect(ungrouped).to.deep.equal(["0000:00:02.0", "0000:00:02.1"]);
      expect(parse("lenovo-thinkpad-t410-2522w5d").every((f) => f.iommuGroup === null)).to.equal(
        true,
      );
    });

    it("reads the E751's RTS5209 as two functions and its NEC controller as xHCI", () => {
      const functions = parse("fujitsu-lifebook-e751");
      expect(at(functions, "0000:0c:00.0")).to.include({
        classId: "ff00",
        deviceId: "5209",
        driver: "rtsx_pci",
      });
      expect(at(functions, "0000:0c:00.1")).to.include({ classId: "0805", deviceId: "5209" });
      expect(at(functions, "0000:0b:00.0")).to.include({
        classId: "0c03",
        progIf: "30",
        vendorId: "1033",
      });
    });

    it("reads the G570's powered-off GPU (Unknown header type 7f) and the line split by a pcilib warning", () => {
      const parsed = parseLspci(corpusText("lenovo-g570", "lspci_all"), FILE);
      const functions = parsed.value ?? [];
      expect(at(functions, "0000:01:00.0")).to.include({
        vendorId: "1002",
        deviceId: "68e4",
        revision: "ff",
        progIf: "ff",
        driver: "radeon",
      });
      const sata = at(functions, "0000:00:1f.2");
      expect(sata).to.include({ deviceId: "1c03", revision: "05", progIf: "01", driver: "ahci" });
      expect(sata.at).to.include({ line: 288 });
      expect(parsed.diagnostics).to.have.length(1);
      expect(parsed.diagnostics[0]).to.include({ code: "HCL_E_EVIDENCE_MALFORMED", line: 288 });
      expect(parsed.diagnostics[0]?.message).to.contain("sysfs_read_vpd");
    });

    it("reads a bridge's subsystem from its SSVID capability, as the kernel does", () => {
      const bridge = at(parse("lenovo-thinkpad-t410-2522w5d"), "0000:00:01.0");
      expect(bridge).to.include({
        classId: "0604",
        subsystemVendorId: "17aa",
        subsystemDeviceId: "2194",
      });
    });

    it("reads every dump whole, without diagnostics except the spliced warnings, into valid records", () => {
      for (const machine of MACHINES) {
        const parsed = parseLspci(corpusText(machine, "lspci_all"), FILE);
        const spliced = parsed.diagnostics.filter((d) => d.message.includes("pcilib"));
        expect(parsed.diagnostics, machine).to.deep.equal(spliced);
        expect(parsed.value?.length, machine).to.be.greaterThan(10);
        for (const fn of parsed.value ?? [])
          expectValid(PciFunctionSchema, fn, `${machine} ${fn.address}`);
      }
    });
  });

  describe("format variants", () => {
    const ids = parsePciIds(
      [
        "1180  Ricoh Co Ltd",
        "\te822  MMC/SD Host Controller",
        "17aa  Lenovo",
        "8086  Intel Corporation",
        "C 08  Generic system peripheral",
        "\t05  SD Host controller",
        "",
      ].join("\n"),
    );

    it("keeps a domain the dump shows and splits names with pci.ids", () => {
      const text =
        "0001:0d:00.0 SD Host controller [0805]: Ricoh Co Ltd MMC/SD Host Controller [1180:e822] (rev 01)\n\tSubsystem: Lenovo Device [17aa:2133]\n\tKernel driver in use: sdhci-pci\n\n";
      const [fn] = parseLspci(text, FILE, ids).value ?? [];
      expect(fn).to.include({
        address: "0001:0d:00.0",
        vendorName: "Ricoh Co Ltd",
        deviceName: "MMC/SD Host Controller",
        className: "SD Host controller",
        subsystemName: null,
        progIf: "00",
      });
    });

    it("parses capabilities hidden from a non-root user", () => {
      const text = corpusText("acer-aspire-5750", "lspci_all").replace(
        /\tCapabilities: \[[0-9a-f]+\][^\n]*\n(\t\t[^\n]*\n)*/g,
        "\tCapabilities: <access denied>\n",
      );
      expect(text).to.contain("<access denied>");
      const parsed = parseLspci(text, FILE);
      expect(parsed.diagnostics).to.deep.equal([]);
      expect(at(parsed.value ?? [], "0000:02:00.1")).to.include({
        classId: "0805",
        deviceId: "16bc",
        driver: "sdhci-pci",
      });
      expect(at(parsed.value ?? [], "0000:02:00.2")).to.include({
        deviceId: "16be",
        driver: null,
        driverKnown: true,
      });
    });

    it("cannot tell drivers when the dump shows no kernel information", () => {
      const text =
        "00:1f.0 ISA bridge [0601]: Intel Corporation QM57 Chipset LPC Interface Controller [8086:3b07] (rev 06)\n\tSubsystem: Lenovo Device [17aa:2166]\n\n";
      const [fn] = parseLspci(text, FILE).value ?? [];
      expect(fn).to.include({ driver: null, driverKnown: false, modules: null, progIf: "00" });
    });

    it("leaves the programming interface unknown in non-verbose output", () => {
      const text =
        "00:1f.0 ISA bridge [0601]: Intel Corporation QM57 [8086:3b07]\n00:1f.2 SATA controller [0106]: Intel Corporation AHCI [8086:3b2f] (rev 06) (prog-if 01 [AHCI 1.0])\n";
      const parsed = parseLspci(text, FILE);
      expect(parsed.value?.map((f) => [f.progIf, f.revision])).to.deep.equal([
        [null, "00"],
        ["01", "06"],
      ]);
      expect(parsed.diagnostics).to.deep.equal([]);
    });

    it("reads a subsystem printed on the DeviceName line", () => {
      const text =
        "00:02.0 VGA compatible controller [0300]: Intel Corporation HD [8086:0126] (rev 09) (prog-if 00 [VGA controller])\n\tDeviceName:  Onboard IGD\tSubsystem: Lenovo Device [17aa:21ce]\n\tKernel driver in use: i915\n\n";
      const [fn] = parseLspci(text, FILE).value ?? [];
      expect(fn).to.include({
        subsystemVendorId: "17aa",
        subsystemDeviceId: "21ce",
        driver: "i915",
      });
    });

    it("reports a dump cut inside its last record and does not trust that record's driver", () => {
      const full = corpusText("lenovo-thinkpad-t410-2522w5d", "lspci_all");
      const cut = full.slice(0, full.indexOf("\tKernel driver in use: sdhci-pci"));
      const parsed = parseLspci(cut, FILE);
      const last = parsed.value?.at(-1);
      expect(last).to.include({
        address: "0000:0d:00.0",
        driver: null,
        driverKnown: false,
        modules: null,
      });
      expect(parsed.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_TRUNCATED"]);
      expect(parsed.value?.at(-2)?.driverKnown).to.equal(true);
    });

    it("reports lines outside records and headers without -nn numbers, keeping the rest", () => {
      const text =
        "garbage\nmore garbage\n\n00:19.0 Ethernet controller: Intel Corporation 82577LM\n\tKernel driver in use: e1000e\n\n00:1f.0 ISA bridge [0601]: Intel Corporation QM57 [8086:3b07] (rev 06)\n\tKernel driver in use: lpc_ich\n\n00:1f.0 ISA bridge [0601]: Intel Corporation QM57 [8086:3b07] (rev 06)\n\n";
      const parsed = parseLspci(text, FILE);
      expect(parsed.value?.map((f) => f.address)).to.deep.equal(["0000:00:1f.0"]);
      expect(parsed.diagnostics.map((d) => d.line)).to.deep.equal([1, 4, 5, 10]);
      expect(parsed.diagnostics[0]?.message).to.contain("lines 1-2");
    });

    it("answers an empty list for an empty dump", () => {
      expect(parseLspci("", FILE)).to.deep.equal({ value: [], diagnostics: [] });
    });
  });

  it("reads pathological 300 kB lines in linear time", () => {
    for (const text of [
      "00:1f.0 " + "[0601]: ".repeat(40000),
      "00:1f.0 x [0601]: " + " (prog-if ".repeat(40000) + ")",
      "00:1f.0 x [0601]: " + "[8086:".repeat(40000),
      "00:1f.0 x [0601]: a [8086:3b07]\n" +
        "\t".repeat(200000) +
        "Subsystem: " +
        "[".repeat(100000),
      "x pcilib: ".repeat(40000),
    ]) {
      const start = performance.now();
      parseLspci(text, FILE);
      expect(performance.now() - start, text.slice(0, 30)).to.be.below(200);
    }
  });

  it("never throws on mutated dumps or random text, and keeps diagnostics and records well-formed", () => {
    const texts = ["lenovo-thinkpad-t410-2522w5d", "lenovo-g570", "dell-latitude-e6400"].map((m) =>
      corpusText(m, "lspci_all"),
    );
    fc.assert(
      fc.property(fc.oneof(mutatedText(texts), anyText()), (text) => {
        const parsed = parseLspci(text, FILE);
        expectWellFormed(parsed.diagnostics, FILE, text.split("\n").length);
        for (const fn of parsed.value ?? []) expectValid(PciFunctionSchema, fn);
      }),
      RUNS,
    );
  });
});
