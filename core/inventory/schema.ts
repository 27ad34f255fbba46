import Type, { type Static } from "typebox";
import { CapabilitiesSchema } from "../capabilities/schema.js";
import { PlatformSchema } from "../platform/schema.js";
import { AcpiSchema } from "./acpi/schema.js";
import { DiagnosticSchema, Nullable } from "./common.js";
import { CpuSchema } from "./cpu/schema.js";
import { DisplaySchema } from "./display/schema.js";
import { KernelSchema } from "./kernel/schema.js";
import { MeiDeviceSchema } from "./mei/schema.js";
import { MemorySchema } from "./memory/schema.js";
import { NetInterfaceSchema } from "./net/schema.js";
import { PciFunctionSchema } from "./pci/schema.js";
import { PowerSchema } from "./power/schema.js";
import { SmbiosSchema } from "./smbios/schema.js";
import { InventorySourceSchema } from "./source-schema.js";
import { StorageSchema } from "./storage/schema.js";
import { TpmDeviceSchema } from "./tpm/schema.js";
import { UsbDeviceSchema } from "./usb/schema.js";

/** Version of the inventory's JSON shape; bumped on a breaking change. @public */
export const INVENTORY_SCHEMA_VERSION = 1;

/**
 * The inventory: one machine's evidence, normalized and typed, every record with the file and
 * lines (or sysfs path) it was read from. A section is `null` when the evidence cannot tell —
 * never an empty list, which means the evidence shows there is none. Published as
 * `schemas/inventory.schema.json`.
 *
 * @public
 */
export const InventorySchema = Type.Object(
  {
    schemaVersion: Type.Literal(INVENTORY_SCHEMA_VERSION),
    source: InventorySourceSchema,
    kernel: Nullable(KernelSchema),
    smbios: Nullable(SmbiosSchema),
    cpu: Nullable(CpuSchema),
    memory: Nullable(MemorySchema),
    pci: Nullable(Type.Array(PciFunctionSchema)),
    usb: Nullable(Type.Array(UsbDeviceSchema)),
    acpi: Nullable(AcpiSchema),
    power: Nullable(PowerSchema),
    tpm: Nullable(Type.Array(TpmDeviceSchema)),
    mei: Nullable(Type.Array(MeiDeviceSchema)),
    net: Nullable(Type.Array(NetInterfaceSchema)),
    storage: Nullable(StorageSchema),
    display: Nullable(DisplaySchema),
    diagnostics: Type.Array(DiagnosticSchema),
    /** The platform plugin chosen for the machine; `null` when plugins were not run. */
    platform: Nullable(PlatformSchema),
    /** The capability summary of DESIGN.md; `null` when plugins were not run. */
    capabilities: Nullable(CapabilitiesSchema),
  },
  {
    additionalProperties: false,
    $id: "https://hclkit.dev/schemas/inventory.schema.json",
    title: "hclkit inventory",
    description: "One machine's hardware evidence, normalized; null = unknown from this evidence.",
  },
);

/** @public */
export type Inventory = Static<typeof InventorySchema>;
