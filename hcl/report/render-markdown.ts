import type { RequirementResult } from "../../core/run/session-types.js";
import type { Report } from "./build-report.js";

const HEADLINE: Record<Report["overall"], string> = {
  certified: "✅ CERTIFIED",
  "certified-with-restrictions": "☑️ CERTIFIED WITH RESTRICTIONS",
  "not-certified": "❌ NOT CERTIFIED",
  incomplete: "⏸️ INCOMPLETE",
};

/** Text safe inside a Markdown table cell: pipes escaped, one line, bounded. */
export function cell(text: string): string {
  const one = text
    .replace(/\r?\n/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}

function measured(r: RequirementResult): string {
  return r.measurements
    .map((m) => `${m.name} ${m.value} ${m.unit}${m.marginal ? " (marginal)" : ""}`)
    .join(", ");
}

/**
 * The report as Markdown fit for a CI comment (GitHub, GitLab): the verdict first, the features,
 * the reasons, then the requirements that need attention and the measurements, details folded. Pure.
 *
 * @public
 */
export function renderMarkdown(report: Report): string {
  const s = report.system;
  const machine =
    [s.vendor, s.model, s.version === null ? null : `(${s.version})`]
      .filter((x) => x !== null)
      .join(" ") || "unknown machine";
  const c = report.counts;
  const out: string[] = [
    `## ${HEADLINE[report.overall]} — ${cell(machine)} · ${report.suite.id}@${report.suite.version}`,
    "",
    `${c.pass} pass · ${c.fail} fail · ${c.error} error · ${c.blocked} blocked · ${c.skip} skip · ${c.pending} pending · ${c.waived} waived${report.session.finished ? "" : " · **run not finished**"}`,
    "",
    "| Feature | | Status |",
    "| --- | --- | --- |",
    ...report.features.map(
      (f) =>
        `| ${cell(f.title)} (\`${f.feature}\`) | ${f.required ? "required" : "optional"} | ${f.status === "supported" ? "✅" : f.status === "not-supported" ? "❌" : "⏸️"} ${f.status} |`,
    ),
  ];
  if (report.reasons.length > 0)
    out.push("", "**Why**", "", ...report.reasons.map((r) => `- ${cell(r)}`));
  const attention = report.requirements.filter((r) => r.verdict !== "pass" && r.verdict !== "skip");
  if (attention.length > 0)
    out.push(
      "",
      `<details><summary>Requirements that need attention (${attention.length})</summary>`,
      "",
      "| Requirement | Feature | Severity | Verdict | Why |",
      "| --- | --- | --- | --- | --- |",
      ...attention.map(
        (r) =>
          `| \`${r.requirement}\` | ${r.feature} | ${r.severity} | ${r.verdict}${r.verdict === "waived" ? ` (raw ${r.raw}, ${cell(r.waiver?.id ?? "")})` : ""} | ${cell(r.reason)} |`,
      ),
      "",
      "</details>",
    );
  const withMeasurements = report.requirements.filter((r) => r.measurements.length > 0);
  if (withMeasurements.length > 0)
    out.push(
      "",
      "<details><summary>Measurements</summary>",
      "",
      "| Requirement | Measured | Limits | Verdict |",
      "| --- | --- | --- | --- |",
      ...withMeasurements.map(
        (r) =>
          `| \`${r.requirement}\` | ${cell(measured(r))} | ${cell(
            r.measurements
              .map((m) => m.judged ?? "")
              .filter((x) => x !== "")
              .join("; ") || "none",
          )} | ${r.verdict} |`,
      ),
      "",
      "</details>",
    );
  const platform =
    report.platform === null ? "none" : `${report.platform.plugin}@${report.platform.version}`;
  out.push(
    "",
    `<sub>session \`${report.session.id}\` · ${report.session.evidence.kind} evidence · suite digest \`${report.suite.digest.slice(0, 19)}…\` · platform ${platform} · hclkit ${report.environment.hclkit}</sub>`,
    "",
  );
  return out.join("\n");
}
