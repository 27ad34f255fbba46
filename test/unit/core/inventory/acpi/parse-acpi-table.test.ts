import { readFileSync, readdirSync } from "node:fs";
import { expect } from "chai";
import fc from "fast-check";
import { parseAcpiDecoded } from "../../../../../core/inventory/acpi/parse-acpi-decoded.js";
import { parseAcpiTable } from "../../../../../core/inventory/acpi/parse-acpi-table.js";
import { AcpiTableSchema, type AcpiTable } from "../../../../../core/inventory/acpi/schema.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { RUNS } from "../../../../helpers/mutations.js";
import { ACPI_MACHINES, rawTables } from "./corpus.js";
import { acpiTable, le } from "./table-bytes.js";

function parse(bytes: Uint8Array): { table: AcpiTable | null; codes: string[] } {
  const result = parseAcpiTable(bytes, "/sys/firmware/acpi/tables/X");
  expectWellFormed(result.diagnostics, "/sys/firmware/acpi/tables/X");
  if (result.value !== null) expectValid(AcpiTableSchema, result.value);
  return { table: result.value, codes: result.diagnostics.map((d) => d.code) };
}

/** The real tables of the corpus: each section's raw bytes with the table its text gives. */
function corpusTables(): { where: string; bytes: Uint8Array; text: AcpiTable }[] {
  const out: { where: string; bytes: Uint8Array; text: AcpiTable }[] = [];
  for (const machine of ACPI_MACHINES) {
    const text = corpusText(machine, "acpidump_decoded");
    const decoded = parseAcpiDecoded(text, "logs/acpidump_decoded").value?.tables ?? [];
    const lines = text.split("\n");
    for (const [section, bytes] of rawTables(text)) {
      const title = lines.findIndex(
        (line, i) => line === section && /^-+$/.test(lines[i + 1] ?? ""),
      );
      const table = decoded.find(
        (t) => t.at.line !== undefined && t.at.line > title && t.at.line <= title + 4,
      );
      if (table !== undefined) out.push({ where: `${machine} ${section}`, bytes, text: table });
    }
  }
  return out;
}

