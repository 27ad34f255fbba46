import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { parseDmidecode } from "../../../../../core/inventory/smbios/parse-dmidecode.js";
import { parseSmbiosTable } from "../../../../../core/inventory/smbios/parse-smbios-binary.js";
import { SmbiosSchema } from "../../../../../core/inventory/smbios/schema.js";
import type { Smbios } from "../../../../../core/inventory/smbios/schema.js";
import { corpusText, MACHINES } from "../../../../helpers/corpus.js";
import { expectValid, expectWellFormed } from "../../../../helpers/diagnostics.js";
import { mutatedBytes, RUNS } from "../../../../helpers/mutations.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { withoutSources } from "./corpus.js";
import { encode, entryPoint32, layout, type RawStructure } from "./table-builder.js";

const FILE = "/sys/firmware/dmi/tables/DMI";
const DMIDECODE = ["/usr/sbin/dmidecode", "/sbin/dmidecode", "/usr/bin/dmidecode"].find((p) =>
  existsSync(p),
);

/** The views both parsers produce. */
const VIEWS = [
  "identity",
  "processors",
  "memoryDevices",
  "portConnectors",
  "batteries",
  "tpmDevices",
  "intelAsf",
  "intelAmt",
  "intelVpro",
  "lenovoTpmInfo",
  "dellStrings",
] as const;

/** A machine's table rebuilt in binary from its real dmidecode dump, with its `_SM_` entry point. */
function binaryOf(machine: string) {
  const text = parseDmidecode(corpusText(machine, "dmidecode"), "logs/dmidecode").value as Smbios;
  const raws = (text.structures ?? [])
    .map((s, i) => encode(s, s.handle ?? 0xff00 + i))
    .filter((r): r is RawStructure => r !== null);
  const table = layout(raws);
  const [major, minor] = (text.version ?? "2.6").split(".").map(Number) as [number, number];
  return { text, table, entryPoint: entryPoint32(table, raws.length, [major, minor]) };
}

function parseBinary(table: Uint8Array, entryPoint: Uint8Array | null) {
  const { value, diagnostics } = parseSmbiosTable(table, FILE, entryPoint);
  expectWellFormed(diagnostics, FILE, 1);
  if (value !== null) expectValid(SmbiosSchema, value);
  return { value, diagnostics };
}

const w16 = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer, b.byteOffset).setUint16(at, v, true);
const w32 = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

function raw(type: number, length: number, handle: number, strings: string[] = []) {
  const formatted = new Uint8Array(length);
  formatted[0] = type;
  formatted[1] = length;
  w16(formatted, 2, handle);
  return { formatted, strings };
}

