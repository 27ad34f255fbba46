/**
 * An index over the text of an ID database in the pci.ids / usb.ids layout (maintained by the
 * PCI ID and Linux USB projects; the syntax is described at the head of each file):
 *
 * ```
 * 8086  Intel Corporation                  vendor: 4 hex digits, two spaces, name
 * \t3b07  QM57 Chipset LPC Interface …      device (one tab)
 * \t\t17aa 2193  ThinkPad T410             subsystem (pci.ids) or interface (usb.ids): two tabs
 * C 0c  Serial bus controller              class section
 * \t03  USB controller                     subclass
 * \t\t30  XHCI                             programming interface (protocol in usb.ids)
 * ```
 *
 * Other sections (`AT`, `HID`, `L`… in usb.ids) are skipped. Building the index only notes where
 * each vendor's block starts and ends; a vendor's devices are read the first time one is asked
 * for, so loading the 1.3 MB pci.ids costs one scan of its line starts.
 *
 * @public
 */
export class IdsIndex {
  private readonly vendors = new Map<string, VendorBlock>();
  private readonly classes = new Map<string, string>();

  constructor(private readonly text: string) {
    this.scan();
  }

  /** Number of vendors the database lists. */
  get vendorCount(): number {
    return this.vendors.size;
  }

  /** The name of a vendor (`8086` → `Intel Corporation`). */
  vendor(vendorId: string): string | null {
    return this.vendors.get(vendorId.toLowerCase())?.name ?? null;
  }

  /** The name of a device of a vendor. */
  device(vendorId: string, deviceId: string): string | null {
    return this.devices(vendorId)?.get(deviceId.toLowerCase())?.name ?? null;
  }

  /** The name of a two-tab entry under a device: a subsystem key `"17aa 2193"`, an interface `"00"`. */
  child(vendorId: string, deviceId: string, key: string): string | null {
    return (
      this.devices(vendorId)?.get(deviceId.toLowerCase())?.children.get(key.toLowerCase()) ?? null
    );
  }

  /**
   * The name of a class entry: `"0c"` (class), `"0c 03"` (subclass), `"0c 03 30"` (programming
   * interface or protocol).
   */
  classEntry(key: string): string | null {
    return this.classes.get(key.toLowerCase()) ?? null;
  }

  private devices(vendorId: string): Map<string, DeviceEntry> | null {
    const block = this.vendors.get(vendorId.toLowerCase());
    if (block === undefined) return null;
    if (block.devices === null) block.devices = this.readVendor(block.start, block.end);
    return block.devices;
  }

  /** One pass over the line starts: vendor positions, class entries. */
  private scan(): void {
    const text = this.text;
    let section: "vendor" | "class" | "other" = "other";
    let current: VendorBlock | null = null;
    let cls = "";
    let sub = "";
    for (let pos = 0; pos < text.length;) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      const first = text.charCodeAt(pos);
      if (first === TAB) {
        if (section === "class") {
          const depth = text.charCodeAt(pos + 1) === TAB ? 2 : 1;
          const entry = idAndName(text.slice(pos + depth, end));
          if (entry !== null && depth === 1) {
            sub = entry.id;
            this.classes.set(`${cls} ${sub}`, entry.name);
          } else if (entry !== null && sub !== "") {
            this.classes.set(`${cls} ${sub} ${entry.id}`, entry.name);
          }
        }
      } else if (first !== HASH && end > pos) {
        if (current !== null) current.end = pos;
        current = null;
        const line = text.slice(pos, end);
        const vendor = isHex4At(line, 0) ? idAndName(line) : null;
        if (vendor !== null && vendor.id.length === 4) {
          section = "vendor";
          current = { name: vendor.name, start: end + 1, end: text.length, devices: null };
          this.vendors.set(vendor.id, current);
        } else if (line.startsWith("C ")) {
          const entry = idAndName(line.slice(2));
          section = entry === null ? "other" : "class";
          cls = entry?.id ?? "";
          sub = "";
          if (entry !== null) this.classes.set(cls, entry.name);
        } else {
          section = "other";
        }
      }
      pos = end + 1;
    }
  }

  private readVendor(start: number, end: number): Map<string, DeviceEntry> {
    const devices = new Map<string, DeviceEntry>();
    let device: DeviceEntry | null = null;
    const block = this.text.slice(Math.min(start, end), end);
    for (const line of block.split("\n")) {
      if (line.startsWith("\t\t")) {
        const entry = idAndName(line.slice(2));
        if (entry !== null && device !== null) device.children.set(entry.id, entry.name);
      } else if (line.startsWith("\t")) {
        const entry = idAndName(line.slice(1));
        device = entry === null ? null : { name: entry.name, children: new Map() };
        if (entry !== null && device !== null) devices.set(entry.id, device);
      }
    }
    return devices;
  }
}

interface VendorBlock {
  readonly name: string;
  /** Offset of the first line after the vendor line. */
  readonly start: number;
  /** Offset of the next top-level line (or the end of the text). */
  end: number;
  devices: Map<string, DeviceEntry> | null;
}

interface DeviceEntry {
  readonly name: string;
  readonly children: Map<string, string>;
}

const TAB = 9;
const HASH = 35;

function isHex4At(line: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/**
 * `"17aa 2193  ThinkPad T410"` → id `"17aa 2193"`, name `"ThinkPad T410"`: the id is what comes
 * before the first run of two spaces (or a tab); a line without a name is not an entry.
 */
function idAndName(line: string): { id: string; name: string } | null {
  let cut = line.indexOf("  ");
  const tab = line.indexOf("\t");
  if (tab >= 0 && (cut < 0 || tab < cut)) cut = tab;
  if (cut <= 0) return null;
  const id = line.slice(0, cut).trim().toLowerCase();
  const name = line.slice(cut).trim();
  return id === "" || name === "" ? null : { id, name };
}