describe("parseAcpiTable", () => {
  it("agrees with iasl's decoding on every real table of the corpus", () => {
    const tables = corpusTables();
    expect(tables.length).to.be.greaterThan(90);
    const decodedFields = new Set<string>();
    for (const { where, bytes, text } of tables) {
      const { table, codes } = parse(bytes);
      expect(codes, where).to.deep.equal([]);
      const binary = table as AcpiTable;
      expect({ ...binary, at: null }, where).to.deep.equal({ ...text, at: null });
      if (Object.keys(binary.fields).length > 0) decodedFields.add(binary.signature);
    }
    expect([...decodedFields].sort()).to.deep.equal(["DMAR", "FACP", "TCPA"]);
  });

  it("reads a TPM2 table with and without its log area (TCG ACPI spec, revisions 3 and 4)", () => {
    const body = [...le(0, 2), ...le(0, 2), ...le(0xfed40040n, 8), ...le(7, 4)];
    const rev3 = parse(acpiTable("TPM2", body, { revision: 3 })).table;
    expect(rev3?.fields).to.deep.equal({
      controlAddress: "00000000fed40040",
      startMethod: "00000007",
    });
    const rev4 = parse(
      acpiTable(
        "TPM2",
        [...body, ...new Array<number>(12).fill(0), ...le(0x10000, 4), ...le(0x7ff0000n, 8)],
        {
          revision: 4,
        },
      ),
    ).table;
    expect(rev4?.fields).to.deep.equal({
      platformClass: "0000",
      controlAddress: "00000000fed40040",
      startMethod: "00000007",
      minimumLogLength: "00010000",
      logAddress: "0000000007ff0000",
    });
  });

  it("reads both TCPA layouts, client and server", () => {
    const server = parse(
      acpiTable("TCPA", [...le(1, 2), ...le(0, 2), ...le(0x20000n, 8), ...le(0xbf000000n, 8)]),
    );
    expect(server.table?.fields).to.deep.equal({
      platformClass: "0001",
      minimumLogLength: "0000000000020000",
      logAddress: "00000000bf000000",
    });
  });

  it("reads the FADT's PM profile and flags", () => {
    const body = new Array<number>(244 - 36).fill(0);
    body[45 - 36] = 2;
    body.splice(112 - 36, 4, ...le(0x0000c2ad, 4));
    const { table, codes } = parse(acpiTable("FACP", body, { revision: 4 }));
    expect(codes).to.deep.equal([]);
    expect(table).to.deep.include({
      signature: "FACP",
      revision: 4,
      length: 244,
      checksumValid: true,
    });
    expect(table?.fields).to.deep.equal({ pmProfile: "02", flags: "0000c2ad" });
  });

  it("answers with what it can read when a table is short or its length lies", () => {
    const dmar = acpiTable("DMAR", [
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
    ]);
    const cut = parse(dmar.subarray(0, 40));
    expect(cut.codes).to.include("HCL_E_EVIDENCE_TRUNCATED");
    expect(cut.table).to.deep.include({ signature: "DMAR", checksumValid: null });
    expect(cut.table?.fields).to.deep.equal({ hostAddressWidth: "23", flags: "01" });

    const lying = parse(acpiTable("DMAR", [0x23, 0x01], { length: 4096 }));
    expect(lying.codes).to.include("HCL_E_EVIDENCE_TRUNCATED");
    expect(lying.table?.length).to.equal(4096);

    const tooShort = parse(acpiTable("FACP", [], { length: 12 }));
    expect(tooShort.codes).to.include("HCL_E_EVIDENCE_MALFORMED");

    expect(parse(new Uint8Array([0x44, 0x4d])).table).to.equal(null);
    expect(parse(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7])).table).to.equal(null);
    expect(
      parse(acpiTable("APIC", [1, 2, 3], { badChecksum: true })).table?.checksumValid,
    ).to.equal(false);
  });

  it("stops on a DMAR structure whose length cannot be right, instead of looping", () => {
    const zero = parse(
      acpiTable("DMAR", [
        0x26,
        0,
        ...new Array<number>(10).fill(0),
        ...le(0, 2),
        ...le(0, 2),
        0,
        0,
        0,
        0,
      ]),
    );
    expect(zero.codes).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
    expect(zero.table?.fields).to.deep.equal({ hostAddressWidth: "26", flags: "00" });
    const scope = parse(
      acpiTable("DMAR", [
        0x26,
        0,
        ...new Array<number>(10).fill(0),
        ...le(0, 2),
        ...le(24, 2),
        0,
        0,
        0,
        0,
        ...le(0xfed90000n, 8),
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
      ]),
    );
    expect(scope.codes).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
    expect(scope.table?.fields["drhd[0].address"]).to.equal("00000000fed90000");
  });

  it("reads this machine's tables, when it exposes them, with valid checksums", function () {
    const dir = "/sys/firmware/acpi/tables";
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);
      readFileSync(`${dir}/${names[0] ?? "FACP"}`);
    } catch {
      this.skip();
    }
    for (const name of names) {
      const { table, codes } = parse(readFileSync(`${dir}/${name}`));
      expect(codes, name).to.deep.equal([]);
      expect(name.startsWith(table?.signature ?? "?"), name).to.equal(true);
      if (table?.signature !== "FACS") expect(table?.checksumValid, name).to.equal(true);
      if (table?.signature === "FACP") expect(table.fields["flags"]).to.match(/^[0-9a-f]{8}$/);
    }
  });

  it("never throws on random bytes or damaged real tables", () => {
    const real = corpusTables().map((t) => t.bytes);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .tuple(
              fc.constantFrom(...real),
              fc.nat(),
              fc.nat({ max: 0xffffffff }),
              fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 8 }),
            )
            .map(([bytes, cut, length, flips]) => {
              const copy = Uint8Array.from(bytes.subarray(0, 1 + (cut % bytes.length)));
              if (copy.length >= 8 && length % 3 === 0)
                new DataView(copy.buffer).setUint32(4, length, true);
              for (const [at, value] of flips) copy[at % copy.length] = value;
              return copy;
            }),
        ),
        (bytes) => {
          parse(bytes);
        },
      ),
      RUNS,
    );
  });
});
