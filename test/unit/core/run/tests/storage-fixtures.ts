import { randomBytes } from "node:crypto";
import { sysDevice, writeTree } from "./sysroot.js";

/** Sectors of 512 bytes in `mib` MiB. */
const sectors = (mib: number): string => `${mib * 2048}\n`;

/**
 * A laptop's storage as sysfs lays it out: an internal disk on AHCI port ata1, and optionally an
 * eSATA port ata5 (PxCMD.ESP set, CAP.SXS set) with a disk, an SD card in a Ricoh PCI reader, a
 * USB card reader with or without a card. Device nodes are files of random bytes.
 */
export function storageMachine(
  root: string,
  parts: {
    esataPort?: boolean;
    esataDiskMiB?: number;
    sdCardMiB?: number;
    usbReaderCardMiB?: number;
    sxs?: boolean;
  },
): void {
  const sata = "/sys/devices/pci0000:00/0000:00:1f.2";
  const caps = parts.sxs === false ? "c723ff45\n" : "c723ff65\n";
  sysDevice(root, `${sata}/ata1/host0/scsi_host/host0`, "/sys/class/scsi_host/host0", {
    ahci_port_cmd: "c017\n",
    ahci_host_caps: caps,
  });
  sysDevice(root, `${sata}/ata1/host0/target0:0:0/0:0:0:0/block/sda`, "/sys/block/sda", {
    size: sectors(4),
    removable: "0\n",
  });
  writeTree(root, { "/dev/sda": randomBytes(64 * 1024) });
  if (parts.esataPort === true) {
    sysDevice(root, `${sata}/ata5/host4/scsi_host/host4`, "/sys/class/scsi_host/host4", {
      ahci_port_cmd: "204017\n",
      ahci_host_caps: caps,
    });
  }
  if (parts.esataDiskMiB !== undefined) {
    sysDevice(root, `${sata}/ata5/host4/target4:0:0/4:0:0:0/block/sdb`, "/sys/block/sdb", {
      size: sectors(parts.esataDiskMiB),
      removable: "1\n",
    });
    writeTree(root, { "/dev/sdb": randomBytes(parts.esataDiskMiB * 1024 * 1024) });
  }
  if (parts.sdCardMiB !== undefined) {
    const ricoh = "/sys/devices/pci0000:00/0000:00:1c.1/0000:0d:00.0";
    writeTree(root, { [`${ricoh}/vendor`]: "0x1180\n", [`${ricoh}/device`]: "0xe822\n" });
    sysDevice(root, `${ricoh}/mmc_host/mmc0/mmc0:b368/block/mmcblk0`, "/sys/block/mmcblk0", {
      size: sectors(parts.sdCardMiB),
      removable: "0\n",
    });
    writeTree(root, { "/dev/mmcblk0": randomBytes(parts.sdCardMiB * 1024 * 1024) });
  }
  if (parts.usbReaderCardMiB !== undefined) {
    const reader = "/sys/devices/pci0000:00/0000:00:1d.7/usb2/2-1";
    writeTree(root, { [`${reader}/idVendor`]: "0bda\n", [`${reader}/idProduct`]: "0158\n" });
    sysDevice(root, `${reader}/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc`, "/sys/block/sdc", {
      size: sectors(parts.usbReaderCardMiB),
      removable: "1\n",
    });
    writeTree(root, { "/dev/sdc": randomBytes(parts.usbReaderCardMiB * 1024 * 1024) });
  }
}
