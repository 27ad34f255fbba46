import { HclError } from "../../core/errors/hcl-error.js";
import type { RequirementResult } from "../../core/run/session-types.js";
import { overallVerdict, type Verdict } from "../../core/suite/verdicts.js";
import type { Report } from "./build-report.js";

/** Where each result of a merged report comes from, and where sessions disagreed. @public */
export interface Provenance {
  readonly sessions: readonly string[];
  /** Requirement id → the session its result was taken from. */
  readonly results: Readonly<Record<string, string>>;
  readonly conflicts: readonly {
    readonly requirement: string;
    readonly verdicts: readonly {
      readonly session: string;
      readonly verdict: Verdict;
      readonly reason: string;
    }[];
    readonly kept: string;
  }[];
}

/** How much a verdict decides: a decided result beats one that is not. */
const WEIGHT: Record<Verdict, number> = {
  fail: 5,
  pass: 4,
  waived: 4,
  skip: 3,
  error: 2,
  blocked: 1,
  pending: 0,
};

function identity(r: Report): string {
  const s = r.system;
  return JSON.stringify([s.vendor, s.model, s.version, s.sku, r.platform?.plugin ?? null]);
}

/**
 * Merges reports of sessions of one machine and one suite (an automated run and a manual-steps
 * run, say) into one: for each requirement the most decisive result (a decided verdict over
 * blocked, pending or error; between two decided ones that disagree, `fail` — and the conflict is
 * listed), each with the session it came from; features and the overall verdict recomputed.
 *
 * @throws HclError `HCL_E_REPORT_MERGE` when the reports are of other machines or suites.
 * @public
 */
export function mergeReports(
  reports: readonly Report[],
): Report & { readonly provenance: Provenance } {
  const [first] = reports;
  if (first === undefined || reports.length < 2)
    throw new HclError("HCL_E_REPORT_MERGE", "merging needs at least two sessions", {
      hint: "hclkit report merge SESSION SESSION… -o DIR",
    });
  for (const r of reports.slice(1)) {
    if (r.suite.digest !== first.suite.digest)
      throw new HclError(
        "HCL_E_REPORT_MERGE",
        `session ${r.session.id} ran suite ${r.suite.id}@${r.suite.version} (${r.suite.digest}); session ${first.session.id} ran ${first.suite.id}@${first.suite.version} (${first.suite.digest})`,
        {
          hint: "Merge sessions of one suite version.",
          details: { sessions: [first.session.id, r.session.id] },
        },
      );
    if (identity(r) !== identity(first))
      throw new HclError(
        "HCL_E_REPORT_MERGE",
        `session ${r.session.id} is of another machine than session ${first.session.id}: ${identity(r)} vs ${identity(first)}`,
        {
          hint: "Merge sessions of one machine.",
          details: { sessions: [first.session.id, r.session.id] },
        },
      );
  }
  const ids = first.requirements.map((r) => r.requirement);
  const results: RequirementResult[] = [];
  const from: Record<string, string> = {};
  const conflicts: Provenance["conflicts"][number][] = [];
  for (const id of ids) {
    const candidates = reports.flatMap((rep) =>
      rep.requirements
        .filter((r) => r.requirement === id)
        .map((r) => ({ session: rep.session.id, result: r })),
    );
    const best = [...candidates].sort(
      (a, b) => WEIGHT[b.result.verdict] - WEIGHT[a.result.verdict],
    )[0];
    if (best === undefined) continue;
    const decided = candidates.filter((c) => ["pass", "fail", "waived"].includes(c.result.verdict));
    if (
      new Set(decided.map((c) => (c.result.verdict === "waived" ? "pass" : c.result.verdict)))
        .size > 1
    )
      conflicts.push({
        requirement: id,
        verdicts: candidates.map((c) => ({
          session: c.session,
          verdict: c.result.verdict,
          reason: c.result.reason,
        })),
        kept: best.session,
      });
    results.push(best.result);
    from[id] = best.session;
  }
  const outcome = overallVerdict(
    first.features.map((f) => ({ id: f.feature, title: f.title, required: f.required })),
    results,
  );
  const finished = reports.some((r) => r.session.finished);
  return {
    ...first,
    session: { ...first.session, finished },
    overall: finished ? outcome.overall : "incomplete",
    reasons: outcome.reasons,
    counts: outcome.counts,
    features: outcome.features,
    requirements: results,
    provenance: { sessions: reports.map((r) => r.session.id), results: from, conflicts },
  };
}
