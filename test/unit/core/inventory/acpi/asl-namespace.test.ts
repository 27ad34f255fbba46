import { expect } from "chai";
import { parseAcpiDecoded } from "../../../../../core/inventory/acpi/parse-acpi-decoded.js";
import type { Acpi } from "../../../../../core/inventory/acpi/schema.js";

/** A decoded dump holding one DSDT, in hw-probe's layout; the ASL starts at line 12. */
function dump(asl: string): string {
  return [
    "",
    "Intel ACPI Component Architecture",
    "",
    " Signature  Length    Version Oem       Oem         Oem         Compiler Compiler",
    "                              Id        TableId     RevisionId  Name     Revision",
    " _________  __________  ____  ________  __________  __________  _______  __________",
    "",
    ' 01)  DSDT  0x00001000  0x02  "HCLKIT"  "TEST    "  0x00000001  "INTL"   0x20210105',
    "",
    "Found 1 ACPI tables in acpidump",
    "",
    "DSDT",
    "----",
    asl,
    "",
  ].join("\n");
}

function parse(asl: string): { acpi: Acpi; codes: string[] } {
  const result = parseAcpiDecoded(dump(asl), "logs/acpidump_decoded");
  return { acpi: result.value as Acpi, codes: result.diagnostics.map((d) => d.code) };
}