/** Structures whose decoding depends on wide or unusual values, to compare with dmidecode. */
function unusualStructures(): RawStructure[] {
  const tpm = raw(43, 0x1f, 0x50, ["INFINEON"]);
  tpm.formatted.set([0x49, 0x46, 0x58, 0x00], 4);
  tpm.formatted[8] = 2;
  tpm.formatted[9] = 0;
  w32(tpm.formatted, 0x0a, 0x00050003);
  tpm.formatted[0x12] = 1;
  const tpm12 = raw(43, 0x1b, 0x51, ["TPM 1.2"]);
  tpm12.formatted.set([0x53, 0x54, 0x4d, 0x20, 1, 2, 1, 2, 3, 40], 4);
  tpm12.formatted[0x12] = 1;
  const mib1536 = raw(17, 0x1c, 0x60, ["DIMM 0", "BANK 0", "Acme", "PN-1"]);
  w16(mib1536.formatted, 0x0c, 1536);
  mib1536.formatted.set([1, 2, 0x18], 0x10);
  w16(mib1536.formatted, 0x15, 1600);
  mib1536.formatted[0x17] = 3;
  mib1536.formatted[0x1a] = 4;
  const extended = raw(17, 0x5c, 0x61, ["DIMM 1"]);
  w16(extended.formatted, 0x0c, 0x7fff);
  w32(extended.formatted, 0x1c, 64 * 1024);
  extended.formatted.set([1, 0, 0x22], 0x10);
  w16(extended.formatted, 0x15, 0xffff);
  w32(extended.formatted, 0x54, 8400);
  const kB = raw(17, 0x15, 0x62, []);
  w16(kB.formatted, 0x0c, 0x8000 | 1536);
  kB.formatted[0x12] = 0x99;
  const cpu = raw(4, 0x30, 0x70, ["CPU 0", "Intel", "Xeon"]);
  cpu.formatted.set([1], 0x04);
  cpu.formatted.set([2], 0x07);
  cpu.formatted.set([3], 0x10);
  cpu.formatted.set([0xff, 0xff, 0xff], 0x23);
  w16(cpu.formatted, 0x26, 0x00fc);
  w16(cpu.formatted, 0x2a, 300);
  w16(cpu.formatted, 0x2c, 299);
  w16(cpu.formatted, 0x2e, 600);
  const battery = raw(22, 0x1a, 0x80, ["Front", "SMP", "Big battery", "1.0", "LiP"]);
  battery.formatted.set([1, 2, 0, 0, 3, 0x02], 4);
  w16(battery.formatted, 0x0a, 9990);
  w16(battery.formatted, 0x0c, 11100);
  battery.formatted[0x0e] = 4;
  w16(battery.formatted, 0x12, ((2021 - 1980) << 9) | (7 << 5) | 6);
  battery.formatted[0x14] = 5;
  battery.formatted[0x15] = 10;
  const old = raw(22, 0x10, 0x81, ["Rear", "Maker", "07/2009", "B1"]);
  old.formatted.set([1, 2, 3, 0, 4, 0x06], 4);
  w16(old.formatted, 0x0a, 4400);
  const chassis = raw(3, 0x09, 0x90, ["Maker"]);
  chassis.formatted.set([1, 0x80 | 0x0a], 4);
  const port = raw(8, 0x09, 0xa0, ["J1", "PC-98 port"]);
  port.formatted.set([1, 0xa0, 2, 0xff, 0xa1], 4);
  const bios = raw(0, 0x12, 0xb0, ["Vendor", "1.0", "01/01/2001"]);
  bios.formatted.set([1, 2], 4);
  bios.formatted[8] = 3;
  return [
    tpm,
    tpm12,
    mib1536,
    extended,
    kB,
    cpu,
    battery,
    old,
    chassis,
    port,
    bios,
    raw(127, 4, 0xfeff),
  ];
}

