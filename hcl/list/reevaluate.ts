import { judgeAnswer } from "../../core/run/answers.js";
import { evaluateConditions, judgeMeasurement } from "../../core/suite/evaluate.js";
import type { LoadedSuite } from "../../core/suite/load-suite.js";
import { compareVersions } from "../../core/suite/load-suite.js";
import { planSuite } from "../../core/suite/plan.js";
import type { Requirement } from "../../core/suite/suite-schema.js";
import type { TestCatalog } from "../../core/suite/test-catalog.js";
import {
  overallVerdict,
  type Overall,
  type Verdict,
  type VerdictInput,
} from "../../core/suite/verdicts.js";
import type { BundleFacts, CarriedResult, IndexRow } from "./store.js";

/** What re-evaluating one entry against a suite version gives. @public */
export interface Reevaluation {
  readonly entry: string;
  readonly vendor: string;
  readonly model: string;
  /** The suite version and bundle the entry's evidence comes from; `null` when it has none for this suite id. */
  readonly from: {
    readonly suite: string;
    readonly bundle: string;
    readonly status: Overall;
  } | null;
  readonly status: Overall | null;
  readonly changed: boolean;
  /** The requirements that decide the new status (not met by the evidence, or newly untested). */
  readonly deciding: readonly {
    readonly requirement: string;
    readonly verdict: Verdict;
    readonly reason: string;
  }[];
  /** Requirements whose verdict differs from the bundle's own result, or that are new. */
  readonly differences: readonly {
    readonly requirement: string;
    readonly before: Verdict | null;
    readonly after: Verdict;
    readonly reason: string;
  }[];
  readonly error?: string;
}

/** The entry's result the re-evaluation starts from: the newest version of the same suite id. */
export function baseResult(
  row: IndexRow,
  target: LoadedSuite,
): { suite: string; bundle: string; status: Overall } | null {
  const candidates = Object.entries(row.results)
    .filter(([s]) => s.split("@")[0] === target.suite.id)
    .sort(([a], [b]) => compareVersions(b.split("@")[1] ?? "0.0.0", a.split("@")[1] ?? "0.0.0"));
  const same = `${target.suite.id}@${target.suite.version}`;
  const pick = candidates.find(([s]) => s !== same) ?? candidates[0];
  return pick === undefined
    ? null
    : { suite: pick[0], bundle: pick[1].bundle, status: pick[1].status };
}

function sameTest(a: Requirement, b: Requirement): boolean {
  return a.test === b.test && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}

/** A stored active or operator result, judged again under the new requirement; `null` when it does not carry over. */
function rejudge(
  carried: CarriedResult,
  now: Requirement,
): { verdict: Verdict; reason: string } | null {
  const before = carried.definition;
  if (now.test !== undefined) {
    if (!sameTest(before, now)) return null;
    if (
      carried.raw === "error" ||
      carried.raw === "blocked" ||
      carried.raw === "skip" ||
      carried.raw === "pending"
    )
      return { verdict: carried.raw, reason: `carried over: ${carried.reason}` };
    if (now.limits !== undefined) {
      const name =
        now.limits.measurement ??
        carried.measurements.find((m) => m.limits !== null)?.name ??
        carried.measurements[0]?.name;
      const m = carried.measurements.find((x) => x.name === name);
      if (m === undefined) return null;
      const judged = judgeMeasurement(m.value, now.limits);
      // A failure for another reason (the test's own problems) stays a failure.
      if (carried.raw === "fail" && JSON.stringify(before.limits) === JSON.stringify(now.limits))
        return { verdict: "fail", reason: `carried over: ${carried.reason}` };
      return {
        verdict: judged.pass ? "pass" : "fail",
        reason: `${m.name} ${judged.text} (measured in the bundle's session)`,
      };
    }
    return { verdict: carried.raw, reason: `carried over: ${carried.reason}` };
  }
  if (now.prompt !== undefined) {
    if (before.prompt === undefined || carried.answer === null) return null;
    const judged = judgeAnswer(now.prompt, carried.answer);
    return {
      verdict: judged.pass ? "pass" : "fail",
      reason: `${judged.text} (answer in the bundle's session)`,
    };
  }
  return null;
}

