import { existsSync, readdirSync } from "node:fs";
import { expect } from "chai";
import { DirectoryFs } from "../../../../../core/evidence/evidence-fs.js";
import { MemoryFs } from "../../../../../core/evidence/memory-fs.js";
import { collectDisplay } from "../../../../../core/inventory/display/collect-display.js";
import { testSource } from "../../../../helpers/evidence-source.js";
import { hwProbeEdidPart, linuxhwEdid } from "./edid-fixtures.js";

const IGD = "/sys/devices/pci0000:00/0000:00:02.0/drm/card0";

/** /sys/class/drm of a laptop with i915 (drivers/gpu/drm/drm_sysfs.c): panel on, outputs free. */
function laptop(): MemoryFs {
  const entries: Record<string, string | Uint8Array | { link: string }> = {
    "/sys/class/drm/card0": { link: "../../devices/pci0000:00/0000:00:02.0/drm/card0" },
    "/sys/class/drm/renderD128": { link: "../../devices/pci0000:00/0000:00:02.0/drm/renderD128" },
    "/sys/class/drm/version": "drm 1.1.0 20060810\n",
  };
  for (const [name, status, enabled, edid] of [
    ["LVDS-1", "connected", "enabled", linuxhwEdid("LGD0254-8CC0EB7CB47D").bytes],
    ["VGA-1", "disconnected", "disabled", new Uint8Array(0)],
    ["HDMI-A-1", "disconnected", "disabled", new Uint8Array(0)],
    ["DP-1", "unknown", "disabled", new Uint8Array(0)],
  ] as const) {
    entries[`/sys/class/drm/card0-${name}`] = {
      link: `../../devices/pci0000:00/0000:00:02.0/drm/card0/card0-${name}`,
    };
    entries[`${IGD}/card0-${name}/status`] = `${status}\n`;
    entries[`${IGD}/card0-${name}/enabled`] = `${enabled}\n`;
    entries[`${IGD}/card0-${name}/edid`] = edid;
  }
  return new MemoryFs(entries);
}

describe("collectDisplay", () => {
  it("reads each connector's kind, status and monitor: the panel on LVDS, nothing on VGA, HDMI, DP", () => {
    const { value, diagnostics } = collectDisplay(testSource(laptop()));
    expect(diagnostics).to.deep.equal([]);
    expect(value?.monitors).to.equal(null);
    expect(
      value?.connectors?.map((c) => [
        c.name,
        c.card,
        c.kind,
        c.status,
        c.enabled,
        c.edid?.manufacturer ?? null,
      ]),
    ).to.deep.equal([
      ["card0-DP-1", "card0", "DP", "unknown", false, null],
      ["card0-HDMI-A-1", "card0", "HDMI-A", "disconnected", false, null],
      ["card0-LVDS-1", "card0", "LVDS", "connected", true, "LGD"],
      ["card0-VGA-1", "card0", "VGA", "disconnected", false, null],
    ]);
    const panel = value?.connectors?.find((c) => c.kind === "LVDS");
    expect(panel?.at).to.deep.equal({ file: "/sys/class/drm/card0-LVDS-1" });
    expect(panel?.edid?.at).to.deep.equal({ file: "/sys/class/drm/card0-LVDS-1/edid" });
  });

  it("reads the monitors of logs/edid, and knows nothing without either source", () => {
    const log = hwProbeEdidPart(
      "/sys/class/drm/card0-LVDS-1/edid",
      linuxhwEdid("LGD0254-8CC0EB7CB47D"),
    );
    const { value } = collectDisplay(testSource(null, { edid: log }));
    expect(value?.connectors).to.equal(null);
    expect(value?.monitors?.map((m) => m.kind)).to.deep.equal(["LVDS"]);
    expect(collectDisplay(testSource(null)).value).to.equal(null);
    expect(collectDisplay(testSource(new MemoryFs({}))).value).to.equal(null);
  });

  it("says no connector for a DRM class without any, and reports a status of another form", () => {
    expect(
      collectDisplay(testSource(new MemoryFs({}, ["/sys/class/drm"]))).value?.connectors,
    ).to.deep.equal([]);
    const fs = laptop();
    fs.set(`${IGD}/card0-VGA-1/status`, "on fire\n");
    const { value, diagnostics } = collectDisplay(testSource(fs));
    expect(value?.connectors?.find((c) => c.kind === "VGA")?.status).to.equal(null);
    expect(diagnostics[0]).to.include({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "/sys/class/drm/card0-VGA-1/status",
    });
  });

  it("lists this machine's connectors as its /sys/class/drm does", function () {
    if (!existsSync("/sys/class/drm")) this.skip();
    const names = readdirSync("/sys/class/drm").filter((n) => /^card\d+-.+-\d+$/.test(n));
    const { value } = collectDisplay(testSource(new DirectoryFs("/")));
    expect(value?.connectors?.map((c) => c.name)).to.deep.equal(names.sort());
  });
});
