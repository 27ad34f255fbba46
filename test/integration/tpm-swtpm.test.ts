import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import net from "node:net";
import { promisify } from "node:util";
import { expect } from "chai";
import { parse as parseYaml } from "yaml";
import { emptyInventory } from "../../core/inventory/inventory.js";
import type { ActiveTestResult } from "../../core/plugin/api.js";
import type { CoreTest, Json } from "../../core/run/tests/core-test.js";
import { tpmCapabilities } from "../../core/run/tests/tpm-capabilities.js";
import { tpmPcrRead } from "../../core/run/tests/tpm-pcr-read.js";
import { tpmRandom } from "../../core/run/tests/tpm-random.js";
import { tpmSelftest } from "../../core/run/tests/tpm-selftest.js";
import { quoteReport, verifyQuote, type PcrValues } from "../../core/tpm/attest.js";
import { prepareTpm } from "../../core/tpm/family.js";
import { openTpmTransport } from "../../core/tpm/open-tpm.js";
import { parseTpmSpec, type SwtpmTpmSpec } from "../../core/tpm/spec.js";
import { SwtpmTransport } from "../../core/tpm/swtpm-transport.js";
import type { TpmTransport } from "../../core/tpm/transport.js";
import {
  TPM12_CAP,
  tpm12GetProperty,
  tpm12GetRandom,
  tpm12GetVersion,
  tpm12PcrRead,
  tpm12SelfTestFull,
  tpm12Startup,
} from "../../core/tpm/tpm12/commands.js";
import {
  activeBanks,
  tpm2GetPcrBanks,
  tpm2ReadIdentity,
} from "../../core/tpm/tpm2/capabilities.js";
import {
  tpm2GetRandom,
  tpm2GetTestResult,
  tpm2SelfTest,
  tpm2Startup,
} from "../../core/tpm/tpm2/commands.js";
import { tpm2PcrRead } from "../../core/tpm/tpm2/pcr-read.js";
import { expectRejectCode } from "../unit/core/tpm/expect-code.js";
import { writeTree } from "../unit/core/run/tests/sysroot.js";
import { useTmpDirs } from "../helpers/tmp.js";
import { alive, exited, pids, started, startSwtpm } from "../helpers/swtpm.js";

const run = promisify(execFile);

/** Runs a core test as the runner's child would, against `tpm`. */
function runTest(
  test: CoreTest,
  tpm: string,
  root = "/",
  params: Record<string, Json> = {},
): Promise<ActiveTestResult> {
  const lines: string[] = [];
  return test.run({
    params,
    root,
    tpm,
    inventory: emptyInventory("test"),
    devices: [],
    signal: new AbortController().signal,
    log: (line) => lines.push(line),
  });
}

function factValues(result: ActiveTestResult): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result.facts ?? {}).map(([k, f]) => [k, f.value]));
}

/** Milliseconds `body` took, the best of `n` runs (swtpm answers in well under a millisecond; the best run shows it). */
async function timed(
  figures: Record<string, string>,
  name: string,
  body: () => Promise<unknown>,
  n = 5,
): Promise<void> {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await body();
    best = Math.min(best, performance.now() - t0);
  }
  figures[name] = `${best.toFixed(2)} ms`;
}

/** `tpm2_pcrread` output: `  sha256:\n    0 : 0x90F4…` → bank → index → lower-case hex. */
function parsePcrread(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let bank = "";
  for (const line of text.split("\n")) {
    const b = /^\s*(sha\d+):\s*$/.exec(line);
    if (b !== null) bank = b[1] as string;
    const v = /^\s*(\d+)\s*:\s*0x([0-9A-Fa-f]+)\s*$/.exec(line);
    if (v !== null) (out[bank] ??= {})[v[1] as string] = (v[2] as string).toLowerCase();
  }
  return out;
}

