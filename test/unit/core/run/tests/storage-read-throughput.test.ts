import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { expect } from "chai";
import { storageReadThroughput } from "../../../../../core/run/tests/storage-read-throughput.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { storageMachine } from "./storage-fixtures.js";
import { device, expectRejection, testContext, writeTree } from "./sysroot.js";

describe("storage.read-throughput", () => {
  const tmp = useTmpDirs();

  it("reads the eSATA disk and reports MB/s, with what it read in the notes", async () => {
    const root = tmp();
    storageMachine(root, { esataPort: true, esataDiskMiB: 2 });
    const context = testContext(root, { params: { target: "esata", sizeMiB: 1, blockKiB: 256 } });
    const result = await storageReadThroughput.run(context);
    expect(result.skip).to.equal(undefined);
    expect(result.measurements).to.have.length(1);
    expect(result.measurements[0]).to.include({ name: "throughput", unit: "MB/s" });
    expect(result.measurements[0]?.value).to.be.greaterThan(0);
    expect(result.notes?.[0]).to.match(
      /^read 1048576 bytes of \/dev\/sdb \(disk on the eSATA port ata5 \(host4: PxCMD.ESP, CAP.SXS\)\) in \d+\.\d{3} s, (O_DIRECT|page cache), 256 KiB blocks$/,
    );
    expect(context.lines[0]).to.equal(
      "reading 1.0 MiB of /dev/sdb (disk on the eSATA port ata5 (host4: PxCMD.ESP, CAP.SXS)) in 256 KiB blocks",
    );
  });

  it("reads a whole card smaller than asked, and says so", async () => {
    const root = tmp();
    storageMachine(root, { sdCardMiB: 1 });
    const reader = device("card-reader", "pci-0000:0d:00.0", "pci");
    const result = await storageReadThroughput.run(
      testContext(root, { params: { target: "card-reader" }, devices: [reader] }),
    );
    expect(result.notes?.[0]).to.match(/^read 1048576 bytes of \/dev\/mmcblk0 /);
    expect(result.notes).to.include("/dev/mmcblk0 holds only 1.0 MiB: read it whole");
  });

  it("skips with what to do when there is no card or no eSATA disk", async () => {
    const root = tmp();
    storageMachine(root, { esataPort: true });
    const esata = await storageReadThroughput.run(
      testContext(root, { params: { target: "esata" } }),
    );
    expect(esata).to.deep.equal({
      measurements: [],
      notes: [],
      skip: "no disk on the eSATA port ata5 (host4): plug a disk into it, or give params.path",
    });
    const card = await storageReadThroughput.run(
      testContext(root, { params: { target: "card-reader" } }),
    );
    expect(card.skip).to.match(/^no memory card found: .* insert a card, or give params.path$/);
  });

  it("reads params.path under the root, instead of searching", async () => {
    const root = tmp();
    writeTree(root, { "/srv/image.bin": randomBytes(512 * 1024) });
    const result = await storageReadThroughput.run(
      testContext(root, { params: { target: "esata", path: "/srv/image.bin" } }),
    );
    expect(result.notes?.[0]).to.match(
      /^read 524288 bytes of \/srv\/image.bin \(params.path, given instead of searching for the esata\)/,
    );
  });

  it("is an error when the path does not exist, is empty, or the device node is missing", async () => {
    const root = tmp();
    await expectRejection(
      storageReadThroughput.run(
        testContext(root, { params: { target: "path", path: "/dev/sdz" } }),
      ),
      /params.path \/dev\/sdz does not exist under /,
    );
    writeTree(root, { "/srv/empty": "" });
    await expectRejection(
      storageReadThroughput.run(
        testContext(root, { params: { target: "path", path: "/srv/empty" } }),
      ),
      /\/srv\/empty gave no data to read/,
    );
    const noNode = tmp();
    storageMachine(noNode, { esataPort: true, esataDiskMiB: 1 });
    rmSync(`${noNode}/dev/sdb`);
    await expectRejection(
      storageReadThroughput.run(testContext(noNode, { params: { target: "esata" } })),
      /cannot read \/dev\/sdb under .*: ENOENT \(no such device node: is \/dev mounted\?\)/,
    );
  });
});