/** The 1-based number of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
}

describe("the ASL namespace of a decoded dump", () => {
  it("gives devices their full path through Scope, ^ and nested devices", () => {
    const { acpi, codes } = parse(`DefinitionBlock ("", "DSDT", 2, "HCLKIT", "TEST    ", 0x00000001)
{
    Scope (\\_SB)
    {
        Device (PCI0)
        {
            Device (LPC_)
            {
                Device (EC)
                {
                    Device (^^KBD) {}
                }
            }
        }
    }
    Scope (_SB.PCI0.LPC)
    {
        Device (TPM)
        {
            Name (_HID, "MSFT0101")  // _HID: Hardware ID
            Name (_UID, 0x0A)
        }
    }
}`);
    expect(codes).to.deep.equal([]);
    expect(acpi.devices?.map((d) => d.path)).to.deep.equal([
      "\\_SB.PCI0",
      "\\_SB.PCI0.LPC",
      "\\_SB.PCI0.LPC.EC",
      "\\_SB.PCI0.KBD",
      "\\_SB.PCI0.LPC.TPM",
    ]);
    const tpm = acpi.devices?.[4];
    expect(tpm).to.deep.include({ hid: "MSFT0101", hidCandidates: ["MSFT0101"], uid: "10" });
    expect(tpm?.at).to.deep.equal({ file: "logs/acpidump_decoded", line: 31, endLine: 35 });
    const dsdt = acpi.tables?.[0];
    expect(dsdt).to.deep.include({
      signature: "DSDT",
      revision: 2,
      oemId: "HCLKIT",
      oemTableId: "TEST",
      length: 0x1000,
    });
    expect(dsdt?.at).to.deep.equal({ file: "logs/acpidump_decoded", line: 14, endLine: 37 });
  });

  it("reads ids from strings, EisaId, integers, _CID packages, old Store syntax and wrapped conditions", () => {
    const asl = `DefinitionBlock ("", "DSDT", 1, "HCLKIT", "TEST", 0x1)
{
    Device (\\_SB.TPM)
    {
        Method (_HID, 0, NotSerialized)
        {
            If (((TVID == 0x15D1) || (
                TVID == 0x15D2)))
            {
                Return (0x0201D824)
            }
            Store (0x00128D06, Local0)
            Local1 = "INTC0102" /* a string */
            Return (Local0)
        }
        Name (_CID, Package (0x02) { EisaId ("PNP0C31"), "TCG0001" })
        Method (_STA, 0, NotSerialized)
        {
            Return (0x0F)
        }
    }
    Device (\\_SB.PAD)
    {
        Name (_HID, 0x130CD041)
        Name (_CID, Package (0x02)
        {
            EisaId ("SYN0002"),  // { a brace in a comment }
            "PNP0F13"
        })
        Method (MHID, 0, NotSerialized)
        {
            Store (0x1500AE30, _HID)
        }
    }
}`;
    const { acpi, codes } = parse(asl);
    expect(codes).to.deep.equal([]);
    const [tpm, pad] = acpi.devices ?? [];
    expect(tpm).to.deep.include({
      hid: null,
      hidCandidates: ["IFX0102", "ATM1200", "INTC0102"],
      cids: ["PNP0C31", "TCG0001"],
    });
    expect(pad).to.deep.include({
      hid: null,
      hidCandidates: ["PNP0C13", "LEN0015"],
      cids: ["SYN0002", "PNP0F13"],
    });
    expect(pad?.idSources.filter((s) => s.object === "_CID").map((s) => s.at.line)).to.deep.equal([
      lineOf(dump(asl), 'EisaId ("SYN0002")'),
      lineOf(dump(asl), '"PNP0F13"'),
    ]);
  });

  it("tells declared, conditional and missing sleep states apart, and only at the root", () => {
    const { acpi } = parse(`DefinitionBlock ("", "DSDT", 1, "HCLKIT", "TEST", 0x1)
{
    Name (_S0_, Package (0x04) { Zero, Zero, Zero, Zero })
    If (SS3)
    {
        Name (_S3, Package (0x04)  // _S3_: S3 System State
        {
            0x05, Zero, Zero, Zero
        })
    }
    Scope (\\_SB)
    {
        Name (_S4, Package (0x04) { 0x06, Zero, Zero, Zero })
    }
    Scope (\\_SB.PCI0)
    {
        Name (\\_S5, Package (0x04) { 0x07, Zero, Zero, Zero })
    }
}`);
    const states = acpi.sleepStates;
    expect(states?.s0).to.deep.include({ supported: true, conditional: false });
    expect(states?.s3).to.deep.equal({
      supported: true,
      conditional: true,
      at: { file: "logs/acpidump_decoded", line: 19 },
    });
    expect(states?.s4.supported).to.equal(false); // \_SB._S4 is not a sleep state
    expect(states?.s5.supported).to.equal(true);
    expect(states?.s4.at).to.deep.equal(acpi.namespace?.at);
    expect(states?.lowPowerS0Idle.supported).to.equal(null); // no FACP in this dump
  });

  it("reports a DSDT cut short, and then knows nothing of the states it did not reach", () => {
    const result = parseAcpiDecoded(
      dump(`DefinitionBlock ("", "DSDT", 1, "HCLKIT", "TEST", 0x1)
{
    Name (_S0_, Package (0x04) { Zero, Zero, Zero, Zero })
    Device (LID)
    {
        Name (_HID, EisaId ("PNP0C0D"))`),
      "logs/acpidump_decoded",
    );
    expect(result.diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ["HCL_E_EVIDENCE_TRUNCATED", 14],
    ]);
    const acpi = result.value as Acpi;
    expect(acpi.namespace?.complete).to.equal(false);
    expect(acpi.devices?.[0]).to.deep.include({ path: "\\LID", hid: "PNP0C0D" });
    expect(acpi.sleepStates?.s0.supported).to.equal(true);
    expect(acpi.sleepStates?.s3).to.deep.equal({ supported: null, conditional: false, at: null });
    // The list is whole: its tables are known even though the dump stops early.
    expect(acpi.tableList?.complete).to.equal(true);
  });

  it("reports code after the DefinitionBlock's closing brace", () => {
    const result = parseAcpiDecoded(
      dump(`DefinitionBlock ("", "DSDT", 1, "HCLKIT", "TEST", 0x1)
{
    Device (LID)
    {
        Name (_HID, EisaId ("PNP0C0D"))
    }
}
}`),
      "logs/acpidump_decoded",
    );
    expect((result.value as Acpi).devices?.[0]?.hid).to.equal("PNP0C0D");
    expect(result.diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", 21],
    ]);
  });
});
