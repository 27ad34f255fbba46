import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync, constants } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { toHex } from "../../../../core/tpm/bytes.js";
import { DeviceTransport } from "../../../../core/tpm/device-transport.js";
import { defaultTpmSpec, openTpmTransport } from "../../../../core/tpm/open-tpm.js";
import { useTmpDirs } from "../../../helpers/tmp.js";
import { expectRejectCode, hex } from "./expect-code.js";

/**
 * A FIFO opened read-write stands in for a character device: what is written comes back on
 * read, so a "command" shaped like a response is its own answer, and one whose size says more
 * than was written leaves the read waiting — a TPM that never answers.
 */
function fifo(dir: string): string {
  const file = path.join(dir, "tpm0");
  execFileSync("mkfifo", [file]);
  return file;
}

/** Writes `n` bytes into the FIFO so that a read left blocked in the thread pool returns. */
function release(file: string, n: number): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
  writeSync(fd, new Uint8Array(n));
  closeSync(fd);
}

describe("DeviceTransport", () => {
  const tmp = useTmpDirs();

  it("writes the command and reads the response by its header's size", async () => {
    const file = fifo(tmp());
    const t = await DeviceTransport.open(file, "device:/dev/tpm0");
    const echo = hex("8001 0000000e 00000000 01020304");
    expect(toHex(await t.transmit(echo, 1000))).to.equal(toHex(echo));
    await t.close();
  });

  it("gives up within the bound on a device that never completes its answer", async () => {
    const file = fifo(tmp());
    const t = await DeviceTransport.open(file, "device:/dev/tpm0");
    const started = Date.now();
    await expectRejectCode(
      t.transmit(hex("8001 00000020 00000000"), 200),
      "HCL_E_TPM_TIMEOUT",
      /within 200 ms/,
    );
    expect(Date.now() - started).to.be.below(600);
    await expectRejectCode(
      t.transmit(hex("8001 0000000a 00000000"), 200),
      "HCL_E_TPM_IO",
      /closed after a timeout/,
    );
    release(file, 64);
  });

  it("refuses a size that cannot hold the header", async () => {
    const file = fifo(tmp());
    const t = await DeviceTransport.open(file, "device:/dev/tpm0");
    await expectRejectCode(t.transmit(hex("8001 00000002 00000000"), 500), "HCL_E_TPM_BAD_SIZE");
    await t.close();
  });

  it("names the reason a device cannot be opened", async () => {
    await expectRejectCode(
      DeviceTransport.open(path.join(tmp(), "absent"), "device:/dev/tpmrm0"),
      "HCL_E_TPM_OPEN",
      /cannot open .*absent \(ENOENT\)/,
    );
  });
});

describe("openTpmTransport", () => {
  const tmp = useTmpDirs();

  it("defaults to /dev/tpmrm0, else /dev/tpm0, under the root; none when neither exists", () => {
    const root = tmp();
    expect(defaultTpmSpec(root)).to.equal(null);
    mkdirSync(path.join(root, "dev"));
    writeFileSync(path.join(root, "dev/tpm0"), "");
    expect(defaultTpmSpec(root)).to.deep.equal({ kind: "device", path: "/dev/tpm0" });
    writeFileSync(path.join(root, "dev/tpmrm0"), "");
    expect(defaultTpmSpec(root)).to.deep.equal({ kind: "device", path: "/dev/tpmrm0" });
  });

  it("opens a device spec under the root, and answers null with no spec and no device", async () => {
    const root = tmp();
    expect(await openTpmTransport(null, { root, timeoutMs: 100 })).to.equal(null);
    mkdirSync(path.join(root, "dev"));
    fifo(path.join(root, "dev"));
    const t = await openTpmTransport("device:/dev/tpm0", { root, timeoutMs: 100 });
    expect(t?.spec).to.equal("device:/dev/tpm0");
    await t?.close();
    await expectRejectCode(
      openTpmTransport("device:/dev/tpm9", { root, timeoutMs: 100 }),
      "HCL_E_TPM_OPEN",
      /ENOENT/,
    );
    await expectRejectCode(openTpmTransport("tpm9", { root, timeoutMs: 100 }), "HCL_E_TPM_SPEC");
  });
});
