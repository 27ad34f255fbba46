import type { Evidence } from "../plugin/api.js";
import { showValue } from "../suite/evaluate.js";
import { suiteFact } from "../suite/facts.js";
import type { Plan } from "../suite/plan.js";
import { formatTable } from "./table.js";

/** `logs/dmidecode:38-47`, `/sys/class/tpm/tpm0/caps`. */
export function whereOf(e: Evidence): string {
  if (e.line === undefined) return e.source;
  return e.endLine !== undefined && e.endLine !== e.line
    ? `${e.source}:${e.line}-${e.endLine}`
    : `${e.source}:${e.line}`;
}

/** The plan as text: a table of requirements, and with `explain`, the facts behind each decision. */
export function renderPlan(plan: Plan, explain: boolean): string {
  const m = plan.machine;
  const machine =
    [m.vendor, m.product, m.version === null ? null : `(${m.version})`]
      .filter((x) => x !== null)
      .join(" ") || "unknown machine";
  const out: string[] = [
    `Plan: ${plan.suite.id}@${plan.suite.version} (${plan.suite.title}) on ${machine}, platform ${m.plugin ?? "none"}, ${plan.evidence} evidence`,
    `${plan.steps.length} requirements: ${plan.counts.included} included, ${plan.counts.skipped} skipped, ${plan.counts.blocked} blocked`,
    "",
  ];
  if (!explain) {
    out.push(
      formatTable([
        ["#", "REQUIREMENT", "FEATURE", "SEVERITY", "KIND", "DECISION", "WHY"],
        ...plan.steps.map((s) => [
          String(s.index + 1),
          s.requirement,
          s.feature,
          s.severity,
          s.kind,
          s.decision,
          s.reason,
        ]),
      ]).trimEnd(),
    );
    return `${out.join("\n")}\n`;
  }
  for (const s of plan.steps) {
    out.push(
      `${String(s.index + 1).padStart(3)}. ${s.requirement} [${s.feature}, ${s.severity}, ${s.kind}]: ${s.decision.toUpperCase()}`,
    );
    out.push(`     why: ${s.reason}`);
    out.push(`     source: ${s.source}`);
    for (const f of s.facts) {
      const where = f.evidence.slice(0, 3).map(whereOf).join(", ");
      const more = f.evidence.length > 3 ? ` +${f.evidence.length - 3} more` : "";
      out.push(
        `     fact ${f.name} = ${showValue(f.value, suiteFact(f.name)?.unit)}${where === "" ? " (no evidence)" : ` (${where}${more})`}`,
      );
    }
    if (s.waivers.length > 0) out.push(`     waivers in force: ${s.waivers.join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}