describe("parseSmbiosTable", () => {
  describe("on binary tables rebuilt from the 12 real dumps", () => {
    for (const machine of MACHINES) {
      it(`${machine}: decodes the same views as the dump's text`, () => {
        const { text, table, entryPoint } = binaryOf(machine);
        const { value, diagnostics } = parseBinary(table, entryPoint);
        expect(diagnostics).to.deep.equal([]);
        expect(value?.complete).to.equal(true);
        expect(value?.version).to.equal(text.version);
        for (const view of VIEWS)
          expect(withoutSources(value?.[view]), `${machine} ${view}`).to.deep.equal(
            withoutSources(text[view]),
          );
      });
    }

    it("keeps every OEM structure's bytes and strings, and decodes the vPro bits from them", () => {
      const { text, table, entryPoint } = binaryOf("lenovo-thinkpad-t410-2522w5d");
      const { value } = parseBinary(table, entryPoint);
      const oem = (s: Smbios | null) =>
        (s?.structures ?? []).filter((x) => x.data !== null && x.type >= 128);
      expect(oem(value).map((s) => [s.handle, s.data, s.strings])).to.deep.equal(
        oem(text).map((s) => [s.handle, s.data, s.strings ?? []]),
      );
      expect(value?.intelVpro?.[0]).to.include({ cpuCapabilities: 0x3f, txtEnabled: true });
      expect(value?.intelVpro?.[0]?.at).to.deep.equal({ file: FILE });
      expect(value?.structures?.every((s) => s.data !== null && s.lines === undefined)).to.equal(
        true,
      );
    });
  });

  describe("agrees with dmidecode reading the same table (dmidecode --from-dump)", () => {
    const tmp = useTmpDirs();

    /** dmidecode's text for a table, through a `--dump-bin` file written here. */
    function dmidecodeText(table: Uint8Array, entryPoint: Uint8Array): string {
      const file = path.join(tmp(), "dump.bin");
      writeFileSync(file, Buffer.concat([entryPoint, table]));
      return execFileSync(DMIDECODE as string, ["--from-dump", file], { encoding: "utf8" });
    }

    /** Every field the binary decoder wrote is what dmidecode prints; OEM bytes and strings too. */
    function expectSameAsDmidecode(binary: Smbios | null, printed: Smbios | null, what: string) {
      for (const b of binary?.structures ?? []) {
        const t = printed?.structures?.find((s) => s.handle === b.handle && s.type === b.type);
        expect(t, `${what} handle ${b.handle}`).to.not.equal(undefined);
        for (const [key, value] of Object.entries(b.fields))
          expect(t?.fields[key], `${what} type ${b.type} ${key}`).to.deep.equal(value);
        if (t?.data !== null && t?.data !== undefined)
          expect(t.data, `${what} type ${b.type}`).to.equal(b.data);
        if (t?.strings !== null && t?.strings !== undefined)
          expect(t.strings, `${what} type ${b.type}`).to.deep.equal(b.strings);
      }
      for (const view of VIEWS)
        expect(withoutSources(binary?.[view]), `${what} ${view}`).to.deep.equal(
          withoutSources(printed?.[view]),
        );
    }

    before(function () {
      if (DMIDECODE === undefined) this.skip();
    });

    for (const machine of MACHINES) {
      it(`${machine}`, () => {
        const { table, entryPoint } = binaryOf(machine);
        const binary = parseBinary(table, entryPoint).value;
        const printed = parseDmidecode(dmidecodeText(table, entryPoint), "dmidecode");
        expect(printed.diagnostics).to.deep.equal([]);
        expect(printed.value?.version).to.equal(binary?.version);
        expect(printed.value?.structures).to.have.length(binary?.structures?.length ?? -1);
        expectSameAsDmidecode(binary, printed.value, machine);
      });
    }

    it("on wide counts, extended sizes, TPM devices and codes at the ends of the tables", () => {
      const raws = unusualStructures();
      const table = layout(raws);
      const entryPoint = entryPoint32(table, raws.length, [3, 1]);
      const binary = parseBinary(table, entryPoint).value;
      const printed = parseDmidecode(dmidecodeText(table, entryPoint), "dmidecode").value;
      expectSameAsDmidecode(binary, printed, "unusual");
      expect(
        binary?.tpmDevices?.map((t) => [t.vendorId, t.specVersion, t.firmwareRevision]),
      ).to.deep.equal([
        ["IFX", "2.0", "5.3"],
        ["STM", "1.2", "3.40"],
      ]);
      expect(binary?.memoryDevices?.map((m) => [m.sizeMiB, m.speedMTs, m.type])).to.deep.equal([
        [1536, 1600, "DDR3"],
        [65536, 8400, "DDR5"],
        [1, null, null],
      ]);
      expect(binary?.processors?.[0]).to.include({ cores: 300, coresEnabled: 299, threads: 600 });
      expect(binary?.batteries?.map((b) => [b.chemistry, b.designCapacityMWh])).to.deep.equal([
        ["LiP", 99900],
        ["Lithium Ion", 4400],
      ]);
      expect(binary?.identity?.chassis).to.deep.equal({
        type: "Notebook",
        typeCode: 10,
        at: { file: FILE },
      });
    });
  });

  describe("entry points", () => {
    const system = raw(1, 0x1b, 1, ["Acme", "Box"]);
    system.formatted.set([1, 2], 4);

    it("takes the version from a 64-bit _SM3_ entry point and stops at End Of Table", () => {
      const table = Uint8Array.from([...layout([system, raw(127, 4, 2)]), 0x04, 0x10, 0x03]);
      const ep = new Uint8Array(0x18);
      ep.set(Buffer.from("_SM3_"), 0);
      ep.set([0x18, 3, 2, 0, 1], 6);
      w32(ep, 0x0c, table.length);
      ep[5] = (256 - (ep.reduce((a, b) => a + b, 0) % 256)) % 256;
      const { value, diagnostics } = parseBinary(table, ep);
      expect(diagnostics).to.deep.equal([]);
      expect(value?.version).to.equal("3.2.0");
      expect(value?.structures?.map((s) => s.type)).to.deep.equal([1, 127]);
      expect(value?.identity?.system).to.include({ vendor: "Acme", product: "Box" });
      expect(value?.complete).to.equal(true);
    });

    it("reads a legacy _DMI_ entry point, and reports a bad checksum or anchor", () => {
      const table = layout([system, raw(127, 4, 2)]);
      const legacy = new Uint8Array(0x0f);
      legacy.set(Buffer.from("_DMI_"), 0);
      w16(legacy, 6, table.length);
      w16(legacy, 0x0c, 2);
      legacy[0x0e] = 0x21;
      expect(parseBinary(table, legacy).value?.version).to.equal("2.1");
      expect(parseBinary(table, legacy).diagnostics[0]?.message).to.include("checksum");
      const junk = parseBinary(table, Uint8Array.from([1, 2, 3]));
      expect(junk.diagnostics[0]?.message).to.include("anchor");
      expect(junk.value?.version).to.equal(null);
      expect(junk.value?.structures).to.have.length(2);
    });
  });

  describe("privacy", () => {
    it("masks serial numbers, asset tags and the UUID in strings and bytes", () => {
      const system = raw(1, 0x1b, 1, ["LENOVO", "2522W5D", "R9XK2L3"]);
      system.formatted.set([1, 2, 0, 3], 4);
      system.formatted.fill(0xab, 8, 0x18);
      const battery = raw(22, 0x1a, 2, ["Rear", "LGC", "42T4911", "03.01", "LION", "SN998877"]);
      battery.formatted.set([1, 2, 0, 6, 3, 2], 4);
      w16(battery.formatted, 0x10, 0x4242);
      battery.formatted[0x14] = 5;
      const table = layout([system, battery, raw(127, 4, 3)]);
      const { value } = parseBinary(table, null);
      const [s1, s22] = value?.structures ?? [];
      expect(s1?.strings).to.deep.equal(["LENOVO", "2522W5D", "--"]);
      expect(s1?.data?.slice(16, 48)).to.equal("0".repeat(32));
      expect(s1?.fields).to.not.have.property("Serial Number");
      expect(s22?.strings?.[5]).to.equal("--");
      expect(s22?.data?.slice(32, 36)).to.equal("0000");
      const json = JSON.stringify(value);
      for (const secret of ["R9XK2L3", "SN998877", "abab", "4242"])
        expect(json).to.not.include(secret);
    });
  });

  describe("bounds", () => {
    const good = raw(1, 0x08, 1, ["Acme"]);
    good.formatted[4] = 1;

    it("stops at a structure shorter than its header and keeps what came before", () => {
      const table = Uint8Array.from([...layout([good]), 0x05, 0x02, 0x00, 0x00, 0, 0]);
      const { value, diagnostics } = parseBinary(table, null);
      expect(value?.structures).to.have.length(1);
      expect(value?.complete).to.equal(false);
      expect(diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_MALFORMED"]);
      expect(value?.identity?.system?.vendor).to.equal("Acme");
      expect(value?.batteries).to.equal(null);
    });

    it("reports a string set without its double NUL and a formatted area past the end", () => {
      const open = Uint8Array.from([...good.formatted, ...Buffer.from("Acme\0Bo")]);
      const cut = parseBinary(open, null);
      expect(cut.diagnostics.map((d) => d.code)).to.deep.equal(["HCL_E_EVIDENCE_TRUNCATED"]);
      expect(cut.value?.structures?.[0]).to.include({ strings: null });
      const past = parseBinary(Uint8Array.from([1, 0x1b, 1, 0, 1, 2]), null);
      expect(past.diagnostics.map((d) => d.message)).to.deep.equal([
        "structure 1 (type 1) at byte 0 runs past the end of the table",
      ]);
      expect(past.value).to.equal(null);
    });

    it("reports a table shorter than its entry point announces; what it lost is unknown", () => {
      const table = layout([good, raw(22, 0x10, 2), raw(127, 4, 3)]);
      const ep = entryPoint32(table, 3, [2, 6]);
      const { value, diagnostics } = parseBinary(table.slice(0, 20), ep);
      expect(diagnostics.map((d) => d.code)).to.include("HCL_E_EVIDENCE_TRUNCATED");
      expect(value?.complete).to.equal(false);
      expect(value?.batteries).to.equal(null);
    });

    it("answers null for no bytes and no entry point", () => {
      expect(parseSmbiosTable(new Uint8Array(0), FILE, null)).to.deep.equal({
        value: null,
        diagnostics: [],
      });
    });
  });

  describe("never throws and reports well-formed diagnostics", () => {
    const { table, entryPoint } = binaryOf("lenovo-thinkpad-t410-2522w5d");

    it("on random bytes with no, a real or a random entry point", () => {
      const ep = fc.oneof(
        fc.constant(null),
        fc.constant(entryPoint),
        fc.uint8Array({ maxLength: 40 }),
      );
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), ep, (bytes, point) => {
          parseBinary(bytes, point);
        }),
        RUNS,
      );
    });

    it("on a real table cut short, with bytes changed or inserted", () => {
      fc.assert(
        fc.property(mutatedBytes(table), (bytes) => {
          const { value } = parseBinary(bytes, entryPoint);
          expect(value?.structures?.length ?? 0).to.be.at.most(55);
        }),
        RUNS,
      );
    });
  });
});
