import { DirectoryFs } from "../../evidence/evidence-fs.js";
import { SysfsReader } from "../../inventory/sysfs/sysfs-reader.js";
import type { Device } from "../../plugin/api.js";
import { deviceChain, deviceOnChain } from "./device-chain.js";

/** A block device that may be the target of a read test. @public */
export interface BlockTarget {
  /** `mmcblk0`, `sdb`. */
  readonly name: string;
  /** The device node, `/dev/sdb` (under the test's root). */
  readonly node: string;
  /** `size` × 512; 0 when there is no medium (a card reader without a card). */
  readonly sizeBytes: number;
  /** Why this device is the target, for notes: `SD card on 0000:0d:00.0 (card reader …)`. */
  readonly why: string;
}

/** The targets found, or the reason none can be read. @public */
export type TargetSearch =
  | { readonly targets: readonly BlockTarget[]; readonly notes: readonly string[] }
  | { readonly skip: string; readonly notes: readonly string[] };

const SECTOR = 512;
/** AHCI PxCMD.ESP, "External SATA Port" (drivers/ata/ahci.h `PORT_CMD_ESP = BIT(21)`). */
const PORT_CMD_ESP = 1 << 21;
/** AHCI CAP.SXS, "Supports External SATA" (drivers/ata/ahci.h `HOST_CAP_SXS = BIT(5)`). */
const HOST_CAP_SXS = 1 << 5;

function reader(root: string): SysfsReader {
  return new SysfsReader(new DirectoryFs(root), []);
}

function blockNames(sys: SysfsReader, root: string): string[] {
  const names = sys.list("/sys/block");
  if (names === null) throw new Error(`no /sys/block under ${root}: is sysfs mounted?`);
  return names;
}

function sizeOf(sys: SysfsReader, name: string): number {
  const sectors = sys.integer(`/sys/block/${name}/size`);
  if (sectors === null)
    throw new Error(
      `/sys/block/${name}/size is missing or not a number: cannot tell the device's size`,
    );
  return sectors * SECTOR;
}

function devicePathOf(sys: SysfsReader, name: string): string | null {
  // /sys/block/X links into /sys/devices since 2.6.25; before, X was a folder with a device link.
  const path = sys.realPath(`/sys/block/${name}`);
  return path?.startsWith("/sys/devices/") === true
    ? path
    : sys.realPath(`/sys/block/${name}/device`);
}

function withMedium(
  found: BlockTarget[],
  notes: string[],
  noMedium: (empty: string) => string,
): TargetSearch {
  const ready = found.filter((t) => t.sizeBytes > 0);
  const empty = found.filter((t) => t.sizeBytes === 0);
  for (const t of empty) notes.push(`${t.name} (${t.why}) has no medium`);
  if (ready.length > 0) return { targets: ready, notes };
  return { skip: noMedium(empty.map((t) => t.name).join(", ")), notes };
}

/**
 * Memory cards to read: every `/sys/block/mmcblkN` (a card in an SD/MMC host: sdhci, rtsx…; the
 * node exists only while a card is in), and every removable `sd*` disk behind a USB device that
 * is one of the card readers the drivers found (USB mass-storage readers; without a card its
 * size is 0). Cards behind a reader the drivers found come first.
 *
 * @public
 */
export function findCardReaderTargets(root: string, devices: readonly Device[]): TargetSearch {
  const sys = reader(root);
  const found: BlockTarget[] = [];
  const behindReader = new Set<string>();
  const notes: string[] = [];
  for (const name of blockNames(sys, root)) {
    const mmc = /^mmcblk\d+$/.test(name);
    if (!mmc && !/^sd[a-z]+$/.test(name)) continue;
    const path = devicePathOf(sys, name);
    const chain = path === null ? [] : deviceChain(sys, path);
    const on = deviceOnChain(chain, devices, "card-reader");
    const readerName = on === null ? "" : ` (card reader ${on.device.name ?? on.device.id})`;
    if (mmc) {
      const host = on?.link ?? chain[chain.length - 1];
      found.push({
        name,
        node: `/dev/${name}`,
        sizeBytes: sizeOf(sys, name),
        why: `card in the MMC/SD host${host === undefined ? "" : ` on ${host.bus} ${host.name}`}${readerName}`,
      });
      if (on !== null) behindReader.add(name);
      else if (devices.some((d) => d.class === "card-reader"))
        notes.push(`${name} is not behind one of the card readers the drivers found`);
    } else if (on?.link.bus === "usb" && sys.flag(`/sys/block/${name}/removable`) === true) {
      found.push({
        name,
        node: `/dev/${name}`,
        sizeBytes: sizeOf(sys, name),
        why: `removable disk of the USB card reader ${on.link.vendorId ?? "?"}:${on.link.deviceId ?? "?"} on ${on.link.name}${readerName}`,
      });
      behindReader.add(name);
    }
  }
  if (found.length === 0)
    return {
      skip: "no memory card found: no /sys/block/mmcblk* and no removable disk on a USB card reader; insert a card, or give params.path",
      notes,
    };
  found.sort((a, b) => Number(behindReader.has(b.name)) - Number(behindReader.has(a.name)));
  return withMedium(
    found,
    notes,
    (empty) =>
      `the card reader has no card (${empty} has size 0): insert a card, or give params.path`,
  );
}

