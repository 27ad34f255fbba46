import type { Device, Driver } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import type { SmbiosPortConnector } from "../../../core/inventory/smbios/schema.js";
import { cite } from "../facts/evidence.js";
import { otherDevice } from "../facts/device.js";
import { known, unknown } from "../facts/fact.js";
import { desktopTemplateMarker } from "../read/firmware-templates.js";

/** Options of {@link displayDriver}. */
export interface DisplayDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

/**
 * The display driver: one device per video output. The DRM connectors of `/sys/class/drm` give
 * every output a KMS driver drives and whether a monitor is on it (drivers/gpu/drm/drm_sysfs.c);
 * without them, the external video connectors of SMBIOS type 8 (not a desktop template) give the
 * outputs, with their connection unknown.
 */
export function displayDriver(options: DisplayDriverOptions = {}): Driver {
  return {
    id: options.id ?? "display",
    class: "display",
    title: options.title ?? "Video outputs from DRM connectors or SMBIOS connectors",
    probe: ({ inventory }) => {
      const connectors = inventory.display?.connectors;
      if (connectors !== null && connectors !== undefined) {
        return connectors.map((c) => {
          const at = cite(c.at, `${c.name}: ${c.status ?? "status unknown"}`);
          const connected =
            c.status === "connected"
              ? known(true, at)
              : c.status === "disconnected"
                ? known(false, at)
                : unknown("the connector's status is unknown", at);
          return otherDevice(
            "display",
            `drm-${c.name}`,
            "drm",
            c.name,
            { kind: known(c.kind, at), connected },
            [at],
          );
        });
      }
      return smbiosOutputs(inventory);
    },
  };
}

function smbiosOutputs(inventory: Inventory): Device[] | null {
  if (desktopTemplateMarker(inventory) !== null) return null;
  const video = (inventory.smbios?.portConnectors ?? []).filter((p) => p.portType === "Video Port");
  if (video.length === 0) return null;
  return video.map((port, i) => {
    const name = port.externalDesignator ?? port.internalDesignator ?? `video ${i + 1}`;
    const at = cite(
      port.at,
      `type 8: ${name} (${port.externalType ?? port.internalType ?? "?"})`,
      "an external video connector the firmware lists",
    );
    const kind = kindOf(port);
    return otherDevice(
      "display",
      `smbios-port-${port.handle ?? i}`,
      "platform",
      name,
      {
        kind:
          kind === null
            ? unknown("the connector's name does not say its kind", at)
            : known(kind, at),
        connected: unknown(
          "SMBIOS lists connectors, not monitors; /sys/class/drm is not in the evidence",
          at,
        ),
      },
      [at],
    );
  });
}

/** The DRM connector kind (drm_connector.c names) a type 8 video connector is. */
function kindOf(port: SmbiosPortConnector): string | null {
  const text = [port.externalDesignator, port.internalDesignator, port.externalType]
    .filter((s) => s !== null)
    .join(" ");
  if (/display ?port|\bDP\b/i.test(text)) return "DP";
  if (/HDMI/i.test(text)) return "HDMI-A";
  if (/DVI/i.test(text)) return "DVI-D";
  if (/VGA|CRT|DB-15|monitor/i.test(text)) return "VGA";
  return null;
}
