import { existsSync, readdirSync } from "node:fs";
import { expect } from "chai";
import { DirectoryFs, type EvidenceFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { LiveSource } from "../../../../../core/evidence/snapshot-source.js";
import { collectAcpi } from "../../../../../core/inventory/acpi/collect-acpi.js";
import { parseAcpiDecoded } from "../../../../../core/inventory/acpi/parse-acpi-decoded.js";
import { AcpiSchema, type Acpi } from "../../../../../core/inventory/acpi/schema.js";
import type { Diagnostic } from "../../../../../core/inventory/common.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { expectValid } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { acpiTable, le } from "./table-bytes.js";

const TABLES = "/sys/firmware/acpi/tables";
const DEVICES = "/sys/bus/acpi/devices";

/** A FADT of 244 bytes (revision 4) with the given flags. */
function facp(flags: number): Uint8Array {
  const body = new Array<number>(244 - 36).fill(0);
  body[45 - 36] = 2;
  body.splice(112 - 36, 4, ...le(flags, 4));
  return acpiTable("FACP", body, { revision: 4 });
}

/** The sysroot of a ThinkPad-like laptop as the kernel shows it (drivers/acpi/sysfs.c, device_sysfs.c). */
function laptop(): MemoryFs {
  return new MemoryFs(
    {
      [`${TABLES}/DMAR`]: acpiTable("DMAR", [
        0x23,
        0x01,
        ...new Array<number>(10).fill(0),
        ...le(0, 2),
        ...le(16, 2),
        1,
        0,
        0,
        0,
        ...le(0xfed90000n, 8),
      ]),
      [`${TABLES}/TCPA`]: acpiTable(
        "TCPA",
        [...le(0, 2), ...le(0x10000, 4), ...le(0xbf38c000n, 8)],
        { revision: 2 },
      ),
      [`${TABLES}/FACP`]: facp(0x0000c2ad),
      [`${TABLES}/dynamic/SSDT8`]: acpiTable("SSDT", [0x10, 0x20]),
      [`${TABLES}/data/BERT`]: new Uint8Array([1, 2, 3]),
      [`${DEVICES}/SMO1200:00/hid`]: "SMO1200\n",
      [`${DEVICES}/SMO1200:00/modalias`]: "acpi:SMO1200:PNP0C31:\n",
      [`${DEVICES}/SMO1200:00/path`]: "\\_SB_.PCI0.LPC_.TPM_\n",
      [`${DEVICES}/SMO1200:00/status`]: "15\n",
      [`${DEVICES}/LNXPWRBN:00/hid`]: "LNXPWRBN\n",
      [`${DEVICES}/PNP0C0D:00/hid`]: "PNP0C0D\n",
      [`${DEVICES}/PNP0C0D:00/path`]: "\\_SB_.LID_\n",
    },
    [`${TABLES}/data`],
  );
}

/** An EvidenceFs whose ACPI tables are listed but cannot be read, as for a user who is not root. */
function notRoot(inner: EvidenceFs): EvidenceFs {
  return {
    readBytes: (file) => (file.startsWith(`${TABLES}/`) ? null : inner.readBytes(file)),
    readText: (file) => (file.startsWith(`${TABLES}/`) ? null : inner.readText(file)),
    list: (dir) => inner.list(dir),
    readLink: (file) => inner.readLink(file),
    exists: (file) => inner.exists(file),
  };
}

function collect(
  logs: Record<string, string>,
  sys: EvidenceFs | null,
): { acpi: Acpi | null; diagnostics: readonly Diagnostic[] } {
  const result = collectAcpi(testSource(sys, logs));
  if (result.value !== null) expectValid(AcpiSchema, result.value);
  return { acpi: result.value, diagnostics: result.diagnostics };
}

describe("collectAcpi", () => {
  it("reads the live tables and devices: run-time TPM id, fixed power button, S3 left to the power section", () => {
    const { acpi, diagnostics } = collect({}, laptop());
    expect(diagnostics).to.deep.equal([]);
    expect(acpi?.tables?.map((t) => [t.signature, t.at.file])).to.deep.equal([
      ["DMAR", `${TABLES}/DMAR`],
      ["FACP", `${TABLES}/FACP`],
      ["TCPA", `${TABLES}/TCPA`],
      ["SSDT", `${TABLES}/dynamic/SSDT8`],
    ]);
    expect(acpi?.tables?.[0]?.fields).to.include({
      flags: "01",
      "drhd[0].address": "00000000fed90000",
    });
    expect(acpi?.tableList).to.deep.equal({ complete: true, at: { file: TABLES } });
    const tpm = acpi?.devices?.find((d) => d.cids.includes("PNP0C31"));
    expect(tpm).to.deep.include({
      path: "\\_SB.PCI0.LPC.TPM",
      hid: "SMO1200",
      hidCandidates: ["SMO1200"],
      status: 15,
    });
    expect(acpi?.namespace).to.deep.equal({ complete: true, at: { file: DEVICES } });
    expect(acpi?.fixedFeatureButtons).to.deep.equal({
      power: true,
      sleep: false,
      at: { file: `${TABLES}/FACP` },
    });
    expect(acpi?.sleepStates?.s3).to.deep.equal({ supported: null, conditional: false, at: null });
    expect(acpi?.sleepStates?.lowPowerS0Idle).to.deep.equal({
      supported: false,
      conditional: false,
      at: { file: `${TABLES}/FACP` },
    });
  });

  it("has no fixed-feature buttons on a hardware-reduced platform (ACPI §4.1)", () => {
    const fs = new MemoryFs({ [`${TABLES}/FACP`]: facp((1 << 20) | (1 << 21)) });
    const { acpi } = collect({}, fs);
    expect(acpi?.fixedFeatureButtons).to.deep.include({ power: false, sleep: false });
    expect(acpi?.sleepStates?.lowPowerS0Idle.supported).to.equal(true);
    expect(acpi?.devices).to.equal(null);
  });

  it("still lists the tables a non-root user cannot read, and takes the FADT from a log then", () => {
    const { acpi } = collect({}, notRoot(laptop()));
    expect(acpi?.tables?.map((t) => t.signature)).to.deep.equal(["DMAR", "FACP", "TCPA", "SSDT"]);
    expect(acpi?.tables?.[0]).to.deep.include({ revision: null, length: null, fields: {} });
    expect(acpi?.fixedFeatureButtons).to.equal(null);
    expect(acpi?.sleepStates).to.equal(null);

    const withLog = collect(
      { acpidump_decoded: corpusText("lenovo-thinkpad-t410-2522w5d", "acpidump_decoded") },
      notRoot(laptop()),
    ).acpi;
    expect(withLog?.tables?.[0]?.at.file).to.equal(`${TABLES}/DMAR`); // the live list still wins
    expect(withLog?.fixedFeatureButtons).to.deep.equal({
      power: true,
      sleep: false,
      at: { file: "logs/acpidump_decoded", line: 15781 },
    });
    expect(withLog?.sleepStates?.s3.at).to.deep.equal({
      file: "logs/acpidump_decoded",
      line: 14132,
    });
    expect(withLog?.devices?.[0]?.at.file).to.match(/^\/sys\/bus\/acpi\/devices\//);
  });

  it("falls back to the decoded dump of a snapshot, part by part", () => {
    const text = corpusText("hp-elitebook-8440p", "acpidump_decoded");
    const { acpi, diagnostics } = collect({ acpidump_decoded: text }, null);
    expect(diagnostics).to.deep.equal([]);
    expect(acpi).to.deep.equal(parseAcpiDecoded(text, "logs/acpidump_decoded").value);

    const devicesOnly = new MemoryFs({ [`${DEVICES}/PNP0C0D:00/hid`]: "PNP0C0D\n" });
    const mixed = collect({ acpidump_decoded: text }, devicesOnly).acpi;
    expect(mixed?.devices?.map((d) => d.hid)).to.deep.equal(["PNP0C0D"]);
    expect(mixed?.tables?.some((t) => t.signature === "DMAR")).to.equal(true);
    expect(mixed?.tableList?.at.file).to.equal("logs/acpidump_decoded");
  });

  it("answers null when the evidence has no ACPI at all", () => {
    expect(collect({}, null).acpi).to.equal(null);
    expect(collect({}, new MemoryFs({ "/proc/cpuinfo": "x" })).acpi).to.equal(null);
  });

  it("reads this machine's ACPI, when it has one, consistently with its sysfs", function () {
    if (!existsSync(TABLES) || !existsSync(DEVICES)) this.skip();
    const diagnostics: Diagnostic[] = [];
    const result = collectAcpi(new LiveSource("/", new DirectoryFs("/", diagnostics)));
    const acpi = result.value as Acpi;
    expectValid(AcpiSchema, acpi);
    const files = readdirSync(TABLES, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(
      acpi.tables
        ?.filter((t) => !t.at.file.includes("/dynamic/"))
        .map((t) => t.at.file.slice(TABLES.length + 1))
        .sort(),
    ).to.deep.equal(files.sort());
    for (const t of acpi.tables ?? [])
      expect(t.signature).to.have.length(t.signature === "RSD PTR " ? 8 : 4);
    expect(acpi.devices).to.have.length(readdirSync(DEVICES).length);
    // The namespace root is always there (drivers/acpi/scan.c: ACPI_BUS_HID "LNXSYSTM").
    expect(acpi.devices?.find((d) => d.hid === "LNXSYSTM")?.path).to.equal("\\");
    if (files.includes("FACP") && acpi.tables?.find((t) => t.signature === "FACP")?.length !== null)
      expect(acpi.fixedFeatureButtons).to.not.equal(null);
  });
});