describe("TPM transports and commands against swtpm (integration)", function () {
  this.timeout(60_000);
  const tmp = useTmpDirs();
  const figures: Record<string, Record<string, string>> = {};
  const transports: TpmTransport[] = [];
  const open = async (spec: string): Promise<TpmTransport> => {
    const t = await openTpmTransport(spec, { root: "/", timeoutMs: 5000 });
    if (t === null) throw new Error("no transport");
    transports.push(t);
    return t;
  };

  afterEach(async () => {
    for (const t of transports.splice(0)) await t.close();
    for (const s of started.splice(0)) await s.stop();
  });

  after(async () => {
    for (const [family, f] of Object.entries(figures))
      console.log(
        `      swtpm ${family}, best of 5: ${Object.entries(f)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}`,
      );
    const { stdout } = await run("ps", ["-eo", "pid=,comm="]).catch(() => ({ stdout: "" }));
    const left = stdout
      .split("\n")
      .map((l) => l.trim().split(/\s+/))
      .filter(([pid, comm]) => comm === "swtpm" && pids.includes(Number(pid)));
    expect(left, "swtpm processes left running").to.deep.equal([]);
    expect(pids.filter(alive), "swtpm processes alive").to.deep.equal([]);
  });

  describe("TPM 2.0", () => {
    it("runs Startup, SelfTest, GetCapability, PCR_Read and GetRandom through the TCP transport", async () => {
      const swtpm = await startSwtpm("2.0");
      const t = (await open(swtpm.spec)) as SwtpmTransport;
      expect(await t.control.capabilities(5000)).to.include.members(["INIT", "SHUTDOWN"]);
      const prepared = await prepareTpm(t, 5000);
      expect(prepared).to.include({
        family: "2.0",
        poweredOn: false,
        startedUp: false,
        failure: null,
      });
      const o = { timeoutMs: 5000 };
      expect(await tpm2Startup(t, "clear", o)).to.equal("already");
      await tpm2SelfTest(t, true, o);
      expect((await tpm2GetTestResult(t, o)).testResult.name).to.equal("TPM_RC_SUCCESS");
      const id = await tpm2ReadIdentity(t, o);
      expect(id).to.deep.include({ family: "2.0", vendorString: "SW   TPM", pcrCount: 24 });
      expect(id.manufacturer.vendor).to.equal("IBM");
      const banks = await tpm2GetPcrBanks(t, o);
      expect(activeBanks(banks)).to.include.members(["sha1", "sha256"]);
      const read = await tpm2PcrRead(t, banks, o);
      expect(read.values).to.have.length(banks.length * 24);
      expect(read.responses).to.equal(banks.length * 3);
      expect(read.unread).to.deep.equal([]);
      expect((await tpm2GetRandom(t, 200, o)).bytes).to.have.length(200);

      const f: Record<string, string> = {};
      await timed(f, "SelfTest(full)", () => tpm2SelfTest(t, true, o));
      await timed(f, "GetCapability(identity)", () => tpm2ReadIdentity(t, o));
      await timed(f, "GetCapability(PCRS)", () => tpm2GetPcrBanks(t, o));
      await timed(f, `PCR_Read(${banks.length} banks x 24)`, () => tpm2PcrRead(t, banks, o));
      await timed(f, "GetRandom(32)", () => tpm2GetRandom(t, 32, o));
      // swtpm serves one connection at a time: a second one waits until the first closes.
      await t.close();
      await timed(f, "connect+prepare", async () => {
        const c = await open(swtpm.spec);
        await prepareTpm(c, 5000);
        await c.close();
      });
      figures["2.0"] = { ...f, ...figures["2.0"] };
    });

    it("powers on a swtpm that waits for CMD_INIT, then starts it", async () => {
      const swtpm = await startSwtpm("2.0", null);
      const t = await open(swtpm.spec);
      const prepared = await prepareTpm(t, 5000);
      expect(prepared).to.include({
        family: "2.0",
        poweredOn: true,
        startedUp: true,
        failure: null,
      });
      expect((await tpm2ReadIdentity(t, { timeoutMs: 5000 })).family).to.equal("2.0");
    });

    it("agrees with tpm2-tools on manufacturer, firmware and PCR values, and passes the four active tests", async () => {
      const swtpm = await startSwtpm("2.0");
      for (const [pcr, text] of [
        [0, "firmware"],
        [1, "config"],
        [2, "option roms"],
      ] as const) {
        const digest = createHash("sha256").update(text).digest("hex");
        await run("tpm2_pcrextend", ["-T", swtpm.tcti, `${pcr}:sha256=${digest}`]);
      }
      const getcap = parseYaml(
        (await run("tpm2_getcap", ["-T", swtpm.tcti, "properties-fixed"])).stdout,
      ) as Record<string, { raw: number | string; value?: string }>;
      const raw = (name: string): number => Number(getcap[name]?.raw);
      const tools =
        parsePcrread((await run("tpm2_pcrread", ["-T", swtpm.tcti, "sha256:0,1,2"])).stdout)
          .sha256 ?? {};
      expect(Object.keys(tools)).to.deep.equal(["0", "1", "2"]);
      expect(tools["0"]).to.not.equal("00".repeat(32));

      const caps = await runTest(tpmCapabilities, swtpm.spec);
      expect(caps.problems).to.deep.equal([]);
      const facts = factValues(caps);
      expect(facts["tpm.version"]).to.equal("2.0");
      expect(facts["tpm.vendor"]).to.equal(getcap["TPM2_PT_MANUFACTURER"]?.value);
      expect(parseInt(facts["tpm.manufacturerId"] as string, 16)).to.equal(
        raw("TPM2_PT_MANUFACTURER"),
      );
      const v1 = raw("TPM2_PT_FIRMWARE_VERSION_1");
      const v2 = raw("TPM2_PT_FIRMWARE_VERSION_2");
      expect(facts["tpm.firmware"]).to.equal(
        `${v1 >>> 16}.${v1 & 0xffff}.${v2 >>> 16}.${v2 & 0xffff}`,
      );

      const t = await open(swtpm.spec);
      const ours = await tpm2PcrRead(t, [{ hash: 0x000b, pcrs: [0, 1, 2] }], { timeoutMs: 5000 });
      await t.close();
      expect(Object.fromEntries(ours.values.map((v) => [String(v.pcr), v.digest]))).to.deep.equal(
        tools,
      );

      const root = tmp();
      writeTree(
        root,
        Object.fromEntries(
          Object.entries(tools).map(([n, v]) => [
            `/sys/class/tpm/tpm0/pcr-sha256/${n}`,
            `${v.toUpperCase()}\n`,
          ]),
        ),
      );
      const pcrs = await runTest(tpmPcrRead, swtpm.spec, root, { sysfsDevice: "tpm0" });
      expect(pcrs.problems).to.deep.equal([]);
      expect(pcrs.measurements).to.deep.include({ name: "compared", value: 3, unit: "PCRs" });
      writeTree(root, { "/sys/class/tpm/tpm0/pcr-sha256/1": "00".repeat(32) });
      const wrong = await runTest(tpmPcrRead, swtpm.spec, root, { sysfsDevice: "tpm0" });
      expect(wrong.problems).to.deep.equal([
        `sha256 PCR 1: the TPM reads ${tools["1"]}, /sys/class/tpm/tpm0/pcr-sha256/1 shows ${"00".repeat(32)}`,
      ]);

      const selftest = await runTest(tpmSelftest, swtpm.spec);
      expect(selftest.problems).to.deep.equal([]);
      const random = await runTest(tpmRandom, swtpm.spec, "/", { bytes: 256 });
      expect(random.problems).to.deep.equal([]);
      expect(random.measurements[0]).to.deep.equal({ name: "bytes", value: 512, unit: "B" });
    });

    it("quotes PCRs over a report digest; the quote verifies, and fails for a changed byte, nonce or PCR value", async () => {
      const swtpm = await startSwtpm("2.0");
      await run("tpm2_pcrextend", [
        "-T",
        swtpm.tcti,
        `7:sha256=${createHash("sha256").update("secure boot").digest("hex")}`,
      ]);
      const tools = parsePcrread(
        (await run("tpm2_pcrread", ["-T", swtpm.tcti, "sha256:0,1,2,3,4,5,6,7"])).stdout,
      ) as PcrValues;
      const nonce = createHash("sha256").update('{"report":"json"}').digest();
      const t0 = performance.now();
      const quote = await quoteReport(swtpm.spec, { root: "/", nonce, timeoutMs: 5000 });
      const quoteMs = performance.now() - t0;
      (figures["2.0"] ??= {})["quote (CreatePrimary ECC P-256 + Quote + FlushContext)"] =
        `${quoteMs.toFixed(1)} ms`;
      expect(quote.pcrs).to.deep.equal(tools);
      expect(quote.publicKeyJwk).to.include({ kty: "EC", crv: "P-256" });
      const input = {
        attest: quote.attest,
        signature: quote.signature,
        publicKeyPem: quote.publicKeyPem,
        expectedNonce: nonce,
        pcrs: tools,
      };
      expect(verifyQuote(input).covered).to.equal("sha256:0,1,2,3,4,5,6,7");

      const flipped = quote.attest.slice();
      flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 0x80;
      await expectRejectCode(
        Promise.resolve().then(() => verifyQuote({ ...input, attest: flipped })),
        "HCL_E_TPM_QUOTE_SIGNATURE",
      );
      const otherReport = createHash("sha256").update('{"report":"edited"}').digest();
      await expectRejectCode(
        Promise.resolve().then(() => verifyQuote({ ...input, expectedNonce: otherReport })),
        "HCL_E_TPM_QUOTE_NONCE",
      );
      const edited = { sha256: { ...tools.sha256, "7": "00".repeat(32) } };
      await expectRejectCode(
        Promise.resolve().then(() => verifyQuote({ ...input, pcrs: edited })),
        "HCL_E_TPM_QUOTE_PCR_DIGEST",
      );

      const again = await quoteReport(swtpm.spec, { root: "/", nonce, timeoutMs: 5000 });
      expect(
        again.publicKeyPem,
        "the same template under the same seed gives the same key",
      ).to.equal(quote.publicKeyPem);
    });
  });

  describe("TPM 1.2", () => {
    it("runs TPM_Startup, GetCapability, PcrRead, SelfTestFull and GetRandom", async () => {
      const swtpm = await startSwtpm("1.2");
      const t = await open(swtpm.spec);
      expect(await prepareTpm(t, 5000)).to.include({
        family: "1.2",
        poweredOn: false,
        startedUp: false,
        failure: null,
      });
      const o = { timeoutMs: 5000 };
      expect(await tpm12Startup(t, o)).to.equal("already");
      const version = await tpm12GetVersion(t, o);
      expect(version.family).to.equal("1.2");
      expect(version.vendorId.vendor).to.equal("IBM");
      expect(await tpm12GetProperty(t, TPM12_CAP.PROP_MANUFACTURER, o)).to.equal(0x49424d00);
      expect(await tpm12GetProperty(t, TPM12_CAP.PROP_PCR, o)).to.equal(24);
      expect(await tpm12PcrRead(t, 23, o)).to.equal("00".repeat(20));
      await tpm12SelfTestFull(t, o);
      expect((await tpm12GetRandom(t, 300, o)).bytes).to.have.length(300);
      await expectRejectCode(tpm12PcrRead(t, 24, o), "HCL_E_TPM_RESPONSE_CODE", /TPM_BADINDEX/);

      const f: Record<string, string> = {};
      await timed(f, "SelfTestFull", () => tpm12SelfTestFull(t, o));
      await timed(f, "GetCapability(VERSION_VAL)", () => tpm12GetVersion(t, o));
      await timed(f, "PcrRead x24", async () => {
        for (let pcr = 0; pcr < 24; pcr++) await tpm12PcrRead(t, pcr, o);
      });
      await timed(f, "GetRandom(32)", () => tpm12GetRandom(t, 32, o));
      figures["1.2"] = f;
    });

    it("powers on and starts a TPM 1.2 that waits for CMD_INIT, and passes the four active tests", async () => {
      const swtpm = await startSwtpm("1.2", null);
      const caps = await runTest(tpmCapabilities, swtpm.spec);
      expect(caps.problems).to.deep.equal([]);
      expect(factValues(caps)).to.deep.include({
        "tpm.version": "1.2",
        "tpm.vendor": "IBM",
        "tpm.pcrBanks": ["sha1"],
      });
      expect((await runTest(tpmSelftest, swtpm.spec)).problems).to.deep.equal([]);
      expect((await runTest(tpmRandom, swtpm.spec)).problems).to.deep.equal([]);
      const root = tmp();
      writeTree(root, {
        "/sys/class/tpm/tpm0/caps":
          "Manufacturer: 0x49424D00\nTCG version: 1.2\nFirmware version: 18.158\n",
        "/sys/class/tpm/tpm0/pcrs": `PCR-00: ${"00 ".repeat(20)}\nPCR-01: ${"01 ".repeat(20)}\n`,
      });
      const pcrs = await runTest(tpmPcrRead, swtpm.spec, root, { sysfsDevice: "tpm0" });
      expect(pcrs.measurements[0]).to.deep.equal({ name: "pcrs", value: 24, unit: "PCRs" });
      expect(pcrs.problems).to.deep.equal([
        `sha1 PCR 1: the TPM reads ${"00".repeat(20)}, /sys/class/tpm/tpm0/pcrs (PCR-01) shows ${"01".repeat(20)}`,
      ]);
    });

    it("refuses to quote with a TPM 1.2", async () => {
      const swtpm = await startSwtpm("1.2");
      await expectRejectCode(
        quoteReport(swtpm.spec, { root: "/", nonce: new Uint8Array(32) }),
        "HCL_E_TPM_FAMILY",
        /TPM 1\.2/,
      );
    });
  });

  describe("a TPM that misbehaves", () => {
    const servers: net.Server[] = [];
    afterEach(async () => {
      for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
    });
    async function serve(onConnection: (socket: net.Socket) => void): Promise<string> {
      const s = net.createServer((socket) => {
        socket.on("error", () => undefined);
        onConnection(socket);
      });
      servers.push(s);
      await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
      const conns = new Set<net.Socket>();
      s.on("connection", (c) => (conns.add(c), c.on("close", () => conns.delete(c))));
      s.on("close", () => conns.forEach((c) => c.destroy()));
      const original = s.close.bind(s);
      s.close = (cb) => (conns.forEach((c) => c.destroy()), original(cb));
      return `swtpm:127.0.0.1:${(s.address() as net.AddressInfo).port}`;
    }

    it("never answers: a coded timeout within the bound, and an error of the active test, not a failure", async () => {
      const spec = await serve(() => undefined);
      const t = await SwtpmTransport.connect(parseTpmSpec(spec) as SwtpmTpmSpec, 1000);
      transports.push(t);
      const t0 = Date.now();
      await expectRejectCode(
        t.transmit(Buffer.from("80010000000c000001440000", "hex"), 300),
        "HCL_E_TPM_TIMEOUT",
        /within 300 ms/,
      );
      expect(Date.now() - t0).to.be.within(290, 1000);
      const t1 = Date.now();
      await expectRejectCode(
        runTest(tpmCapabilities, spec, "/", { commandTimeoutSec: 1 }),
        "HCL_E_TPM_TIMEOUT",
      );
      expect(Date.now() - t1).to.be.below(2500);
    });

    it("answers a truncated response: a coded error", async () => {
      // swtpm 2.0's real answer to the family probe, cut after 15 of its 27 bytes.
      const real = Buffer.from("80010000001b0000000001000000060000000100000100322e3000", "hex");
      const spec = await serve((socket) =>
        socket.on("data", () => socket.end(real.subarray(0, 15))),
      );
      await expectRejectCode(
        runTest(tpmCapabilities, spec),
        "HCL_E_TPM_TRUNCATED",
        /after 15 bytes/,
      );
    });

    it("answers a size the header cannot have: a coded error", async () => {
      const spec = await serve((socket) =>
        socket.on("data", () => socket.write(Buffer.from("8001000000050000000000", "hex"))),
      );
      await expectRejectCode(runTest(tpmRandom, spec), "HCL_E_TPM_BAD_SIZE");
    });
  });

  describe("the kernel device transport", () => {
    /** A pty in raw mode relayed to swtpm's command port: a character device that speaks TPM. */
    async function ptyRelay(
      port: number,
    ): Promise<{ path: string; stop: () => Promise<void> } | null> {
      const script = [
        "import os, pty, select, socket, sys, tty",
        "m, s = pty.openpty(); tty.setraw(s)",
        `c = socket.create_connection(("127.0.0.1", ${port}))`,
        "print(os.ttyname(s), flush=True)",
        "while True:",
        "    r, _, _ = select.select([m, c, sys.stdin], [], [])",
        "    if sys.stdin in r and not os.read(0, 1): break",
        "    if m in r: c.sendall(os.read(m, 65536))",
        "    if c in r:",
        "        d = c.recv(65536)",
        "        if not d: break",
        "        os.write(m, d)",
      ].join("\n");
      const child = spawn("python3", ["-c", script], { stdio: ["pipe", "pipe", "inherit"] });
      const path = await new Promise<string | null>((resolve) => {
        child.once("error", () => resolve(null));
        child.stdout?.setEncoding("utf8").once("data", (line: string) => resolve(line.trim()));
      });
      if (path === null) return null;
      pids.push(child.pid as number);
      return {
        path,
        stop: async () => {
          child.stdin?.end();
          child.kill("SIGTERM");
          await exited(child);
        },
      };
    }

    it("talks to a character device: one write of the command, reads until the header's size", async function () {
      const swtpm = await startSwtpm("2.0");
      const relay = await ptyRelay(swtpm.port);
      if (relay === null) this.skip();
      try {
        const caps = await runTest(tpmCapabilities, `device:${relay.path}`);
        expect(caps.problems).to.deep.equal([]);
        expect(factValues(caps)).to.deep.include({ "tpm.version": "2.0", "tpm.vendor": "IBM" });
        const pcrs = await runTest(tpmPcrRead, `device:${relay.path}`, "/", {
          sysfsDevice: "tpm0",
        });
        expect(pcrs.problems).to.deep.equal([]);
      } finally {
        await relay.stop();
      }
    });
  });
});
