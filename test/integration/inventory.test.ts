import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { extract } from "tar";
import { expect } from "chai";
import type { Inventory } from "../../core/inventory/schema.js";
import { InventorySchema } from "../../core/inventory/schema.js";
import { runHclkit } from "../helpers/cli.js";
import { BUILT_CLI, REPO } from "../helpers/paths.js";
import { tarBytes } from "../helpers/tar-bytes.js";
import { useTmpDirs } from "../helpers/tmp.js";

const CORPUS = path.join(REPO, "test/fixtures/linuxhw");
const MACHINES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const validate = new Ajv({ allErrors: true, strict: false }).compile(InventorySchema);

function inventoryOf(stdout: string): Inventory {
  const value = JSON.parse(stdout) as Inventory;
  expect(validate(value), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
  return value;
}

describe("hclkit inventory (built CLI)", () => {
  const tmp = useTmpDirs();

  it("reads every corpus machine into an inventory that validates against the published schema", async () => {
    for (const machine of MACHINES) {
      const run = await runHclkit(["inventory", "--from", path.join(CORPUS, machine), "--json"]);
      expect(run.code, `${machine}: ${run.stderr}`).to.equal(0);
      const inv = inventoryOf(run.stdout);
      expect(inv.source.kind).to.equal("snapshot");
      expect(inv.pci, machine).to.not.equal(null);
      expect(inv.smbios?.identity?.system?.vendor, machine).to.be.a("string");
      // What the machine's dumps do not hold is unknown, never empty.
      expect(inv.tpm, machine).to.equal(null);
      expect(inv.memory, machine).to.equal(null);
    }
  });

  it("summarises a machine for a person, unknowns marked", async () => {
    const run = await runHclkit([
      "inventory",
      "--from",
      path.join(CORPUS, "lenovo-thinkpad-t410-2522w5d"),
    ]);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(/^System {5}LENOVO 2522W5D \(ThinkPad T410\)$/m);
    expect(run.stdout).to.match(/^Kernel {5}5\.13 \(logs\/hwinfo:\d+\)$/m);
    expect(run.stdout).to.contain("flags: vmx no, smx yes, svm no, aes yes");
    expect(run.stdout).to.match(/0700 {2}00:16\.3 {2}8086:3b67 {2}.*KT Controller {2}\[serial\]/);
    expect(run.stdout).to.contain("type 134 TPM INFO: vendor STM (logs/dmidecode:");
    expect(run.stdout).to.match(/^TPM {8}unknown \(not in this evidence\)$/m);
    expect(run.stdout).to.match(/^Problems {3}none$/m);
  });

  it("reads this live machine", async () => {
    const run = await runHclkit(["inventory", "--json"]);
    expect(run.code, run.stderr).to.equal(0);
    const inv = inventoryOf(run.stdout);
    expect(inv.source).to.include({ kind: "live", location: "/", sysroot: true });
    expect(inv.cpu?.flags).to.be.an("array").that.is.not.empty;
    expect(inv.kernel?.at.file).to.equal("/proc/sys/kernel/osrelease");
  });

  it("recognises a single dump file by its content", async () => {
    const run = await runHclkit([
      "inventory",
      "--from",
      path.join(CORPUS, "hp-elitebook-8440p/logs/dmidecode"),
      "--json",
    ]);
    expect(run.code).to.equal(0);
    const inv = inventoryOf(run.stdout);
    expect(inv.source.kind).to.equal("file");
    expect(inv.smbios?.identity?.system?.product).to.contain("8440p");
    expect(inv.pci).to.equal(null);
  });

  it("keeps reading past a binary, truncated or garbage log, and lists what it could not read", async () => {
    const dir = tmp();
    cpSync(path.join(CORPUS, "lenovo-thinkpad-t420-4180pbg"), dir, { recursive: true });
    writeFileSync(
      path.join(dir, "logs/lspci_all"),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]),
    );
    writeFileSync(
      path.join(dir, "logs/hwinfo"),
      "12: PCI 300.0: 0282 WLAN controller\n  [Created at pci.386]\n  Vendor: pci 0x80",
    );
    const run = await runHclkit(["inventory", "--from", dir, "--json"]);
    expect(run.code).to.equal(0);
    const inv = inventoryOf(run.stdout);
    expect(inv.smbios?.identity?.system?.version).to.equal("ThinkPad T420");
    expect(inv.acpi?.tables?.map((t) => t.signature)).to.include("DMAR");
    const codes = inv.diagnostics.map((d) => `${d.file}:${d.code}`);
    expect(codes).to.include("logs/lspci_all:HCL_E_EVIDENCE_BINARY");
    expect(codes.some((c) => c.startsWith("logs/hwinfo:"))).to.equal(true);
  });

  const refusals: [string, () => string, number, string][] = [
    ["a path that does not exist", () => "/nonexistent/snapshot", 2, "HCL_E_EVIDENCE_NOT_FOUND"],
    [
      "a file that is no dump",
      () => path.join(REPO, "package.json"),
      2,
      "HCL_E_EVIDENCE_UNRECOGNISED",
    ],
  ];
  for (const [what, from, code, hcl] of refusals) {
    it(`refuses ${what} with exit ${code} and ${hcl}`, async () => {
      const run = await runHclkit(["inventory", "--from", from()]);
      expect(run.code).to.equal(code);
      expect(run.stderr).to.contain(`Code: ${hcl}`);
      expect(run.stderr).to.not.match(/^\s+at /m);
    });
  }

  it("refuses an archive with a member escaping the snapshot, exit 2, naming the member", async () => {
    const file = path.join(tmp(), "evil.tar.gz");
    writeFileSync(
      file,
      tarBytes([
        { name: "logs/dmidecode", data: "# dmidecode 3.4\n" },
        { name: "sysfs/sys/x", type: "2", link: "../../../../../etc/passwd" },
      ]),
    );
    const run = await runHclkit(["inventory", "--from", file]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(
      "member sysfs/sys/x links to ../../../../../etc/passwd, outside the snapshot",
    );
    expect(run.stderr).to.contain("Code: HCL_E_SNAPSHOT_UNSAFE");
  });

  it("says a folder without a snapshot is one, exit 2, and points at the snapshots inside", async () => {
    const run = await runHclkit(["inventory", "--from", CORPUS]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain("the folder holds no snapshot");
    expect(run.stderr).to.contain(
      `Try this: It holds snapshots: give one of them, e.g. --from ${path.join(CORPUS, MACHINES[0] as string)}.`,
    );
  });

  it("refuses a pipe instead of hanging on it, exit 2", async () => {
    const fifo = path.join(tmp(), "fifo");
    execFileSync("mkfifo", [fifo]);
    const run = await runHclkit(["inventory", "--from", fifo], { timeoutMs: 10_000 });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain("is neither a folder nor a regular file");
  });

  it("does not follow a snapshot's links out of the snapshot to the host's own files", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "sysfs"));
    mkdirSync(path.join(dir, "logs"));
    symlinkSync("/proc", path.join(dir, "sysfs/proc"));
    symlinkSync("/sys", path.join(dir, "sysfs/sys"));
    symlinkSync("/proc/cpuinfo", path.join(dir, "logs/cpuinfo"));
    const inv = inventoryOf(
      (await runHclkit(["inventory", "--raw", "--from", dir, "--json"])).stdout,
    );
    expect(inv.cpu).to.equal(null);
    expect(inv.pci).to.equal(null);
    expect(
      inv.diagnostics.some(
        (d) => d.code === "HCL_E_EVIDENCE_UNREADABLE" && d.message.includes("links out of"),
      ),
    ).to.equal(true);
  });

  it("ends quietly when its reader closes the pipe early", () => {
    // More JSON than a pipe holds (64 kB), so the write meets the closed pipe.
    const cli = `"${process.execPath}" "${BUILT_CLI}"`;
    const from = path.join(CORPUS, "lenovo-thinkpad-t410-2522w5d");
    const run = spawnSync(
      "sh",
      ["-c", `${cli} inventory --raw --from "${from}" --json | head -c 10 >/dev/null`],
      { encoding: "utf8" },
    );
    expect(run.stderr).to.equal("");
  });

  it("refuses --from with --root", async () => {
    const run = await runHclkit(["inventory", "--from", CORPUS, "--root", "/"]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain("--from and --root cannot be used together");
  });
});

