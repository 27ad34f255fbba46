import type { Report } from "../../hcl/report/build-report.js";
import type { RunOutcome } from "../run/runner.js";
import { formatTable } from "./table.js";

const WORDS: Record<string, string> = {
  certified: "CERTIFIED",
  "certified-with-restrictions": "CERTIFIED WITH RESTRICTIONS",
  "not-certified": "NOT CERTIFIED",
  incomplete: "INCOMPLETE",
};

/** The end of a run: the verdict up front, the features, the reasons, where the files are. */
export function renderOutcome(
  report: Report,
  run: RunOutcome,
  dir: string,
  reportFile: string,
): string {
  const machine =
    [report.system.vendor, report.system.model, report.system.version]
      .filter((x) => x !== null)
      .join(" ") || "this machine";
  const c = report.counts;
  const lines = [
    "",
    `${WORDS[report.overall] ?? report.overall}: ${machine} against ${report.suite.id}@${report.suite.version}${run.finished ? "" : " (interrupted: hclkit resume continues it)"}`,
    `  ${c.pass} pass, ${c.fail} fail, ${c.error} error, ${c.blocked} blocked, ${c.skip} skip, ${c.pending} pending, ${c.waived} waived`,
    "",
    formatTable([
      ["FEATURE", "", "STATUS"],
      ...report.features.map((f) => [f.feature, f.required ? "required" : "optional", f.status]),
    ]).trimEnd(),
  ];
  if (report.reasons.length > 0) {
    lines.push("", "Why:");
    for (const r of report.reasons) lines.push(`  - ${r}`);
  }
  lines.push(
    "",
    `session: ${dir}`,
    `report:  ${reportFile} (and report.html, report.junit.xml, report.md beside it)`,
    "",
  );
  return lines.join("\n");
}
