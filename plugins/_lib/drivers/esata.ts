import type { Driver, Evidence, Fact } from "../../../core/plugin/api.js";
import type { Inventory, PciFunction } from "../../../core/inventory/inventory.js";
import { absent, cite } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { desktopTemplateMarker, isReferenceEsata } from "../read/firmware-templates.js";
import { describePci, pciId } from "../read/pci.js";

/** How a SATA controller runs: its PCI class 0106 (AHCI), 0101 (IDE) or 0104 (RAID). */
export type SataMode = "ahci" | "ide" | "raid";

/** A chipset SATA controller the plugin knows, by `vendor:device`. */
export interface SataControllerInfo {
  readonly name: string;
  readonly mode: SataMode;
  /** SATA ports of the controller (pci.ids name, Intel datasheet). */
  readonly ports: number;
}

/** Options of {@link esataDriver}. */
export interface EsataDriverOptions {
  readonly id?: string;
  readonly title?: string;
  /** The platform's SATA controllers; others are described from their class code. */
  readonly sataControllers?: Readonly<Record<string, SataControllerInfo>>;
}

const ESATA = /e-?SATA/i;
const DOCK = /dock/i;
const MODE_BY_CLASS: Readonly<Record<string, SataMode>> = {
  "0106": "ahci",
  "0101": "ide",
  "0104": "raid",
};

/**
 * The eSATA driver. No sysfs attribute says "eSATA" (an AHCI port marked external only makes its
 * disk `removable`, drivers/ata/libahci.c), so the port count comes from the firmware: SMBIOS type 8
 * connectors of the machine itself (`eSATA 1`, `USB/eSATA Combo`, `eSATA Port`) and Dell's OEM
 * strings (`System eSATA Bay`); connectors of a docking station are not the machine's. Intel's
 * reference-BIOS defaults (`J7J1 eSATA Port 4`, `J6J1 eSATA Port 3`) and desktop templates on a
 * notebook are not evidence. No string at all proves nothing: the count is then unknown.
 */
export function esataDriver(options: EsataDriverOptions = {}): Driver {
  return {
    id: options.id ?? "esata",
    class: "esata",
    title: options.title ?? "eSATA ports from SMBIOS connectors and OEM strings",
    probe: ({ inventory }) => {
      if (inventory.smbios === null && inventory.pci === null) return null;
      const facts: Facts = {
        ports: ports(inventory),
        ...sataFacts(inventory, options.sataControllers ?? {}),
      };
      return [platformDevice("esata", "External SATA", facts)];
    },
  };
}

