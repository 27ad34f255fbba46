import { expect } from "chai";
import {
  ahciPorts,
  findCardReaderTargets,
  findEsataTargets,
} from "../../../../../core/run/tests/storage-targets.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { storageMachine } from "./storage-fixtures.js";
import { device, writeTree } from "./sysroot.js";

const RICOH = device("card-reader", "pci-0000:0d:00.0", "pci", {
  vendorId: "1180",
  deviceId: "e822",
  name: "MMC/SD Host Controller",
});
const REALTEK_USB = device("card-reader", "usb-2-1-0bda:0158", "usb", {
  vendorId: "0bda",
  deviceId: "0158",
  name: "USB2.0-CRW",
});

describe("storage targets", () => {
  const tmp = useTmpDirs();

  describe("ahciPorts", () => {
    it("marks a port external when PxCMD.ESP and CAP.SXS are both set", () => {
      const root = tmp();
      storageMachine(root, { esataPort: true });
      expect(ahciPorts(root)).to.deep.equal([
        { host: "host0", ataPort: "ata1", external: false },
        { host: "host4", ataPort: "ata5", external: true },
      ]);
      const noSxs = tmp();
      storageMachine(noSxs, { esataPort: true, sxs: false });
      expect(ahciPorts(noSxs).map((p) => p.external)).to.deep.equal([false, false]);
    });

    it("throws on a register that is not hex", () => {
      const root = tmp();
      storageMachine(root, {});
      writeTree(root, {
        "/sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/scsi_host/host0/ahci_port_cmd": "0xzz\n",
      });
      expect(() => ahciPorts(root)).to.throw(/ahci_port_cmd holds "0xzz", not a register in hex/);
    });
  });

  describe("findEsataTargets", () => {
    it("finds the disk on the external port, not the internal one", () => {
      const root = tmp();
      storageMachine(root, { esataPort: true, esataDiskMiB: 1 });
      const found = findEsataTargets(root);
      expect(found).to.deep.equal({
        targets: [
          {
            name: "sdb",
            node: "/dev/sdb",
            sizeBytes: 1048576,
            why: "disk on the eSATA port ata5 (host4: PxCMD.ESP, CAP.SXS)",
          },
        ],
        notes: [],
      });
    });

    it("tells the user to plug a disk in when the port is empty", () => {
      const root = tmp();
      storageMachine(root, { esataPort: true });
      expect(findEsataTargets(root)).to.deep.equal({
        skip: "no disk on the eSATA port ata5 (host4): plug a disk into it, or give params.path",
        notes: [],
      });
    });

    it("says Linux shows no eSATA port when no AHCI port is marked external, or there is no AHCI", () => {
      const root = tmp();
      storageMachine(root, {});
      expect(findEsataTargets(root))
        .to.have.property("skip")
        .that.matches(/none of the 1 AHCI ports is marked external .* give params.path$/);
      const ide = tmp();
      writeTree(ide, { "/sys/block/.keep": "" });
      expect(findEsataTargets(ide))
        .to.have.property("skip")
        .that.matches(/^no AHCI SATA port in \/sys\/class\/scsi_host/);
    });
  });

  describe("findCardReaderTargets", () => {
    it("finds an SD card in a PCI reader and a card in a USB reader the drivers found", () => {
      const root = tmp();
      storageMachine(root, { sdCardMiB: 1, usbReaderCardMiB: 1 });
      const found = findCardReaderTargets(root, [RICOH, REALTEK_USB]);
      expect(found).to.deep.equal({
        targets: [
          {
            name: "mmcblk0",
            node: "/dev/mmcblk0",
            sizeBytes: 1048576,
            why: "card in the MMC/SD host on pci 0000:0d:00.0 (card reader MMC/SD Host Controller)",
          },
          {
            name: "sdc",
            node: "/dev/sdc",
            sizeBytes: 1048576,
            why: "removable disk of the USB card reader 0bda:0158 on 2-1 (card reader USB2.0-CRW)",
          },
        ],
        notes: [],
      });
    });

    it("does not take a USB disk that is not a card reader the drivers found", () => {
      const root = tmp();
      storageMachine(root, { usbReaderCardMiB: 1 });
      expect(findCardReaderTargets(root, [RICOH]))
        .to.have.property("skip")
        .that.matches(/^no memory card found: .*insert a card, or give params.path$/);
    });

    it("tells the user to insert a card when the USB reader has none", () => {
      const root = tmp();
      storageMachine(root, { usbReaderCardMiB: 0 });
      expect(findCardReaderTargets(root, [REALTEK_USB])).to.deep.equal({
        skip: "the card reader has no card (sdc has size 0): insert a card, or give params.path",
        notes: [
          "sdc (removable disk of the USB card reader 0bda:0158 on 2-1 (card reader USB2.0-CRW)) has no medium",
        ],
      });
    });

    it("takes an MMC card even when no driver named its reader, with a note", () => {
      const root = tmp();
      storageMachine(root, { sdCardMiB: 1 });
      const other = device("card-reader", "pci-0000:02:00.0", "pci", {
        vendorId: "1217",
        deviceId: "8221",
      });
      const found = findCardReaderTargets(root, [other]);
      expect(found).to.have.property("targets").with.length(1);
      expect(found.notes).to.deep.equal([
        "mmcblk0 is not behind one of the card readers the drivers found",
      ]);
    });

    it("is an error when the sysroot has no /sys/block, or a size is not a number", () => {
      expect(() => findCardReaderTargets(tmp(), [])).to.throw(
        /no \/sys\/block under .*: is sysfs mounted\?/,
      );
      const root = tmp();
      storageMachine(root, { sdCardMiB: 1 });
      writeTree(root, {
        "/sys/devices/pci0000:00/0000:00:1c.1/0000:0d:00.0/mmc_host/mmc0/mmc0:b368/block/mmcblk0/size":
          "12x\n",
      });
      expect(() => findCardReaderTargets(root, [])).to.throw(
        /\/sys\/block\/mmcblk0\/size is missing or not a number/,
      );
    });
  });
});
