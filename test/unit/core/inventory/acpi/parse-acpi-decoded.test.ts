import { expect } from "chai";
import fc from "fast-check";
import { decodeEisaId } from "../../../../../core/inventory/acpi/eisa-id.js";
import { parseAcpiDecoded } from "../../../../../core/inventory/acpi/parse-acpi-decoded.js";
import {
  AcpiSchema,
  type Acpi,
  type AcpiDevice,
} from "../../../../../core/inventory/acpi/schema.js";
import { corpusLabels, corpusText } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, applyEdits, RUNS, textEdits } from "../../../../helpers/mutations.js";
import { ACPI_JUNK, citedLines } from "./checks.js";
import { ACPI_MACHINES } from "./corpus.js";

const FILE = "logs/acpidump_decoded";
const TPM_IDS =
  /^(PNP0C31|MSFT0101|IFX0101|IFX0102|ATM1200|BCM0101|BCM0102|NSC1200|ICO0102|INTC0102|SMO1200|SNO3504|WEC1000)$/;

const parsed = new Map<string, Acpi>();
function acpiOf(machine: string): Acpi {
  let acpi = parsed.get(machine);
  if (acpi === undefined) {
    const result = parseAcpiDecoded(corpusText(machine, "acpidump_decoded"), FILE);
    expect(result.diagnostics, machine).to.deep.equal([]);
    acpi = result.value as Acpi;
    parsed.set(machine, acpi);
  }
  return acpi;
}

const signatures = (acpi: Acpi): string[] => (acpi.tables ?? []).map((t) => t.signature);
const table = (acpi: Acpi, signature: string) =>
  acpi.tables?.find((t) => t.signature === signature);
const withId = (acpi: Acpi, id: string): AcpiDevice[] =>
  (acpi.devices ?? []).filter((d) => d.hidCandidates.includes(id) || d.cids.includes(id));
const tpmDevices = (acpi: Acpi): AcpiDevice[] =>
  (acpi.devices ?? []).filter((d) =>
    [...d.hidCandidates, ...d.cids].some((id) => TPM_IDS.test(id)),
  );

