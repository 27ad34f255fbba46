import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { Diagnostic, Parsed } from "../common.js";
import { normalizeAcpiPath } from "./acpi-path.js";
import type { AcpiDevice } from "./schema.js";

/** Where the kernel lists the ACPI namespace's devices ([K] Documentation/ABI/testing/sysfs-bus-acpi). */
export const ACPI_DEVICES_DIR = "/sys/bus/acpi/devices";

/**
 * The ids in an ACPI device's `modalias` (`acpi:PNP0A08:PNP0A03:`): the hardware id first, then
 * the compatible ids (drivers/acpi/device_sysfs.c `create_pnp_modalias`). Only the `acpi:` line
 * is read (a second `of:` line may follow for `PRP0001` devices). `null` when the text holds no
 * `acpi:` line.
 *
 * @public
 */
export function parseAcpiModalias(text: string, file: string): Parsed<string[]> {
  const line = text.split("\n", 1)[0]?.trim() ?? "";
  if (!line.startsWith("acpi:")) {
    return {
      value: null,
      diagnostics:
        line === ""
          ? []
          : [
              {
                code: "HCL_E_EVIDENCE_MALFORMED",
                file,
                line: 1,
                message: `${file}: an ACPI modalias starts with "acpi:"`,
                expected: "acpi:HID:CID…:",
              },
            ],
    };
  }
  return {
    value: line
      .slice(5)
      .split(":")
      .filter((id) => id !== ""),
    diagnostics: [],
  };
}

/**
 * The devices of the live namespace, from `/sys/bus/acpi/devices/<name>/`: `hid` (the id the
 * firmware's `_HID` returned at boot — a method is already evaluated here), `modalias` (hid and
 * compatible ids), `path`, `uid` and `status` (`_STA`, when the device has one). `null` when the
 * folder is not in the evidence.
 *
 * @public
 */
export function readAcpiDevices(sys: EvidenceFs): Parsed<AcpiDevice[]> {
  const names = sys.list(ACPI_DEVICES_DIR);
  if (names === null) return { value: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const devices = names.map((name) =>
    readDevice(sys, `${ACPI_DEVICES_DIR}/${name}`, name, diagnostics),
  );
  return { value: devices, diagnostics };
}

function readDevice(
  sys: EvidenceFs,
  dir: string,
  name: string,
  diagnostics: Diagnostic[],
): AcpiDevice {
  const hid = text(sys, `${dir}/hid`);
  const path = text(sys, `${dir}/path`);
  const modaliasFile = `${dir}/modalias`;
  const modalias = sys.readText(modaliasFile);
  let ids: string[] = [];
  if (modalias !== null) {
    const parsed = parseAcpiModalias(modalias, modaliasFile);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    ids = parsed.value ?? [];
  }
  const cids = hid !== null && ids[0] === hid ? ids.slice(1) : ids.filter((id) => id !== hid);
  const statusText = text(sys, `${dir}/status`);
  const status = statusText !== null && /^\d{1,10}$/.test(statusText) ? Number(statusText) : null;
  if (statusText !== null && status === null)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: `${dir}/status`,
      message: `${dir}/status holds "${statusText.slice(0, 40)}", not the decimal _STA value`,
      expected: "a decimal integer",
    });
  return {
    path: path !== null ? normalizeAcpiPath(path) : name,
    hid,
    hidCandidates: hid !== null ? [hid] : [],
    cids,
    uid: text(sys, `${dir}/uid`),
    status,
    idSources: [
      ...(hid !== null ? [{ id: hid, object: "_HID" as const, at: { file: `${dir}/hid` } }] : []),
      ...cids.map((id) => ({ id, object: "_CID" as const, at: { file: modaliasFile } })),
    ],
    at: { file: dir },
  };
}

/** A one-value sysfs file, trimmed; `null` when absent or empty. */
function text(sys: EvidenceFs, file: string): string | null {
  const value = sys.readText(file)?.trim();
  return value === undefined || value === "" ? null : value;
}
