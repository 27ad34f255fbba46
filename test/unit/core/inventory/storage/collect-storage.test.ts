import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect } from "chai";
import fc from "fast-check";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectStorage } from "../../../../../core/inventory/storage/collect-storage.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { anyText, RUNS } from "../../../../helpers/mutations.js";

const AHCI = "/sys/devices/pci0000:00/0000:00:1f.2";

/**
 * A laptop's /sys/block and /sys/class/ata_port as the kernel lays them out: an internal disk on
 * ata1, an eSATA disk on ata5 (removable: ATA_PFLAG_EXTERNAL sets the SCSI RMB bit), a USB
 * stick, an SD card on a PCI reader, a loop device.
 */
function laptop(): MemoryFs {
  const disk = (port: number, host: number): string =>
    `${AHCI}/ata${port}/host${host}/target${host}:0:0/${host}:0:0:0`;
  const entries: Record<string, string | { link: string }> = {
    "/sys/block/sda": {
      link: `../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda`,
    },
    [`${disk(1, 0)}/block/sda/removable`]: "0\n",
    [`${disk(1, 0)}/block/sda/size`]: "625142448\n",
    [`${disk(1, 0)}/block/sda/queue/rotational`]: "1\n",
    [`${disk(1, 0)}/block/sda/device`]: { link: "../../../0:0:0:0" },
    [`${disk(1, 0)}/model`]: "ST9320423AS     \n",
    [`${disk(1, 0)}/vendor`]: "ATA     \n",
    "/sys/block/sdb": {
      link: `../devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb`,
    },
    [`${disk(5, 4)}/block/sdb/removable`]: "1\n",
    [`${disk(5, 4)}/block/sdb/size`]: "976773168\n",
    [`${disk(5, 4)}/block/sdb/device`]: { link: "../../../4:0:0:0" },
    [`${disk(5, 4)}/model`]: "WDC WD5000BEVT-0\n",
    "/sys/block/sdc": {
      link: "../devices/pci0000:00/0000:00:1d.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc",
    },
    "/sys/devices/pci0000:00/0000:00:1d.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc/removable":
      "1\n",
    "/sys/block/mmcblk0": {
      link: "../devices/pci0000:00/0000:00:1c.3/0000:0d:00.0/mmc_host/mmc0/mmc0:b368/block/mmcblk0",
    },
    "/sys/devices/pci0000:00/0000:00:1c.3/0000:0d:00.0/mmc_host/mmc0/mmc0:b368/block/mmcblk0/removable":
      "0\n",
    "/sys/block/loop0": { link: "../devices/virtual/block/loop0" },
    "/sys/devices/virtual/block/loop0/size": "0\n",
  };
  for (let n = 1; n <= 6; n++) {
    entries[`/sys/class/ata_port/ata${n}`] = {
      link: `../../devices/pci0000:00/0000:00:1f.2/ata${n}/ata_port/ata${n}`,
    };
    entries[`${AHCI}/ata${n}/ata_port/ata${n}/port_no`] = `${n}\n`;
  }
  return new MemoryFs(entries);
}