describe("parseAcpiDecoded on the real dumps", () => {
  it("reads the ThinkPad T410 2522W5D: TCPA and DMAR, a TPM whose vendor is chosen at run time", () => {
    const acpi = acpiOf("lenovo-thinkpad-t410-2522w5d");
    expect(table(acpi, "DMAR")?.at.line).to.equal(307);
    expect(table(acpi, "TCPA")?.at.line).to.equal(19248);
    expect(table(acpi, "TCPA")?.fields).to.deep.equal({
      platformClass: "0000",
      minimumLogLength: "00010000",
      logAddress: "00000000bf38c000",
    });
    const [tpm, ...others] = tpmDevices(acpi);
    expect(others).to.deep.equal([]);
    expect(tpm?.path).to.equal("\\_SB.PCI0.LPC.TPM");
    expect(tpm?.hid).to.equal(null);
    expect(tpm?.hidCandidates).to.include.members([
      "IFX0102",
      "SNO3504",
      "BCM0102",
      "ATM1200",
      "INTC0102",
      "SMO1200",
    ]);
    expect(tpm?.cids).to.deep.equal(["PNP0C31"]);
    expect(tpm?.uid).to.equal("1");
    expect(tpm?.idSources.find((s) => s.id === "IFX0102")?.at).to.deep.equal({
      file: FILE,
      line: 5368,
    });
    const [lid] = withId(acpi, "PNP0C0D");
    expect(lid?.hid).to.equal("PNP0C0D");
    expect(lid?.idSources[0]?.at.line).to.equal(1610);
    expect(withId(acpi, "PNP0C0A")[0]?.idSources[0]?.at.line).to.equal(7023);
    expect(acpi.sleepStates?.s3).to.deep.equal({
      supported: true,
      conditional: false,
      at: { file: FILE, line: 14132 },
    });
    expect(acpi.fixedFeatureButtons).to.deep.include({ power: true, sleep: false });
    expect(withId(acpi, "PNP0C0C")).to.deep.equal([]); // hence LNXPWRBN on Linux
  });

  it("reads the mouse whose _HID a method overwrites as run-time chosen", () => {
    const [mouse] = (acpiOf("lenovo-thinkpad-t410-2522w5d").devices ?? []).filter(
      (d) => d.path === "\\_SB.PCI0.LPC.MOU",
    );
    expect(mouse?.hid).to.equal(null);
    expect(mouse?.hidCandidates).to.deep.equal(["IBM3780", "LEN0015"]);
    expect(mouse?.cids).to.deep.equal(["PNP0F13"]);
  });

  it("shows VT-d off on the T410 2537PW4: TCPA but no DMAR, in a whole table list", () => {
    const acpi = acpiOf("lenovo-thinkpad-t410-2537pw4");
    expect(signatures(acpi)).to.include("TCPA").and.not.include("DMAR");
    expect(acpi.tableList).to.deep.equal({
      complete: true,
      at: { file: FILE, line: 7, endLine: 32 },
    });
    // Newer iasl writes field lengths in hex ("[000h 0000 004h]").
    expect(table(acpi, "TCPA")?.at.line).to.equal(19306);
    expect(table(acpi, "TCPA")?.fields["logAddress"]).to.equal("00000000bb78c000");
  });

  it("finds the HP 8440p's TPM device although the firmware publishes no TCPA table", () => {
    const acpi = acpiOf("hp-elitebook-8440p");
    expect(signatures(acpi)).to.not.include("TCPA").and.not.include("TPM2");
    const [tpm] = tpmDevices(acpi);
    expect(tpm?.hidCandidates).to.deep.equal(["IFX0102", "PNP0C31"]);
    expect(tpm?.cids).to.deep.equal(["PNP0C31"]);
    expect(tpm?.hid).to.equal(null);
  });

  it("decodes DMAR: host address width, flags and each DRHD unit", () => {
    const t420 = table(acpiOf("lenovo-thinkpad-t420-4180pbg"), "DMAR");
    expect(t420?.fields["flags"]).to.equal("01"); // INTR_REMAP
    expect(t420?.fields["hostAddressWidth"]).to.equal("23"); // 36 bits
    expect(t420?.fields["drhd[0].address"]).to.equal("00000000fed90000");
    expect(t420?.fields["drhd[0].scope"]).to.equal("01@00:02.0"); // the IGD
    expect(t420?.fields["drhd[1].scope"]).to.match(/^03@f0:1f\.0 04@00:0f\.0/); // IOAPIC, HPET
    const t410 = table(acpiOf("lenovo-thinkpad-t410-2522w5d"), "DMAR");
    expect(t410?.fields).to.include({
      flags: "00",
      "drhd[0].scope": "01@00:1b.0",
      "drhd[1].flags": "01",
    });
  });

  it("reads the Aspire 5750: control-method power button, no TPM, S3 declared inside If", () => {
    const acpi = acpiOf("acer-aspire-5750");
    expect(withId(acpi, "PNP0C0C").map((d) => d.path)).to.deep.equal(["\\_SB.PCI0.LPCB.PWRB"]);
    expect(tpmDevices(acpi)).to.deep.equal([]);
    expect(signatures(acpi)).to.not.include("TCPA");
    expect(acpi.sleepStates?.s3).to.deep.include({ supported: true, conditional: true });
    expect(acpi.sleepStates?.s2).to.deep.include({ supported: false });
  });

  it("reads the Latitude E5420's TPM with a fixed vendor id", () => {
    const [tpm] = tpmDevices(acpiOf("dell-latitude-e5420"));
    expect(tpm).to.deep.include({ path: "\\_SB.PCI0.LPCB.TPM", hid: "ATM1200", cids: ["PNP0C31"] });
    expect(tpm?.hidCandidates).to.deep.equal(["ATM1200"]);
    expect(tpm?.idSources.map((s) => s.at.line)).to.deep.equal([11437, 11438]);
  });

  it("finds neither TCPA nor DMAR on the AMD Presario CQ57", () => {
    const acpi = acpiOf("hp-presario-cq57");
    expect(signatures(acpi)).to.not.include.members(["TCPA"]);
    expect(signatures(acpi)).to.not.include("DMAR");
    expect(acpi.tableList?.complete).to.equal(true);
  });

  it("completes the table list: every listed table is there, with the length the list gives", () => {
    for (const machine of ACPI_MACHINES) {
      const acpi = acpiOf(machine);
      expect(acpi.tableList?.complete, machine).to.equal(true);
      expect(acpi.namespace?.complete, machine).to.equal(true);
      for (const t of acpi.tables ?? []) {
        expect(t.at.file, machine).to.equal(FILE);
        if (t.signature !== "RSD PTR ")
          expect(t.length, `${machine} ${t.signature}`).to.be.a("number");
        // iasl printed every data table with its raw bytes; all real checksums are right.
        if (t.checksumValid !== null)
          expect(t.checksumValid, `${machine} ${t.signature}`).to.equal(true);
      }
      expect(table(acpi, "DSDT")?.length, machine).to.be.greaterThan(0x1000);
      expect(acpi.sleepStates?.s3.supported, machine).to.equal(true);
      expect(acpi.sleepStates?.lowPowerS0Idle.supported, machine).to.equal(false);
      expect(withId(acpi, "PNP0C0D"), machine).to.have.length(1);
      expect(withId(acpi, "PNP0C0A").length, machine).to.be.at.least(1);
    }
  });

  it("cites every acpidump_decoded line that the corpus labels quote", () => {
    let checked = 0;
    let quoted = 0;
    for (const machine of ACPI_MACHINES) {
      const acpi = acpiOf(machine);
      const lines = corpusText(machine, "acpidump_decoded").split("\n");
      for (const evidence of Object.values(corpusLabels(machine).evidence)) {
        quoted += evidence.match(/acpidump_decoded L\d+/g)?.length ?? 0;
        for (const match of evidence.matchAll(/acpidump_decoded L(\d+): "(.*?)"(?= \(| \||$)/g)) {
          const line = Number(match[1]);
          const quote = match[2] as string;
          const where = `${machine} L${line}: ${quote}`;
          expect(lines[line - 1]?.trim(), where).to.equal(quote.trim());
          expect(cites(acpi, line, quote), where).to.equal(true);
          checked++;
        }
      }
    }
    expect(checked).to.equal(quoted).and.be.greaterThan(60);
  });

  it("parses the whole corpus in well under 100 ms once warm", function () {
    this.timeout(20_000);
    const texts = ACPI_MACHINES.map((m) => corpusText(m, "acpidump_decoded"));
    for (let i = 0; i < 3; i++) for (const text of texts) parseAcpiDecoded(text, FILE);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      for (const text of texts) parseAcpiDecoded(text, FILE);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    // ~70 ms on one core for 6.7 MB; the bound leaves room for a loaded CI machine.
    expect(runs[2]).to.be.lessThan(250);
  });
});

/** Whether the parse cites `line` for what the quoted text of that line says. */
function cites(acpi: Acpi, line: number, quote: string): boolean {
  const signature = /Signature : "(\S{4})"/.exec(quote)?.[1];
  if (signature !== undefined)
    return (acpi.tables ?? []).some((t) => t.signature === signature && t.at.line === line);
  if (quote.startsWith("Found ")) return acpi.tableList?.at.endLine === line;
  if (/Name \(\\?_S3/.test(quote)) return acpi.sleepStates?.s3.at?.line === line;
  const eisa = /EisaId \("(\w+)"\)/.exec(quote)?.[1];
  const integer = /Return \((0x[0-9A-F]+)\)/.exec(quote)?.[1];
  const id = eisa ?? (integer === undefined ? null : decodeEisaId(Number.parseInt(integer, 16)));
  if (id === null || id === undefined) return false;
  const object = quote.includes("_CID") ? "_CID" : "_HID";
  return (acpi.devices ?? []).some((d) =>
    d.idSources.some((s) => s.id === id && s.object === object && s.at.line === line),
  );
}

describe("parseAcpiDecoded on damaged and random input", () => {
  function expectSound(text: string): void {
    const result = parseAcpiDecoded(text, FILE);
    const lineCount = text.split("\n").length;
    expectWellFormed(result.diagnostics, FILE, lineCount);
    if (result.value === null) return;
    expectValid(AcpiSchema, result.value);
    for (const line of citedLines(result.value)) expect(line).to.be.within(1, lineCount);
  }

  it("never throws on random text, and keeps its answer well-formed", () => {
    const asl = [
      'DefinitionBlock ("", "DSDT", 1, "X", "Y", 0x1)',
      "{",
      "}",
      "Device (TPM)",
      "Scope (\\_SB)",
      'Name (_HID, EisaId ("PNP0C0D"))',
      "Name (_CID, Package (0x02)",
      "Method (_HID, 0, NotSerialized)",
      "Return (0x0201D824)",
      "Name (_S3, Package (0x04)",
      "If (X)",
      "DSDT",
      "FACP",
      "----",
      "[070h 0112   4]        Flags (decoded below) : 0000C2AD",
      '[000h 0000   4]                    Signature : "DMAR"',
      "[030h 0048   2]                Subtable Type : 0000 [Hardware Unit Definition]",
      "Raw Table Data: Length 8 (0x8)",
      "    0000: 44 4D 41 52 80 00 00 00  // DMAR....",
      " Signature  Length    Version Oem",
      ' 01)  DSDT  0x0000F2F8  0x01  "LENOVO"  "TP-6I   "  0x00001280  "MSFT"   0x03000001',
      "Found 1 ACPI tables in acpidump",
    ];
    fc.assert(
      fc.property(anyText(asl), (text) => expectSound(text)),
      RUNS,
    );
  });

  it("never throws on mutated windows of the real dumps", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACPI_MACHINES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 3000 }),
        fc.boolean(),
        textEdits(ACPI_JUNK),
        (machine, from, length, fromTop, edits) => {
          const lines = corpusText(machine, "acpidump_decoded").split("\n");
          const start = fromTop ? 0 : Math.floor(from * lines.length);
          expectSound(applyEdits(lines.slice(start, start + length).join("\n"), edits));
        },
      ),
      RUNS,
    );
  });

  it("keeps what precedes the cut when a whole dump is truncated anywhere", () => {
    const text = corpusText("lenovo-thinkpad-t420-4180pbg", "acpidump_decoded");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const truncated = text.slice(0, cut);
        expectSound(truncated);
        const acpi = parseAcpiDecoded(truncated, FILE).value;
        // Past the table list (line 34), DMAR is known present whatever comes after.
        if (truncated.split("\n").length > 40) {
          expect(acpi?.tableList?.complete).to.equal(true);
          expect(acpi?.tables?.some((t) => t.signature === "DMAR")).to.equal(true);
        }
        // A cut inside the namespace leaves sleep states the text did not reach unknown, never false.
        if (acpi?.namespace?.complete === false) {
          for (const state of [acpi.sleepStates?.s1, acpi.sleepStates?.s2])
            expect(state?.supported).to.not.equal(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
