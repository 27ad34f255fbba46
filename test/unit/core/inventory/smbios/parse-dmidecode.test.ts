import { expect } from "chai";
import fc from "fast-check";
import { SmbiosSchema } from "../../../../../core/inventory/smbios/schema.js";
import type { SmbiosStructure } from "../../../../../core/inventory/smbios/schema.js";
import { parseDmidecode } from "../../../../../core/inventory/smbios/parse-dmidecode.js";
import { corpusLabels, corpusText, MACHINES } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { mutatedText, RUNS } from "../../../../helpers/mutations.js";
import { dmidecodeLikeText } from "./corpus.js";

const FILE = "logs/dmidecode";

function parse(machine: string) {
  const parsed = parseDmidecode(corpusText(machine, "dmidecode"), FILE);
  if (parsed.value === null) throw new Error(`${machine}: no SMBIOS read`);
  return { smbios: parsed.value, diagnostics: parsed.diagnostics };
}

/** The structure whose line range holds `line`. */
function structureAt(structures: readonly SmbiosStructure[], line: number) {
  return structures.find(
    (s) => (s.at.line ?? 0) <= line && line <= (s.at.endLine ?? s.at.line ?? 0),
  );
}

const VENDOR_ALIASES: Record<string, string[]> = {
  HP: ["Hewlett-Packard", "HP"],
  Dell: ["Dell Inc."],
  Lenovo: ["LENOVO"],
  Fujitsu: ["FUJITSU"],
  Acer: ["Acer"],
};

