/**
 * Names of SMBIOS structure types and of the enumerated values the inventory decodes, from the
 * DMTF SMBIOS Reference Specification (DSP0134 3.x, the section is given on each table). The
 * spellings are those dmidecode prints, so a structure decoded from the binary table and the same
 * structure read from dmidecode's text carry the same words.
 */

/** dmidecode's value for a code outside the specification's table. @public */
export const OUT_OF_SPEC = "<OUT OF SPEC>";

/** Structure titles by type, DSP0134 §7.1–7.47 (dmidecode's headings). */
const STRUCTURE_NAMES: readonly string[] = [
  "BIOS Information",
  "System Information",
  "Base Board Information",
  "Chassis Information",
  "Processor Information",
  "Memory Controller Information",
  "Memory Module Information",
  "Cache Information",
  "Port Connector Information",
  "System Slot Information",
  "On Board Device Information",
  "OEM Strings",
  "System Configuration Options",
  "BIOS Language Information",
  "Group Associations",
  "System Event Log",
  "Physical Memory Array",
  "Memory Device",
  "32-bit Memory Error Information",
  "Memory Array Mapped Address",
  "Memory Device Mapped Address",
  "Built-in Pointing Device",
  "Portable Battery",
  "System Reset",
  "Hardware Security",
  "System Power Controls",
  "Voltage Probe",
  "Cooling Device",
  "Temperature Probe",
  "Electrical Current Probe",
  "Out-of-band Remote Access",
  "Boot Integrity Services Entry Point",
  "System Boot Information",
  "64-bit Memory Error Information",
  "Management Device",
  "Management Device Component",
  "Management Device Threshold Data",
  "Memory Channel",
  "IPMI Device Information",
  "System Power Supply",
  "Additional Information",
  "Onboard Device",
  "Management Controller Host Interface",
  "TPM Device",
  "Processor Additional Information",
  "Firmware Inventory Information",
  "String Property",
];

/**
 * The title dmidecode gives a structure type: the specification's name for types 0–46,
 * `Inactive` (126), `End Of Table` (127), `OEM-specific Type` for 128–255.
 *
 * @public
 */
export function structureName(type: number): string {
  if (type === 126) return "Inactive";
  if (type === 127) return "End Of Table";
  if (type >= 128) return "OEM-specific Type";
  return STRUCTURE_NAMES[type] ?? "Unknown Type";
}

/**
 * The type of a standard structure from its dmidecode title (`Chassis Information` → 3), for
 * a block whose `Handle` line is missing; `null` for any other title.
 *
 * @public
 */
export function typeOfName(name: string): number | null {
  if (name === "Inactive") return 126;
  if (name === "End Of Table") return 127;
  const index = STRUCTURE_NAMES.indexOf(name);
  return index < 0 ? null : index;
}

/** Chassis types, DSP0134 §7.4.1, codes 0x01–0x24. */
const CHASSIS_TYPES: readonly string[] = [
  "Other",
  "Unknown",
  "Desktop",
  "Low Profile Desktop",
  "Pizza Box",
  "Mini Tower",
  "Tower",
  "Portable",
  "Laptop",
  "Notebook",
  "Hand Held",
  "Docking Station",
  "All In One",
  "Sub Notebook",
  "Space-saving",
  "Lunch Box",
  "Main Server Chassis",
  "Expansion Chassis",
  "Sub Chassis",
  "Bus Expansion Chassis",
  "Peripheral Chassis",
  "RAID Chassis",
  "Rack Mount Chassis",
  "Sealed-case PC",
  "Multi-system",
  "CompactPCI",
  "AdvancedTCA",
  "Blade",
  "Blade Enclosing",
  "Tablet",
  "Convertible",
  "Detachable",
  "IoT Gateway",
  "Embedded PC",
  "Mini PC",
  "Stick PC",
];

/** Name of a chassis type code (bits 6:0 of type 3 offset 05h; bit 7 is the lock). @public */
export function chassisTypeName(code: number): string {
  return CHASSIS_TYPES[(code & 0x7f) - 1] ?? OUT_OF_SPEC;
}

/** Code of a chassis type name, the inverse of {@link chassisTypeName}; `null` when unknown. @public */
export function chassisTypeCode(name: string): number | null {
  const index = CHASSIS_TYPES.indexOf(name);
  return index < 0 ? null : index + 1;
}

/** Port connector types, DSP0134 §7.9.2, codes 0x00–0x23 (0xA0–0xA4 PC-98, 0xFF Other). */
const CONNECTOR_TYPES: readonly string[] = [
  "None",
  "Centronics",
  "Mini Centronics",
  "Proprietary",
  "DB-25 male",
  "DB-25 female",
  "DB-15 male",
  "DB-15 female",
  "DB-9 male",
  "DB-9 female",
  "RJ-11",
  "RJ-45",
  "50 Pin MiniSCSI",
  "Mini DIN",
  "Micro DIN",
  "PS/2",
  "Infrared",
  "HP-HIL",
  "Access Bus (USB)",
  "SSA SCSI",
  "Circular DIN-8 male",
  "Circular DIN-8 female",
  "On Board IDE",
  "On Board Floppy",
  "9 Pin Dual Inline (pin 10 cut)",
  "25 Pin Dual Inline (pin 26 cut)",
  "50 Pin Dual Inline",
  "68 Pin Dual Inline",
  "On Board Sound Input From CD-ROM",
  "Mini Centronics Type-14",
  "Mini Centronics Type-26",
  "Mini Jack (headphones)",
  "BNC",
  "IEEE 1394",
  "SAS/SATA Plug Receptacle",
  "USB Type-C Receptacle",
];
const CONNECTOR_TYPES_A0: readonly string[] = [
  "PC-98",
  "PC-98 Hireso",
  "PC-H98",
  "PC-98 Note",
  "PC-98 Full",
];