describe("hclkit capture (built CLI)", () => {
  const tmp = useTmpDirs();

  /** The inventory without what necessarily differs between a live run and its replay. */
  function comparable(inv: Inventory): Omit<Inventory, "source" | "diagnostics"> {
    const { source: _source, diagnostics: _diagnostics, ...rest } = inv;
    return rest;
  }

  it("writes a snapshot whose replay gives the live inventory (sysfs only)", async () => {
    const dir = tmp();
    const out = path.join(dir, "machine.tar.gz");
    const capture = await runHclkit(["capture", "-o", out, "--no-tools"], { cwd: dir });
    expect(capture.code, capture.stderr).to.equal(0);
    expect(capture.stdout).to.equal(`${out}\n`);
    expect(readdirSync(dir)).to.deep.equal(["machine.tar.gz"]);
    const live = inventoryOf((await runHclkit(["inventory", "--json"])).stdout);
    const replay = inventoryOf((await runHclkit(["inventory", "--from", out, "--json"])).stdout);
    expect(replay.source).to.include({ kind: "snapshot", sysroot: true });
    expect(replay.source.capturedBy).to.match(/^hclkit /);
    expect(comparable(replay)).to.deep.equal(comparable(live));
  });

  it("with tool logs, replays every section the live run could read to the same value", async () => {
    const dir = tmp();
    const out = path.join(dir, "with-tools.tar.gz");
    const capture = await runHclkit(["capture", "-o", out], { cwd: dir, timeoutMs: 120_000 });
    expect(capture.code, capture.stderr).to.equal(0);
    const live = comparable(
      inventoryOf((await runHclkit(["inventory", "--json"])).stdout),
    ) as Record<string, unknown>;
    const replay = comparable(
      inventoryOf((await runHclkit(["inventory", "--from", out, "--json"])).stdout),
    ) as Record<string, unknown>;
    for (const [section, value] of Object.entries(live)) {
      if (value !== null) expect(replay[section], section).to.deep.equal(value);
    }
  });

  it("leaves nothing behind when it cannot write, exit 3", async () => {
    const dir = tmp();
    const run = await runHclkit(
      ["capture", "-o", path.join(dir, "missing-folder/x.tar.gz"), "--no-tools"],
      { cwd: dir },
    );
    expect(run.code).to.equal(3);
    expect(run.stderr).to.contain("Code: HCL_E_CAPTURE_WRITE");
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it("replays a capture extracted to a folder the same as the archive", async () => {
    const dir = tmp();
    const out = path.join(dir, "m.tar.gz");
    expect((await runHclkit(["capture", "-o", out, "--no-tools"], { cwd: dir })).code).to.equal(0);
    const folder = path.join(dir, "m");
    mkdirSync(folder);
    await extract({ file: out, cwd: folder });
    const fromArchive = inventoryOf(
      (await runHclkit(["inventory", "--from", out, "--json"])).stdout,
    );
    const fromFolder = inventoryOf(
      (await runHclkit(["inventory", "--from", folder, "--json"])).stdout,
    );
    expect(comparable(fromFolder)).to.deep.equal(comparable(fromArchive));
  });
});
