import { existsSync, readFileSync } from "node:fs";
import { expect } from "chai";
import { DirectoryFs, type EvidenceFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectSmbios } from "../../../../../core/inventory/smbios/collect-smbios.js";
import { parseDmidecode } from "../../../../../core/inventory/smbios/parse-dmidecode.js";
import { SmbiosSchema } from "../../../../../core/inventory/smbios/schema.js";
import type { Smbios } from "../../../../../core/inventory/smbios/schema.js";
import { corpusText } from "../../../../helpers/corpus.js";
import { expectValid } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { encode, entryPoint32, layout, type RawStructure } from "./table-builder.js";

/** An EvidenceFs that remembers every path asked for. */
function recording(fs: EvidenceFs): EvidenceFs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    readBytes: (p) => (asked.push(p), fs.readBytes(p)),
    readText: (p) => (asked.push(p), fs.readText(p)),
    list: (p) => (asked.push(p), fs.list(p)),
    readLink: (p) => (asked.push(p), fs.readLink(p)),
    exists: (p) => (asked.push(p), fs.exists(p)),
  };
}

const T410 = corpusText("lenovo-thinkpad-t410-2522w5d", "dmidecode");
const DMI_ID = {
  "/sys/class/dmi/id/sys_vendor": "LENOVO\n",
  "/sys/class/dmi/id/product_name": "2522W5D\n",
  "/sys/class/dmi/id/product_version": "ThinkPad T410\n",
  "/sys/class/dmi/id/product_family": "ThinkPad T410\n",
  "/sys/class/dmi/id/bios_vendor": "LENOVO\n",
  "/sys/class/dmi/id/bios_version": "6IET68WW (1.28 )\n",
  "/sys/class/dmi/id/bios_date": "07/12/2010\n",
  "/sys/class/dmi/id/board_vendor": "LENOVO\n",
  "/sys/class/dmi/id/board_name": "2522W5D\n",
  "/sys/class/dmi/id/chassis_type": "10\n",
  "/sys/class/dmi/id/product_serial": "R9XK2L3\n",
  "/sys/class/dmi/id/product_uuid": "44454c4c-5800-104b-8032-b7c04f4c334a\n",
};

/** The T410's table in binary, as the kernel exports it. */
function t410Table(): { table: Uint8Array; entryPoint: Uint8Array } {
  const text = parseDmidecode(T410, "logs/dmidecode").value as Smbios;
  const raws = (text.structures ?? [])
    .map((s) => encode(s))
    .filter((r): r is RawStructure => r !== null);
  const table = layout(raws);
  return { table, entryPoint: entryPoint32(table, raws.length, [2, 6]) };
}

describe("collectSmbios", () => {
  it("reads the kernel's binary table first, with the version from its entry point", () => {
    const { table, entryPoint } = t410Table();
    const fs = new MemoryFs({
      "/sys/firmware/dmi/tables/DMI": table,
      "/sys/firmware/dmi/tables/smbios_entry_point": entryPoint,
      ...DMI_ID,
    });
    const { value, diagnostics } = collectSmbios(testSource(fs, { dmidecode: "garbage" }));
    expect(diagnostics).to.deep.equal([]);
    expectValid(SmbiosSchema, value);
    expect(value?.at).to.deep.equal({ file: "/sys/firmware/dmi/tables/DMI" });
    expect(value?.version).to.equal("2.6");
    expect(value?.intelVpro?.[0]?.txtEnabled).to.equal(true);
    expect(value?.lenovoTpmInfo?.[0]?.vendor).to.equal("STM");
  });

  it("falls back to logs/dmidecode when the sysroot has no table, citing the log", () => {
    const { value } = collectSmbios(testSource(new MemoryFs(DMI_ID), { dmidecode: T410 }));
    expect(value?.at).to.deep.equal({ file: "logs/dmidecode" });
    expect(
      value?.portConnectors?.find((p) => p.externalDesignator === "eSATA 1")?.at.line,
    ).to.equal(315);
  });

  it("falls back to the log when the binary table holds nothing, keeping what went wrong", () => {
    const fs = new MemoryFs({ "/sys/firmware/dmi/tables/DMI": Uint8Array.from([9, 2, 0, 0]) });
    const { value, diagnostics } = collectSmbios(testSource(fs, { dmidecode: T410 }));
    expect(value?.at.file).to.equal("logs/dmidecode");
    expect(diagnostics.map((d) => d.file)).to.deep.equal(["/sys/firmware/dmi/tables/DMI"]);
  });

  it("reads the identity from /sys/class/dmi/id without root, never touching serial files", () => {
    const fs = recording(new MemoryFs(DMI_ID));
    const { value, diagnostics } = collectSmbios(testSource(fs));
    expect(diagnostics).to.deep.equal([]);
    expectValid(SmbiosSchema, value);
    expect(value?.structures).to.equal(null);
    expect(value?.intelVpro).to.equal(null);
    expect(value?.complete).to.equal(false);
    expect(value?.identity?.system).to.deep.equal({
      vendor: "LENOVO",
      product: "2522W5D",
      version: "ThinkPad T410",
      sku: null,
      family: "ThinkPad T410",
      at: { file: "/sys/class/dmi/id" },
    });
    expect(value?.identity?.chassis).to.deep.equal({
      type: "Notebook",
      typeCode: 10,
      at: { file: "/sys/class/dmi/id" },
    });
    expect(fs.asked.some((p) => /serial|uuid|asset/.test(p))).to.equal(false);
    expect(JSON.stringify(value)).to.not.include("R9XK2L3");
  });

  it("reads the same identity from /sys/class/dmi/id as from the table", () => {
    const fromFiles = collectSmbios(testSource(new MemoryFs(DMI_ID))).value?.identity;
    const fromLog = collectSmbios(testSource(null, { dmidecode: T410 })).value?.identity;
    const strip = (x: unknown) =>
      JSON.stringify(x, (k, v: unknown) => (k === "at" ? undefined : v));
    expect(strip(fromFiles?.system)).to.equal(strip(fromLog?.system));
    expect(strip(fromFiles?.bios)).to.equal(strip(fromLog?.bios));
    expect(strip(fromFiles?.chassis)).to.equal(strip(fromLog?.chassis));
  });

  it("answers null when the evidence has no SMBIOS at all", () => {
    expect(collectSmbios(testSource(null))).to.deep.equal({ value: null, diagnostics: [] });
    expect(collectSmbios(testSource(new MemoryFs({}, ["/sys/class/dmi/id"])))).to.deep.equal({
      value: null,
      diagnostics: [],
    });
  });

  it("reads this machine's /sys/class/dmi/id as it is, or nothing when it has none", () => {
    const value = collectSmbios(testSource(new DirectoryFs("/"))).value;
    const vendor = "/sys/class/dmi/id/sys_vendor";
    if (existsSync("/sys/firmware/dmi/tables/DMI") || !existsSync(vendor)) {
      expect(value === null || value.identity !== null).to.equal(true);
      return;
    }
    expect(value?.identity?.system?.vendor).to.equal(readFileSync(vendor, "utf8").trim() || null);
  });
});
