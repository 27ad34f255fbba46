import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { RequirementResult } from "../../core/run/session-types.js";
import type { Report } from "./build-report.js";

/** Seconds a result took: its tries' durations, else its start to its end. */
function seconds(r: RequirementResult): number {
  const tried = r.attempts.reduce((sum, a) => sum + a.durationMs, 0);
  const span = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  const ms = tried > 0 ? tried : Number.isFinite(span) && span > 0 ? span : 0;
  return Math.round(ms) / 1000;
}

function machineName(report: Report): string {
  const s = report.system;
  return (
    [s.vendor, s.model, s.version === null ? null : `(${s.version})`]
      .filter((x) => x !== null)
      .join(" ") || "unknown machine"
  );
}

function properties(
  parent: XMLBuilder,
  entries: readonly (readonly [string, string | number | boolean | null])[],
): void {
  const props = parent.ele("properties");
  for (const [name, value] of entries)
    if (value !== null) props.ele("property", { name, value: String(value) });
}

function testcase(suite: XMLBuilder, report: Report, r: RequirementResult): void {
  const name = r.title === null ? r.requirement : `${r.requirement}: ${r.title}`;
  const tc = suite.ele("testcase", {
    classname: `${report.suite.id}.${r.feature}`,
    name,
    time: seconds(r).toFixed(3),
  });
  properties(tc, [
    ["requirement", r.requirement],
    ["severity", r.severity],
    ["kind", r.kind],
    ["source", r.source],
    ["verdict", r.verdict],
    ["raw", r.raw],
    ["tries", r.attempts.length],
    ...r.measurements.flatMap((m) => [
      [`measurement.${m.name}`, `${m.value} ${m.unit}`] as const,
      ...(m.limits === null
        ? []
        : ([
            [
              `limits.${m.name}`,
              [
                m.limits.min === undefined ? null : `min ${m.limits.min}`,
                m.limits.max === undefined ? null : `max ${m.limits.max}`,
                m.limits.marginal === undefined ? null : `marginal ${m.limits.marginal}`,
              ]
                .filter((x) => x !== null)
                .join(", ") + ` ${m.limits.unit}`,
            ],
            [`marginal.${m.name}`, m.marginal],
          ] as const)),
    ]),
    ...(r.waiver === null
      ? []
      : ([
          ["waiver", r.waiver.id],
          ["waiver.ticket", r.waiver.ticket],
          ["waiver.expires", r.waiver.expires],
        ] as const)),
  ]);
  const detail = [
    r.reason,
    ...r.facts.map(
      (f) =>
        `fact ${f.name} = ${JSON.stringify(f.value)}${f.evidence.length > 0 ? ` (${f.evidence.map((e) => (e.line === undefined ? e.source : `${e.source}:${e.line}`)).join(", ")})` : ""}`,
    ),
    ...r.attempts.map(
      (a) =>
        `try ${a.n}: ${a.outcome}${a.error === undefined ? "" : ` ${a.error.code}: ${a.error.message}`}`,
    ),
    ...r.notes,
    ...(r.output === null ? [] : [`output: ${r.output}`]),
  ].join("\n");
  switch (r.verdict) {
    case "fail":
      tc.ele("failure", { message: r.reason, type: "fail" }).txt(detail);
      break;
    case "error": {
      const last = [...r.attempts].reverse().find((a) => a.error !== undefined);
      tc.ele("error", { message: r.reason, type: last?.error?.code ?? "error" }).txt(detail);
      break;
    }
    case "skip":
    case "blocked":
    case "pending":
      tc.ele("skipped", { message: `${r.verdict}: ${r.reason}` });
      break;
    default:
      break;
  }
  tc.ele("system-out").txt(detail);
}

/**
 * The report as JUnit XML (the Ant/Jenkins dialect that Jenkins, GitLab and GitHub test
 * reporters read): one `<testsuite>` per feature, one `<testcase>` per requirement; `fail` is a
 * `<failure>`, `error` an `<error>` (harness at fault), `skip`, `blocked` and `pending` are
 * `<skipped>` with the reason, `waived` passes with the waiver and the raw verdict as properties;
 * measurements and limits are testcase properties. Pure.
 *
 * @public
 */
export function renderJunit(report: Report): string {
  const count = (rs: readonly RequirementResult[], ...v: string[]) =>
    rs.filter((r) => v.includes(r.verdict)).length;
  const all = report.requirements;
  const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "\uFFFD" }).ele(
    "testsuites",
    {
      name: `hclkit ${report.suite.id}@${report.suite.version} on ${machineName(report)}: ${report.overall}`,
      tests: all.length,
      failures: count(all, "fail"),
      errors: count(all, "error"),
      skipped: count(all, "skip", "blocked", "pending"),
      time: all.reduce((t, r) => t + seconds(r), 0).toFixed(3),
      timestamp: report.session.createdAt,
    },
  );
  for (const feature of report.features) {
    const mine = all.filter((r) => r.feature === feature.feature);
    const suite = root.ele("testsuite", {
      name: `${report.suite.id}@${report.suite.version} / ${feature.feature}`,
      tests: mine.length,
      failures: count(mine, "fail"),
      errors: count(mine, "error"),
      skipped: count(mine, "skip", "blocked", "pending"),
      time: mine.reduce((t, r) => t + seconds(r), 0).toFixed(3),
      timestamp: report.session.createdAt,
      hostname: report.environment.host,
    });
    properties(suite, [
      ["feature", feature.feature],
      ["feature.title", feature.title],
      ["feature.required", feature.required],
      ["feature.status", feature.status],
      ["overall", report.overall],
      ["machine", machineName(report)],
      ["suite.digest", report.suite.digest],
      [
        "platform",
        report.platform === null ? null : `${report.platform.plugin}@${report.platform.version}`,
      ],
      ["platform.digest", report.platform?.digest ?? null],
      ["session", report.session.id],
      ["hclkit", report.environment.hclkit],
    ]);
    for (const r of mine) testcase(suite, report, r);
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
