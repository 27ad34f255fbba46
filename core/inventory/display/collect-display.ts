import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { parseConnectorName } from "./connector-name.js";
import { parseEdid } from "./parse-edid.js";
import { parseEdidLog } from "./parse-edid-log.js";
import type { Connector, ConnectorStatus, Display, EdidInfo, Monitor } from "./schema.js";

const STATUSES: readonly string[] = ["connected", "disconnected", "unknown"];

/**
 * Video outputs and monitors: the DRM connectors of the sysroot's `/sys/class/drm`
 * (`status`, `enabled`, `edid`) and the monitors of hw-probe's `logs/edid`. `null` when the
 * source has neither.
 *
 * @public
 */
export function collectDisplay(source: EvidenceSource): Parsed<Display> {
  const diagnostics: Diagnostic[] = [];
  let connectors: Connector[] | null = null;
  if (source.sys !== null) {
    const sys = new SysfsReader(source.sys, diagnostics);
    const names = sys.list("/sys/class/drm");
    if (names !== null) {
      connectors = [];
      for (const name of names) {
        const parsed = parseConnectorName(name);
        if (parsed !== null) connectors.push(readConnector(sys, name, parsed));
      }
    }
  }
  let monitors: Monitor[] | null = null;
  const log = source.log("edid");
  if (log !== null) {
    const parsed = parseEdidLog(log.text, log.name);
    monitors = parsed.value;
    diagnostics.push(...parsed.diagnostics);
  }
  if (connectors === null && monitors === null) return { value: null, diagnostics };
  return { value: { connectors, monitors }, diagnostics };
}

function readConnector(
  sys: SysfsReader,
  name: string,
  { card, kind }: { card: string; kind: string },
): Connector {
  const base = `/sys/class/drm/${name}`;
  const status = sys.value(`${base}/status`);
  if (status !== null && !STATUSES.includes(status))
    sys.diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: `${base}/status`,
      message: `${base}/status holds ${JSON.stringify(status.slice(0, 40))}`,
      expected: "connected, disconnected or unknown",
    });
  const enabled = sys.value(`${base}/enabled`);
  return {
    name,
    card,
    kind,
    status: status !== null && STATUSES.includes(status) ? (status as ConnectorStatus) : null,
    enabled: enabled === "enabled" ? true : enabled === "disabled" ? false : null,
    edid: readEdid(sys, `${base}/edid`),
    at: { file: base },
  };
}

/** The connector's EDID; an empty file (nothing connected, or no EDID read) is `null`. */
function readEdid(sys: SysfsReader, file: string): EdidInfo | null {
  const bytes = sys.fs.readBytes(file);
  if (bytes === null || bytes.length === 0) return null;
  const parsed = parseEdid(bytes, file);
  sys.diagnostics.push(...parsed.diagnostics);
  return parsed.value;
}
