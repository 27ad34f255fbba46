import type { Capabilities } from "../capabilities/schema.js";
import type { Platform } from "../platform/schema.js";

/** `yes`, `no`, or `unknown` for a tri-state value. */
export function yesNo(value: boolean | null | undefined): string {
  return value === true ? "yes" : value === false ? "no" : "unknown";
}

/** `file:line` of a source reference. */
export function cite(at: { file: string; line?: number | undefined } | null): string {
  if (at === null) return "";
  return at.line === undefined ? at.file : `${at.file}:${at.line}`;
}

/** The chosen platform and why: plugin, version, score, and the evidence that matched. */
export function renderPlatform(platform: Platform | null): string {
  if (platform === null) return "Platform   none (no plugin loaded)\n";
  const why = platform.evidence
    .map((e) =>
      e.kind === "fallback"
        ? "no platform plugin matched: generic fallback"
        : `${e.kind === "pci" ? "PCI" : "SMBIOS 131 PCH"} ${e.id} (${cite(e.at)})`,
    )
    .join("; ");
  const others = platform.candidates
    .filter((c) => c.plugin !== platform.plugin)
    .map((c) => `${c.plugin} ${c.score}`);
  return `Platform   ${platform.plugin} ${platform.version}: ${platform.title}, score ${platform.score}: ${why}${others.length ? `\n           other candidates: ${others.join(", ")}` : ""}\n`;
}

/** The capability summary, every name of DESIGN.md, unknowns spelled out. */
export function renderCapabilities(c: Capabilities): string {
  const list = (
    items:
      readonly { vendorId: string | null; deviceId: string | null; name: string | null }[] | null,
  ): string =>
    items === null
      ? "unknown"
      : items.length === 0
        ? "none"
        : `${items.length}: ${items.map((i) => `${i.vendorId ?? "?"}:${i.deviceId ?? "?"} ${i.name ?? ""}`.trim()).join("; ")}`;
  const value = (v: string | number | null): string => (v === null ? "unknown" : String(v));
  const lines = [
    `tpm          present ${yesNo(c.tpm.present)}, version ${value(c.tpm.version)}, vendor ${value(c.tpm.vendor)}, enabled ${yesNo(c.tpm.enabled)}, active ${yesNo(c.tpm.active)}, owned ${yesNo(c.tpm.owned)}`,
    `txt          capable ${yesNo(c.txt.capable)}, enabled ${yesNo(c.txt.enabled)}`,
    `vpro         AMT capable ${yesNo(c.vpro.amtCapable)}, AMT enabled ${yesNo(c.vpro.amtEnabled)}, ME firmware ${value(c.vpro.meFirmware)}`,
    `esata        ports ${value(c.esata.ports)}`,
    `cardReaders  ${list(c.cardReaders)}`,
    `wifi         ${list(c.wifi)}`,
    `vtx          capable ${yesNo(c.vtx.capable)}, enabled ${yesNo(c.vtx.enabled)}`,
    `vtd ${yesNo(c.vtd)} · aesni ${yesNo(c.aesni)} · lid ${yesNo(c.lid)} · s3 ${yesNo(c.s3)} · battery ${yesNo(c.battery)}`,
    `display      ${c.display.outputs === null ? "unknown" : c.display.outputs.map((o) => `${o.kind ?? "?"} ${o.connected === true ? "connected" : o.connected === false ? "disconnected" : "?"}`).join(", ") || "no outputs"}`,
    `usb          ${c.usb.controllers === null ? "unknown" : c.usb.controllers.map((u) => u.kind ?? "?").join(", ") || "no controllers"}`,
    `memory       ${c.memory.totalMiB === null ? "unknown" : `${c.memory.totalMiB} MiB`}`,
    `cpu          ${value(c.cpu.model)}, cores ${value(c.cpu.cores)}, threads ${value(c.cpu.threads)}`,
  ];
  return `Capabilities\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}
