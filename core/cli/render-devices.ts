import type { Evidence, FactValue } from "../plugin/api.js";
import type { ProbedDevice } from "../plugin/driver-runner.js";
import type { ClassCoverage } from "../platform/identify-machine.js";
import type { Platform } from "../platform/schema.js";
import { renderPlatform } from "./render-capabilities.js";

/**
 * `hclkit devices` for a person: the platform, then per class the drivers that answered and
 * each device with its facts, every fact with the first piece of evidence behind it (or why it
 * is unknown).
 */
export function renderDevices(
  platform: Platform | null,
  coverage: readonly ClassCoverage[],
  devices: readonly ProbedDevice[],
): string {
  const out = [renderPlatform(platform).trimEnd()];
  for (const c of coverage) {
    const found = devices.filter((d) => d.device.class === c.class);
    const state =
      c.state === "known"
        ? `${found.length} device${found.length === 1 ? "" : "s"}`
        : c.state === "none"
          ? "no driver"
          : c.state === "failed"
            ? "a driver failed: unknown"
            : "the evidence cannot tell";
    out.push("", `${c.class}: ${state}${c.drivers.length ? ` (${c.drivers.join(", ")})` : ""}`);
    for (const { device } of found) {
      const ids = device.vendorId === null ? "" : ` ${device.vendorId}:${device.deviceId ?? "?"}`;
      out.push(
        `  ${device.id}${ids}${device.name === null ? "" : ` ${device.name}`}${device.driver === null ? "" : ` [${device.driver}]`}`,
      );
      for (const [name, fact] of Object.entries(device.facts)) {
        out.push(`    ${name.padEnd(12)} ${show(fact.value).padEnd(8)} ${because(fact.evidence)}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

function show(value: FactValue): string {
  if (value === null) return "unknown";
  if (value === true) return "yes";
  if (value === false) return "no";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function because(evidence: readonly Evidence[]): string {
  const first = evidence[0];
  if (first === undefined) return "";
  const where = first.line === undefined ? first.source : `${first.source}:${first.line}`;
  const what = first.note ?? first.text ?? "";
  return `${where}${what ? ` — ${what}` : ""}${evidence.length > 1 ? ` (+${evidence.length - 1})` : ""}`;
}