/**
 * Re-evaluates one entry against a suite version from its stored evidence alone: the fact table
 * of the bundle it rests on decides every check and `when`; a test or prompt whose definition is
 * unchanged is judged again from the bundle's measurement or answer under the new limits; a new
 * one is blocked (it needs a session on the machine). Pure.
 *
 * @public
 */
export function reevaluateEntry(
  row: IndexRow,
  facts: BundleFacts | null,
  suite: LoadedSuite,
  tests: TestCatalog,
): Reevaluation {
  const base = baseResult(row, suite);
  const head = { entry: row.path, vendor: row.vendor, model: row.model, from: base };
  if (base === null)
    return { ...head, status: null, changed: false, deciding: [], differences: [] };
  if (facts === null)
    return {
      ...head,
      status: null,
      changed: false,
      deciding: [],
      differences: [],
      error: `no facts for bundle ${base.bundle}`,
    };
  const sources = { table: facts.table };
  const plan = planSuite(suite, sources, {
    live: true,
    allowDisruptive: true,
    tests,
    waivers: [],
    today: "1970-01-01",
  });
  const carried = new Map(facts.carried.map((c) => [c.requirement, c]));
  const results: VerdictInput[] = [];
  const differences: Reevaluation["differences"][number][] = [];
  for (const step of plan.steps) {
    const requirement = suite.suite.requirements[step.index] as Requirement;
    let verdict: Verdict;
    let reason: string;
    if (step.decision === "skipped") [verdict, reason] = ["skip", step.reason];
    else if (step.decision === "blocked") [verdict, reason] = ["blocked", step.reason];
    else if (requirement.check !== undefined) {
      const outcome = evaluateConditions(requirement.check, sources);
      verdict = outcome.holds === null ? "blocked" : outcome.holds ? "pass" : "fail";
      reason = outcome.outcomes.map((o) => o.text).join("; ");
    } else {
      const old = carried.get(requirement.id);
      const again = old === undefined ? null : rejudge(old, requirement);
      [verdict, reason] =
        again === null
          ? ["blocked", "new or changed active step: needs a session on the machine"]
          : [again.verdict, again.reason];
    }
    results.push({
      requirement: requirement.id,
      feature: requirement.feature,
      severity: requirement.severity,
      verdict,
      reason,
    });
    const before = carried.get(requirement.id)?.raw ?? null;
    if (requirement.check === undefined ? before !== verdict : false)
      differences.push({ requirement: requirement.id, before, after: verdict, reason });
  }
  const outcome = overallVerdict(suite.suite.features, results);
  // What decides the new status: the failed musts of the required features not supported; else
  // the open musts of the required features untested; else the optional features' shortfalls.
  const required = outcome.features.filter((f) => f.required);
  const pick =
    outcome.overall === "not-certified"
      ? {
          features: required.filter((f) => f.status === "not-supported"),
          verdicts: ["fail", "skip"],
        }
      : outcome.overall === "incomplete"
        ? {
            features: required.filter((f) => f.status === "untested"),
            verdicts: ["error", "blocked", "pending"],
          }
        : {
            features: outcome.features.filter((f) => !f.required && f.status !== "supported"),
            verdicts: ["fail", "skip", "error", "blocked", "pending"],
          };
  const decidingFeatures = new Set(pick.features.map((f) => f.feature));
  const deciding = results
    .filter(
      (r) =>
        decidingFeatures.has(r.feature) &&
        r.severity === "must" &&
        pick.verdicts.includes(r.verdict),
    )
    .map((r) => ({ requirement: r.requirement, verdict: r.verdict, reason: r.reason }));
  return {
    ...head,
    status: outcome.overall,
    changed: outcome.overall !== base.status,
    deciding,
    differences,
  };
}

/** `i/n` → the shard, checked. @public */
export function parseShard(text: string): { index: number; count: number } | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index < count ? { index, count } : null;
}