function ports(inventory: Inventory): Fact {
  const smbios = inventory.smbios;
  if (smbios === null)
    return unknown(
      "no SMBIOS table in the evidence",
      absent("logs/dmidecode", "not in the evidence"),
    );
  const template = desktopTemplateMarker(inventory);
  const ignored: Evidence[] = [];
  const fromType8: Evidence[] = [];
  for (const port of smbios.portConnectors ?? []) {
    const names = [port.internalDesignator, port.externalDesignator]
      .filter((n) => n !== null)
      .join(" / ");
    if (!ESATA.test(names)) continue;
    const text = `type 8: ${names} (${port.portType ?? "?"})`;
    if (DOCK.test(names))
      ignored.push(cite(port.at, text, "a docking-station connector, not the machine's"));
    else if (isReferenceEsata(port))
      ignored.push(
        cite(port.at, text, "Intel reference-BIOS default, copied verbatim: not evidence"),
      );
    else if (template !== null)
      ignored.push(cite(port.at, text, "part of a desktop template: not evidence"));
    else fromType8.push(cite(port.at, text, "an eSATA connector on the machine"));
  }
  const fromDell: Evidence[] = [];
  for (const record of smbios.dellStrings ?? []) {
    for (const s of record.strings.filter((s) => ESATA.test(s))) {
      if (DOCK.test(s))
        ignored.push(
          cite(
            record.at,
            `type ${record.type}: "${s.trim()}"`,
            "the docking station's bay, not the machine's",
          ),
        );
      else
        fromDell.push(
          cite(
            record.at,
            `type ${record.type}: "${s.trim()}"`,
            "Dell OEM string: an eSATA bay on the machine",
          ),
        );
    }
  }
  // The same port may be both a type 8 connector and a Dell string: the larger count, not the sum.
  const count = Math.max(fromType8.length, fromDell.length);
  if (count > 0)
    return known(
      count,
      ...(fromType8.length >= fromDell.length ? fromType8 : fromDell),
      ...ignored,
    );
  if (template !== null) {
    const text = `type 8: ${template.internalDesignator ?? ""} / ${template.externalDesignator ?? ""}`;
    return unknown(
      "the SMBIOS port connectors are a desktop template on a notebook and cannot be trusted",
      cite(template.at, text),
      ...ignored,
    );
  }
  const why =
    (smbios.portConnectors ?? []).length === 0
      ? "no SMBIOS type 8 connectors and no eSATA string: the absence of a string does not prove the absence of a port"
      : "no eSATA connector among the SMBIOS type 8 records, which need not list every port";
  return unknown(
    why,
    cite(smbios.at, `${smbios.portConnectors?.length ?? 0} type 8 records`),
    ...ignored,
  );
}

function sataFacts(
  inventory: Inventory,
  table: Readonly<Record<string, SataControllerInfo>>,
): Facts {
  if (inventory.pci === null) return {};
  const controllers = inventory.pci.filter(
    (fn) => table[pciId(fn)] !== undefined || MODE_BY_CLASS[fn.classId] !== undefined,
  );
  const chipset =
    controllers.find((fn) => table[pciId(fn)] !== undefined) ??
    controllers.find((fn) => fn.vendorId === "8086") ??
    controllers[0];
  if (chipset === undefined) {
    return {
      sataMode: known("none", {
        source: inventory.pci[0]?.at.file ?? "logs/lspci_all",
        note: "no SATA controller listed",
      }),
    };
  }
  const facts: Facts = {
    sataMode: known(
      modeOf(chipset, table),
      cite(chipset.at, describePci(chipset), noteOf(chipset, table)),
    ),
  };
  const blocks = inventory.storage?.blocks;
  if (blocks !== null && blocks !== undefined) {
    // A disk on an AHCI port the firmware marks external is `removable` (ATA_PFLAG_EXTERNAL →
    // SCSI RMB, drivers/ata/libahci.c, libata-scsi.c): a port in use now, not a port count.
    const external = blocks.filter(
      (b) => b.removable === true && b.ataPort !== null && b.pciAddress === chipset.address,
    );
    facts["externalDisks"] = known(
      external.length,
      ...(external.length > 0
        ? external.map((b) =>
            cite(
              b.at,
              `${b.name} on ${b.ataPort ?? "?"}: removable`,
              "a disk on a port marked external",
            ),
          )
        : [
            {
              source: "/sys/block",
              note: "no removable disk on the SATA controller's ports right now",
            },
          ]),
    );
  }
  return facts;
}

function modeOf(fn: PciFunction, table: Readonly<Record<string, SataControllerInfo>>): SataMode {
  return table[pciId(fn)]?.mode ?? MODE_BY_CLASS[fn.classId] ?? "ide";
}

function noteOf(fn: PciFunction, table: Readonly<Record<string, SataControllerInfo>>): string {
  const info = table[pciId(fn)];
  const mode = modeOf(fn, table);
  const external =
    mode === "ide"
      ? "IDE mode: no AHCI, so the OS cannot see a port marked external (ata_piix)"
      : "AHCI ports can be marked external (PxCMD.ESP, drivers/ata/ahci.h)";
  return info === undefined ? external : `${info.name}, ${info.ports} ports; ${external}`;
}