/** An AHCI port as `/sys/class/scsi_host/hostN` shows it. @public */
export interface AhciPort {
  /** `host4`. */
  readonly host: string;
  /** `ata5`, from the host's place in the device tree. */
  readonly ataPort: string | null;
  /** PxCMD.ESP with CAP.SXS: the condition libahci uses to set ATA_PFLAG_EXTERNAL. */
  readonly external: boolean;
}

function hexRegister(sys: SysfsReader, file: string): number | null {
  const value = sys.value(file);
  if (value === null) return null;
  if (!/^[0-9a-fA-F]{1,8}$/.test(value))
    throw new Error(`${file} holds ${JSON.stringify(value.slice(0, 40))}, not a register in hex`);
  return Number.parseInt(value, 16);
}

/**
 * The AHCI ports of the machine. Linux has no attribute that says "eSATA"; what it documents is
 * the raw registers of each port's SCSI host, `ahci_port_cmd` (PxCMD) and `ahci_host_caps` (CAP),
 * printed `%x` (Documentation/ABI/testing/sysfs-class-scsi_host, 2.6.35+; drivers/ata/libahci.c
 * `ahci_show_port_cmd`). A port is external when PxCMD.ESP and CAP.SXS are both set: the very
 * test libahci's `ahci_port_init` uses to set ATA_PFLAG_EXTERNAL. Hot-plug capable ports (HPCP),
 * which kernels 6.9+ also mark external, are docking bays as often as eSATA: not counted.
 *
 * @public
 */
export function ahciPorts(root: string): AhciPort[] {
  const sys = reader(root);
  const ports: AhciPort[] = [];
  for (const host of sys.list("/sys/class/scsi_host") ?? []) {
    const base = `/sys/class/scsi_host/${host}`;
    const cmd = hexRegister(sys, `${base}/ahci_port_cmd`);
    const caps = hexRegister(sys, `${base}/ahci_host_caps`);
    if (cmd === null || caps === null) continue;
    const path = sys.realPath(base) ?? "";
    const ataPort = path.split("/").find((p) => /^ata\d+$/.test(p)) ?? null;
    ports.push({
      host,
      ataPort,
      external: (cmd & PORT_CMD_ESP) !== 0 && (caps & HOST_CAP_SXS) !== 0,
    });
  }
  return ports;
}

/**
 * Disks on eSATA ports: every `sd*` whose SCSI host is an AHCI port marked external (see
 * {@link ahciPorts}).
 *
 * @public
 */
export function findEsataTargets(root: string): TargetSearch {
  const sys = reader(root);
  const ports = ahciPorts(root);
  const external = new Map(ports.filter((p) => p.external).map((p) => [p.host, p]));
  const notes: string[] = [];
  if (ports.length === 0)
    return {
      skip: "no AHCI SATA port in /sys/class/scsi_host (no ahci_port_cmd): a SATA controller in IDE mode cannot show an external port, and Linux exposes nothing else that says eSATA; give params.path",
      notes,
    };
  if (external.size === 0)
    return {
      skip: `none of the ${ports.length} AHCI ports is marked external (PxCMD.ESP with CAP.SXS in ahci_port_cmd, ahci_host_caps), and Linux exposes nothing else that says eSATA; plug the disk in and give params.path`,
      notes,
    };
  const found: BlockTarget[] = [];
  for (const name of blockNames(sys, root)) {
    if (!/^sd[a-z]+$/.test(name)) continue;
    const parts = devicePathOf(sys, name)?.split("/") ?? [];
    const host = parts.find((p) => /^host\d+$/.test(p));
    const port = host === undefined ? undefined : external.get(host);
    if (port === undefined) continue;
    const removable = sys.flag(`/sys/block/${name}/removable`);
    if (removable === false)
      notes.push(
        `${name} is on external port ${port.ataPort ?? port.host} but not removable: an older kernel?`,
      );
    found.push({
      name,
      node: `/dev/${name}`,
      sizeBytes: sizeOf(sys, name),
      why: `disk on the eSATA port ${port.ataPort ?? "?"} (${port.host}: PxCMD.ESP, CAP.SXS)`,
    });
  }
  if (found.length === 0) {
    const names = [...external.values()].map((p) => `${p.ataPort ?? "?"} (${p.host})`).join(", ");
    return {
      skip: `no disk on the eSATA port ${names}: plug a disk into it, or give params.path`,
      notes,
    };
  }
  return withMedium(
    found,
    notes,
    (empty) => `the eSATA disk ${empty} has size 0: plug a disk in, or give params.path`,
  );
}