describe("collectStorage", () => {
  it("reads each block device: where it hangs, removable, model, size; each ATA port's number", () => {
    const { value, diagnostics } = collectStorage(testSource(laptop()));
    expect(diagnostics).to.deep.equal([]);
    const byName = new Map(value?.blocks?.map((b) => [b.name, b]));
    expect(byName.get("sda")).to.deep.equal({
      name: "sda",
      removable: false,
      devicePath: `${AHCI}/ata1/host0/target0:0:0/0:0:0:0/block/sda`,
      ataPort: "ata1",
      pciAddress: "0000:00:1f.2",
      usbPath: null,
      model: "ST9320423AS",
      vendor: "ATA",
      rotational: true,
      sizeSectors: 625142448,
      at: { file: "/sys/block/sda" },
    });
    expect(byName.get("sdb")).to.deep.include({
      removable: true,
      ataPort: "ata5",
      model: "WDC WD5000BEVT-0",
    });
    expect(byName.get("sdc")).to.deep.include({
      removable: true,
      ataPort: null,
      pciAddress: null,
      usbPath: "2-1",
    });
    expect(byName.get("mmcblk0")).to.deep.include({
      pciAddress: "0000:0d:00.0",
      model: null,
      rotational: null,
    });
    expect(byName.get("loop0")).to.deep.include({
      devicePath: "/sys/devices/virtual/block/loop0",
      sizeSectors: 0,
    });
    expect(value?.ataPorts?.find((p) => p.name === "ata5")).to.deep.equal({
      name: "ata5",
      portNo: 5,
      at: { file: "/sys/class/ata_port/ata5" },
    });
  });

  it("reads the /sys/block folders of kernels before 2.6.25 through their device link", () => {
    const fs = new MemoryFs({
      "/sys/block/sda/device": {
        link: "../../devices/pci0000:00/0000:00:1f.2/host0/target0:0:0/0:0:0:0",
      },
      "/sys/block/sda/removable": "0\n",
    });
    const { value } = collectStorage(testSource(fs));
    expect(value?.blocks?.[0]).to.deep.include({
      devicePath: "/sys/devices/pci0000:00/0000:00:1f.2/host0/target0:0:0/0:0:0:0",
      pciAddress: "0000:00:1f.2",
    });
    expect(value?.ataPorts).to.equal(null);
  });

  it("falls back on the udev database: disks with ID_PATH, model, rotation; ports numbered from ID_PATH", () => {
    const db = [
      "P: /devices/pci0000:00/0000:00:1f.2/ata5/ata_port/ata5",
      "E: SUBSYSTEM=ata_port",
      "",
      "P: /devices/pci0000:00/0000:00:1f.2/ata6/ata_port/ata6",
      "E: SUBSYSTEM=ata_port",
      "",
      "P: /devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb",
      "E: SUBSYSTEM=block",
      "E: DEVTYPE=disk",
      "E: ID_BUS=ata",
      "E: ID_MODEL=INTEL_SSDSA2M160G2GC",
      "E: ID_MODEL_ENC=INTEL\\x20SSDSA2M160G2GC\\x20\\x20\\x20",
      "E: ID_ATA_ROTATION_RATE_RPM=0",
      "E: ID_PATH=pci-0000:00:1f.2-ata-5.0",
      "",
      "P: /devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb/sdb1",
      "E: SUBSYSTEM=block",
      "E: DEVTYPE=partition",
      "",
      "",
    ].join("\n");
    const { value } = collectStorage(testSource(null, { "udev-db": db }));
    expect(value?.blocks).to.deep.equal([
      {
        name: "sdb",
        removable: null,
        devicePath: "/sys/devices/pci0000:00/0000:00:1f.2/ata5/host4/target4:0:0/4:0:0:0/block/sdb",
        ataPort: "ata5",
        pciAddress: "0000:00:1f.2",
        usbPath: null,
        model: "INTEL SSDSA2M160G2GC",
        vendor: null,
        rotational: false,
        sizeSectors: null,
        at: { file: "logs/udev-db", line: 7, endLine: 14 },
      },
    ]);
    expect(value?.ataPorts?.map((p) => [p.name, p.portNo])).to.deep.equal([
      ["ata5", 5],
      ["ata6", null],
    ]);
    const noPorts = collectStorage(
      testSource(null, { "udev-db": db.split("\n").slice(6).join("\n") }),
    );
    expect(noPorts.value?.ataPorts).to.equal(null);
    expect(collectStorage(testSource(null)).value).to.equal(null);
  });

  it("reads this machine's disks alike from sysfs and from udevadm's database", function () {
    let db: string;
    try {
      db = execFileSync("udevadm", ["info", "--export-db"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
    } catch {
      this.skip();
    }
    if (!existsSync("/sys/block")) this.skip();
    const live = collectStorage(testSource(new DirectoryFs("/"))).value?.blocks ?? [];
    const recorded = collectStorage(testSource(null, { "udev-db": db })).value?.blocks ?? [];
    const summary = (list: typeof live) =>
      list.map((b) => [b.name, b.devicePath, b.ataPort, b.pciAddress]).sort();
    expect(summary(recorded)).to.deep.equal(summary(live));
  });

  it("reports attributes of another form and never throws whatever they hold", () => {
    fc.assert(
      fc.property(anyText(), anyText(), (removable, size) => {
        const fs = laptop();
        fs.set(`${AHCI}/ata5/host4/target4:0:0/4:0:0:0/block/sdb/removable`, removable);
        fs.set(`${AHCI}/ata5/host4/target4:0:0/4:0:0:0/block/sdb/size`, size);
        const { value, diagnostics } = collectStorage(testSource(fs));
        const sdb = value?.blocks?.find((b) => b.name === "sdb");
        if (removable.trim() !== "0" && removable.trim() !== "1")
          expect(sdb?.removable).to.equal(null);
        expectWellFormed(diagnostics, "/sys/block/sdb/");
      }),
      RUNS,
    );
  });
});