/** Name of a port connector type code (type 8 offsets 05h and 07h). @public */
export function connectorTypeName(code: number): string {
  if (code === 0xff) return "Other";
  if (code >= 0xa0) return CONNECTOR_TYPES_A0[code - 0xa0] ?? OUT_OF_SPEC;
  return CONNECTOR_TYPES[code] ?? OUT_OF_SPEC;
}

/** Port types, DSP0134 §7.9.3, codes 0x00–0x23 (0xA0–0xA1 8251, 0xFF Other). */
const PORT_TYPES: readonly string[] = [
  "None",
  "Parallel Port XT/AT Compatible",
  "Parallel Port PS/2",
  "Parallel Port ECP",
  "Parallel Port EPP",
  "Parallel Port ECP/EPP",
  "Serial Port XT/AT Compatible",
  "Serial Port 16450 Compatible",
  "Serial Port 16550 Compatible",
  "Serial Port 16550A Compatible",
  "SCSI Port",
  "MIDI Port",
  "Joystick Port",
  "Keyboard Port",
  "Mouse Port",
  "SSA SCSI",
  "USB",
  "Firewire (IEEE P1394)",
  "PCMCIA Type I",
  "PCMCIA Type II",
  "PCMCIA Type III",
  "Cardbus",
  "Access Bus Port",
  "SCSI II",
  "SCSI Wide",
  "PC-98",
  "PC-98 Hireso",
  "PC-H98",
  "Video Port",
  "Audio Port",
  "Modem Port",
  "Network Port",
  "SATA",
  "SAS",
  "MFDP (Multi-Function Display Port)",
  "Thunderbolt",
];

/** Name of a port type code (type 8 offset 08h). @public */
export function portTypeName(code: number): string {
  if (code === 0xff) return "Other";
  if (code === 0xa0) return "8251 Compatible";
  if (code === 0xa1) return "8251 FIFO Compatible";
  return PORT_TYPES[code] ?? OUT_OF_SPEC;
}

/** Memory device types, DSP0134 §7.18.2, codes 0x01–0x24 (0x15–0x17 reserved). */
const MEMORY_TYPES: readonly string[] = [
  "Other",
  "Unknown",
  "DRAM",
  "EDRAM",
  "VRAM",
  "SRAM",
  "RAM",
  "ROM",
  "Flash",
  "EEPROM",
  "FEPROM",
  "EPROM",
  "CDRAM",
  "3DRAM",
  "SDRAM",
  "SGRAM",
  "RDRAM",
  "DDR",
  "DDR2",
  "DDR2 FB-DIMM",
  "Reserved",
  "Reserved",
  "Reserved",
  "DDR3",
  "FBD2",
  "DDR4",
  "LPDDR",
  "LPDDR2",
  "LPDDR3",
  "LPDDR4",
  "Logical non-volatile device",
  "HBM",
  "HBM2",
  "DDR5",
  "LPDDR5",
  "HBM3",
];

/** Name of a memory device type code (type 17 offset 12h). @public */
export function memoryTypeName(code: number): string {
  return MEMORY_TYPES[code - 1] ?? OUT_OF_SPEC;
}

/** Battery chemistries, DSP0134 §7.23.1, codes 0x01–0x08. */
const CHEMISTRIES: readonly string[] = [
  "Other",
  "Unknown",
  "Lead Acid",
  "Nickel Cadmium",
  "Nickel Metal Hydride",
  "Lithium Ion",
  "Zinc Air",
  "Lithium Polymer",
];

/** Name of a battery chemistry code (type 22 offset 09h). @public */
export function chemistryName(code: number): string {
  return CHEMISTRIES[code - 1] ?? OUT_OF_SPEC;
}

/** Processor characteristics, DSP0134 §7.5.9: bits 2–9 of type 4 offset 26h. */
const PROCESSOR_CHARACTERISTICS: readonly string[] = [
  "64-bit capable",
  "Multi-Core",
  "Hardware Thread",
  "Execute Protection",
  "Enhanced Virtualization",
  "Power/Performance Control",
  "128-bit Capable",
  "Arm64 SoC ID",
];

/** Names of the processor characteristic bits set in `code`, lowest bit first. @public */
export function processorCharacteristics(code: number): string[] {
  const names: string[] = [];
  for (let bit = 2; bit <= 9; bit++)
    if (code & (1 << bit)) names.push(PROCESSOR_CHARACTERISTICS[bit - 2] as string);
  return names;
}