describe("parseDmidecode", () => {
  describe("on the 12 real dumps", () => {
    for (const machine of MACHINES) {
      it(`${machine}: reads every structure, and the identity its labels name`, () => {
        const { smbios, diagnostics } = parse(machine);
        const text = corpusText(machine, "dmidecode");
        expectWellFormed(diagnostics, FILE, text.split("\n").length);
        expectValid(SmbiosSchema, smbios);
        expect(smbios.complete).to.equal(true);
        const announced = Number(/^(\d+) structures occupying/m.exec(text)?.[1]);
        expect(smbios.structures).to.have.length(announced);

        const [vendor, ...model] = (
          corpusLabels(machine).machine.split(" (HWID")[0] as string
        ).split(" ");
        const system = smbios.identity?.system;
        expect(VENDOR_ALIASES[vendor as string]).to.include(system?.vendor);
        const said = [system?.product, system?.version, system?.family].join(" ");
        for (const word of model) expect(said, machine).to.include(word);
        expect(["Notebook", "Laptop", "Portable"]).to.include(smbios.identity?.chassis?.type);
        expect(smbios.identity?.bios?.vendor).to.be.a("string");
      });
    }

    it("puts every line that labels.json quotes from dmidecode where the quote says", () => {
      let checked = 0;
      for (const machine of MACHINES) {
        const { smbios } = parse(machine);
        const structures = smbios.structures ?? [];
        const evidence = Object.values(corpusLabels(machine).evidence).join(" | ");
        for (const ref of evidence.matchAll(/dmidecode L(\d+)(?:: "([^"]*)")?/g)) {
          const line = Number(ref[1]);
          const quote = ref[2];
          const s = structureAt(structures, line);
          expect(s, `${machine} L${line}`).to.not.equal(undefined);
          if (s === undefined) continue;
          checked++;
          if (quote === undefined || quote.startsWith("Handle ")) {
            expect(s.at.line, `${machine} L${line}`).to.equal(line);
          } else if (/^[0-9A-F]{2}( [0-9A-F]{2})*$/.test(quote)) {
            const row = line - (s.lines?.["Header and Data"] ?? 0) - 1;
            const hex = quote.replaceAll(" ", "").toLowerCase();
            expect(s.data?.slice(row * 32, row * 32 + hex.length), `${machine} L${line}`).to.equal(
              hex,
            );
          } else if (quote.includes(": ")) {
            const [key, value] = quote.split(": ") as [string, string];
            expect(s.lines?.[key], `${machine} L${line}`).to.equal(line);
            expect(String(s.fields[key]).trim()).to.equal(value.trim());
          } else {
            expect(s.strings?.map((t) => t.trim())).to.include(quote.trim());
            expect(s.lines?.["Strings"]).to.be.below(line);
          }
        }
      }
      expect(checked).to.be.greaterThan(60);
    });

    it("decodes the vPro record of the T410 2522W5D: TXT enabled, PCH QM57 at 00:1f.0", () => {
      const { smbios } = parse("lenovo-thinkpad-t410-2522w5d");
      expect(smbios.intelVpro).to.have.length(1);
      const vpro = smbios.intelVpro?.[0];
      expect(vpro?.cpuCapabilities).to.equal(0x3f);
      expect(vpro).to.include({
        txtCapable: true,
        txtEnabled: true,
        vtxCapable: true,
        vtxEnabled: true,
      });
      expect(vpro?.pch).to.deep.equal({ bus: 0, device: 31, function: 0, deviceId: "3b07" });
      expect(vpro?.networkDevice).to.deep.equal({
        bus: 0,
        device: 25,
        function: 0,
        deviceId: "10ea",
      });
      expect(vpro?.meFirmwareVersion).to.equal("6.0.41.1216");
      expect(vpro?.biosCapabilities).to.equal(0x7e);
      expect(vpro?.at).to.deep.equal({ file: FILE, line: 643, endLine: 649 });
    });

    it("decodes the T410 2537PW4's CPU_CAP 0x14: VT-x capable but off, TXT capable but off", () => {
      const vpro = parse("lenovo-thinkpad-t410-2537pw4").smbios.intelVpro?.[0];
      expect(vpro?.cpuCapabilities).to.equal(0x14);
      expect(vpro).to.include({
        vmx: false,
        smx: false,
        txtCapable: true,
        txtEnabled: false,
        vtxCapable: true,
        vtxEnabled: false,
      });
    });

    it("keeps the vPro record of a non-vPro Latitude E5420: PCH 1c49 (HM65), no TXT", () => {
      const vpro = parse("dell-latitude-e5420").smbios.intelVpro?.[0];
      expect(vpro?.pch?.deviceId).to.equal("1c49");
      expect(vpro?.txtCapable).to.equal(false);
    });

    it("keeps the all-ones $AMT template of the Aspire 5750 and G570, which have no vPro record", () => {
      for (const machine of ["acer-aspire-5750", "lenovo-g570"]) {
        const { smbios } = parse(machine);
        expect(smbios.intelAmt, machine).to.have.length(1);
        expect(smbios.intelAmt?.[0], machine).to.include({
          supported: true,
          enabled: true,
          ideR: true,
          sol: true,
          network: true,
        });
        expect(smbios.intelVpro, machine).to.deep.equal([]);
      }
    });

    it("reads the EliteBook 8440p's $AMT as not supported and the 6930p's as supported but off", () => {
      expect(parse("hp-elitebook-8440p").smbios.intelAmt?.[0]?.supported).to.equal(false);
      const amt = parse("hp-elitebook-6930p").smbios.intelAmt?.[0];
      expect(amt).to.include({ supported: true, enabled: false });
      expect(amt?.at).to.deep.equal({ file: FILE, line: 288, endLine: 292 });
    });

    it("reads the TPM vendor STM from the ThinkPads' type 134 TPM INFO record", () => {
      for (const machine of ["lenovo-thinkpad-t410-2522w5d", "lenovo-thinkpad-t420-4180pbg"]) {
        const info = parse(machine).smbios.lenovoTpmInfo;
        expect(info, machine).to.have.length(1);
        expect(info?.[0]?.vendor).to.equal("STM");
      }
      expect(parse("lenovo-thinkpad-t410-2522w5d").smbios.lenovoTpmInfo?.[0]?.at.line).to.equal(
        539,
      );
      expect(parse("lenovo-g570").smbios.lenovoTpmInfo).to.deep.equal([]);
    });

    it("finds the T410's eSATA 1 port connector and the E6400's System eSATA Bay string", () => {
      const ports = parse("lenovo-thinkpad-t410-2522w5d").smbios.portConnectors ?? [];
      const esata = ports.find((p) => p.externalDesignator === "eSATA 1");
      expect(esata).to.include({
        externalType: "SAS/SATA Plug Receptacle",
        portType: "SATA",
        internalDesignator: "Not Available",
      });
      expect(esata?.at).to.deep.equal({ file: FILE, line: 315, endLine: 321 });
      expect(ports.filter((p) => p.portType === "USB")).to.have.length(4);

      const dell = parse("dell-latitude-e6400").smbios.dellStrings ?? [];
      const bays = dell.filter((d) => d.type === 219).map((d) => d.strings[0]);
      expect(bays).to.deep.equal([
        "System Device Bay",
        "System eSATA Bay",
        "System eSATA Dock Bay",
      ]);
      expect(parse("lenovo-thinkpad-t410-2522w5d").smbios.dellStrings).to.deep.equal([]);
    });

    it("reads processors, memory and batteries as the T410 dump prints them", () => {
      const { smbios } = parse("lenovo-thinkpad-t410-2522w5d");
      expect(smbios.processors?.[0]).to.include({
        version: "Intel(R) Core(TM) i5 CPU       M 520  @ 2.40GHz",
        cores: 2,
        threads: 4,
        maxSpeedMHz: 2400,
      });
      expect(smbios.processors?.[0]?.characteristics).to.deep.equal([]);
      expect(smbios.memoryDevices?.map((m) => [m.sizeMiB, m.type, m.speedMTs])).to.deep.equal([
        [2048, "DDR3", 1066],
        [2048, "DDR3", 1066],
      ]);
      expect(smbios.batteries?.[0]).to.include({
        manufacturer: "LGC",
        name: "42T4911",
        chemistry: "LION",
        designCapacityMWh: 47520,
        designVoltageMV: 10800,
      });
      expect(smbios.tpmDevices).to.deep.equal([]);
    });

    it("tells an empty memory slot from an unknown size, on dmidecode 2.12 and 3.x alike", () => {
      const g570 = parse("lenovo-g570").smbios.memoryDevices ?? [];
      expect(g570.map((m) => [m.installed, m.sizeMiB, m.speedMTs])).to.deep.equal([
        [true, 4096, 1333],
        [false, null, null],
        [true, 2048, 1333],
        [false, null, null],
      ]);
      expect(g570[0]?.raw).to.deep.equal({ size: "4096 MB", speed: "1333 MHz" });
    });

    it("recovers the E6400's chassis whose Handle line hw-probe overwrote, and says so", () => {
      const { smbios, diagnostics } = parse("dell-latitude-e6400");
      expect(smbios.identity?.chassis).to.deep.equal({
        type: "Portable",
        typeCode: 8,
        at: { file: FILE, line: 130, endLine: 140 },
      });
      expect(diagnostics.map((d) => d.line)).to.deep.equal([129, 130]);
    });

    it("reports a line hw-probe masked inside a structure and reads on", () => {
      const { smbios, diagnostics } = parse("fujitsu-lifebook-e751");
      expect(diagnostics.map((d) => d.line)).to.include.members([56, 260, 261, 275]);
      expect(smbios.identity?.baseboard?.product).to.equal("FJNB222");
    });

    it("keeps list fields as arrays and a sub-record's keys under its title", () => {
      const t410 = parse("lenovo-thinkpad-t410-2522w5d").smbios.structures ?? [];
      const bios = t410.find((s) => s.type === 0);
      expect(bios?.fields["Characteristics"]).to.have.length(19);
      expect(t410.find((s) => s.type === 13)?.fields["Installable Languages"]).to.deep.equal([
        "enUS",
      ]);
      const extra = parse("lenovo-g570").smbios.structures?.find((s) => s.type === 40);
      expect(extra?.name).to.equal("Additional Information 1");
      expect(extra?.fields["String"]).to.equal("PCIExpressx16");
      expect(extra?.fields["Additional Information 2 / String"]).to.equal(
        "Compiler Version: VC 9.0",
      );
      expect(extra?.lines?.["Additional Information 2 / Value"]).to.equal(257);
    });

    it("keeps a string of blanks as a string, not as the end of the structure", () => {
      const dell = parse("dell-latitude-e6400").smbios.structures?.find((s) => s.type === 216);
      expect(dell?.strings).to.deep.equal([
        "Intel Corp.          ",
        " ",
        "2107                  ",
        "  ",
      ]);
    });
  });

  describe("on other dmidecode output", () => {
    it("reads dmidecode 2.8's indented layout and masks a serial number left in a dump", () => {
      const text = [
        "# dmidecode 2.8",
        "SMBIOS 2.4 present.",
        "2 structures occupying 60 bytes.",
        "",
        "Handle 0x0100",
        "\tDMI type 1, 25 bytes.",
        "\tSystem Information",
        "\t\tManufacturer: Dell Inc.",
        "\t\tProduct Name: Latitude D830",
        "\t\tSerial Number: 7XK2L3J",
        "\t\tUUID: 44454C4C-5800-104B-8032-B7C04F4C334A",
        "",
        "Handle 0x7F00",
        "\tDMI type 127, 4 bytes.",
        "\tEnd Of Table",
        "",
      ].join("\n");
      const { value, diagnostics } = parseDmidecode(text, FILE);
      expect(diagnostics).to.deep.equal([]);
      expect(value?.identity?.system?.product).to.equal("Latitude D830");
      const fields = value?.structures?.[0]?.fields;
      expect(fields).to.include({ "Serial Number": "--", UUID: "--" });
      expect(JSON.stringify(value)).to.not.include("7XK2L3J");
      expect(value?.complete).to.equal(true);
    });

    it("reads `dmidecode -t 17` (no count, no End Of Table) as a partial table", () => {
      const text = [
        "# dmidecode 3.4",
        "Getting SMBIOS data from sysfs.",
        "SMBIOS 3.2.0 present.",
        "",
        "Handle 0x0040, DMI type 17, 84 bytes",
        "Memory Device",
        "\tSize: 16 GB",
        "\tLocator: DIMM A",
        "\tType: DDR4",
        "\tSpeed: 3200 MT/s",
        "",
        "",
      ].join("\r\n");
      const { value, diagnostics } = parseDmidecode(text, FILE);
      expect(diagnostics).to.deep.equal([]);
      expect(value?.version).to.equal("3.2.0");
      expect(value?.complete).to.equal(false);
      expect(value?.memoryDevices?.map((m) => [m.sizeMiB, m.type, m.speedMTs])).to.deep.equal([
        [16384, "DDR4", 3200],
      ]);
      expect(value?.batteries).to.equal(null);
      expect(value?.intelVpro).to.equal(null);
    });

    it("says unknown, not absent, for what a dump cut short may have lost", () => {
      const text = corpusText("lenovo-thinkpad-t410-2522w5d", "dmidecode");
      const cut = text.split("\n").slice(0, 647).join("\n");
      const { value, diagnostics } = parseDmidecode(cut, FILE);
      expect(value?.complete).to.equal(false);
      expect(value?.intelVpro).to.equal(null);
      expect(value?.intelAmt).to.have.length(1);
      expect(value?.portConnectors?.length).to.be.greaterThan(0);
      const codes = diagnostics.map((d) => d.code);
      expect(codes).to.include("HCL_E_EVIDENCE_TRUNCATED");
      expect(diagnostics.find((d) => d.line === 645)?.message).to.include("dumps 32 bytes");
    });

    it("reads the same from CRLF line ends", () => {
      const text = corpusText("hp-elitebook-8440p", "dmidecode");
      const lf = parseDmidecode(text, FILE).value;
      const crlf = parseDmidecode(text.replaceAll("\n", "\r\n"), FILE).value;
      expect(crlf).to.deep.equal(lf);
    });

    it("answers null for text with no table, and reports what dmidecode complained about", () => {
      expect(parseDmidecode("", FILE)).to.deep.equal({ value: null, diagnostics: [] });
      const none = "# dmidecode 3.4\n# No SMBIOS nor DMI entry point found, sorry.\n";
      expect(parseDmidecode(none, FILE)).to.deep.equal({ value: null, diagnostics: [] });
      const broken = parseDmidecode(
        "SMBIOS 2.3 present.\nInvalid entry length (0). DMI table is broken! Stop.\n",
        FILE,
      );
      expect(broken.value?.structures).to.deep.equal([]);
      expect(broken.diagnostics.map((d) => d.line)).to.deep.equal([2]);
    });

    it("refuses a binary file saved as the text log", () => {
      const { value, diagnostics } = parseDmidecode("_SM_\u0000\u001f\u0002\u0006", FILE);
      expect(value).to.equal(null);
      expect(diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_BINARY"]);
    });

    it("checks an OEM dump against its Handle line", () => {
      const text = [
        "Handle 0x0016, DMI type 131, 64 bytes",
        "OEM-specific Type",
        "\tHeader and Data:",
        "\t\t83 40 17 00 37 00 00 00 00 00 00 00 00 00 00 0G",
        "",
        "",
      ].join("\n");
      const { diagnostics } = parseDmidecode(text, FILE);
      expect(diagnostics.map((d) => [d.line, d.code])).to.deep.equal([
        [4, "HCL_E_EVIDENCE_MALFORMED"],
        [3, "HCL_E_EVIDENCE_MALFORMED"],
        [3, "HCL_E_EVIDENCE_MALFORMED"],
      ]);
    });
  });

  describe("never throws and reports well-formed diagnostics", () => {
    it("on text made of dmidecode's pieces and on any text", () => {
      fc.assert(
        fc.property(dmidecodeLikeText(), (text) => {
          const { value, diagnostics } = parseDmidecode(text, FILE);
          expectWellFormed(diagnostics, FILE, text.split("\n").length);
          if (value !== null) expectValid(SmbiosSchema, value);
        }),
        RUNS,
      );
    });

    it("on real dumps cut short, with lines lost, doubled, swapped or junk inserted", () => {
      const texts = MACHINES.map((machine) => corpusText(machine, "dmidecode"));
      fc.assert(
        fc.property(mutatedText(texts), (text) => {
          const { value, diagnostics } = parseDmidecode(text, FILE);
          const lines = text.split("\n").length;
          expectWellFormed(diagnostics, FILE, lines);
          if (value !== null) expectValid(SmbiosSchema, value);
          for (const s of value?.structures ?? []) {
            expect(s.at.line).to.be.within(1, lines);
            expect(s.at.endLine ?? s.at.line).to.be.within(s.at.line ?? 1, lines);
          }
        }),
        RUNS,
      );
    });
  });
});
