import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import fc from "fast-check";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectCpu } from "../../../../../core/inventory/cpu/collect-cpu.js";
import { parseCpuinfo } from "../../../../../core/inventory/cpu/parse-cpuinfo.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";

/** /proc/cpuinfo of the 2-vCPU AMD EPYC virtual machine this layer was written on. */
const AMD_VM = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/cpuinfo-amd-epyc-vm"),
  "utf8",
);
/** hw-probe's `logs/cpuinfo`: the file up to the first blank line ("for one core", hw-probe.pl). */
const HW_PROBE_FORM = `${AMD_VM.split("\n\n")[0]}\n`;

describe("parseCpuinfo", () => {
  it("reads the first processor's identity and flags: an AMD processor has no vmx (AMD-V is not VT-x)", () => {
    const { value, diagnostics } = parseCpuinfo(AMD_VM, "/proc/cpuinfo");
    expect(diagnostics).to.deep.equal([]);
    expect(value).to.include({
      vendor: "AuthenticAMD",
      model: "AMD EPYC",
      family: 25,
      modelNumber: 17,
      stepping: 1,
      threads: 2,
      cores: 2,
    });
    expect(value?.flags).to.include.members(["aes", "pclmulqdq", "hypervisor"]);
    expect(value?.flags).to.not.include("vmx");
    expect(value?.at).to.deep.equal({ file: "/proc/cpuinfo", line: 1, endLine: 55 });
  });

  it("leaves threads and cores unknown for hw-probe's one-processor listing, and reads the rest", () => {
    const { value } = parseCpuinfo(HW_PROBE_FORM, "logs/cpuinfo");
    expect(value).to.include({ vendor: "AuthenticAMD", threads: null, cores: null });
    expect(value?.flags).to.include("aes");
    expect(value?.at).to.deep.equal({ file: "logs/cpuinfo", line: 1, endLine: 27 });
  });

  it("sums cores over physical packages", () => {
    const second = AMD_VM.replaceAll("physical id\t: 0", "physical id\t: 1");
    const { value } = parseCpuinfo(`${AMD_VM}\n${second}`, "/proc/cpuinfo");
    expect(value).to.include({ threads: 4, cores: 4 });
  });

  it("counts threads but not cores without topology lines (a kernel without CONFIG_SMP)", () => {
    const up = AMD_VM.split("\n")
      .filter((l) => !/^(physical id|siblings|cpu cores|core id)\s*:/.test(l))
      .join("\n");
    expect(parseCpuinfo(up, "cpuinfo").value).to.include({ threads: 2, cores: null });
  });

  it("reports lines without a colon and a text without a processor", () => {
    const { value, diagnostics } = parseCpuinfo(
      "processor\t: 0\nvendor_id\t: GenuineIntel\nnonsense\n",
      "c",
    );
    expect(value?.vendor).to.equal("GenuineIntel");
    expect(diagnostics).to.deep.include({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "c",
      line: 3,
      message: 'line 3 of c is not a "key : value" line; skipped',
      expected: "key : value",
    });
    const empty = parseCpuinfo("", "c");
    expect(empty.value).to.equal(null);
    expect(empty.diagnostics[0]?.code).to.equal("HCL_E_EVIDENCE_MALFORMED");
  });

  it("never throws on any text or mutation of a real /proc/cpuinfo", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(AMD_VM)), (text) => {
        const { value, diagnostics } = parseCpuinfo(text, "/proc/cpuinfo");
        if (value !== null) {
          expect(value.threads ?? 1).to.be.at.least(1);
          expect(value.cores ?? 1).to.be.at.least(1);
        }
        expectWellFormed(diagnostics, "/proc/cpuinfo");
      }),
      RUNS,
    );
  });
});

describe("collectCpu", () => {
  it("prefers the sysroot's /proc/cpuinfo, else reads logs/cpuinfo, else knows nothing", () => {
    const both = testSource(new MemoryFs({ "/proc/cpuinfo": AMD_VM }), { cpuinfo: HW_PROBE_FORM });
    expect(collectCpu(both).value?.at.file).to.equal("/proc/cpuinfo");
    const logOnly = testSource(new MemoryFs({}), { cpuinfo: HW_PROBE_FORM });
    expect(collectCpu(logOnly).value?.at.file).to.equal("logs/cpuinfo");
    expect(collectCpu(testSource(null)).value).to.equal(null);
  });

  it("counts this machine's online processors as the OS does", function () {
    if (os.platform() !== "linux") this.skip();
    const { value } = collectCpu(testSource(new DirectoryFs("/")));
    expect(value?.threads).to.equal(os.cpus().length);
  });
});
