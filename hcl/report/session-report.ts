import { existsSync } from "node:fs";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import type { RecordResume } from "./types.js";
import { readSessionState, type RunOutcome } from "../../core/run/runner.js";
import { SESSION_FILES, SessionStore } from "../../core/run/session-store.js";
import type { SessionManifest } from "../../core/run/session-types.js";
import { overallVerdict } from "../../core/suite/verdicts.js";
import { buildReport, type Report } from "./build-report.js";

/**
 * The report of a session folder as it stands: its results so far, the features' status and
 * the overall verdict (`incomplete` while a step has no result).
 *
 * @throws HclError `HCL_E_SESSION_NOT_FOUND` or `HCL_E_SESSION_CORRUPT`.
 * @public
 */
export function reportFromSession(dir: string): Report {
  const store = new SessionStore(path.resolve(dir));
  if (!existsSync(store.file(SESSION_FILES.manifest)))
    throw new HclError(
      "HCL_E_SESSION_NOT_FOUND",
      `${store.dir} holds no hclkit session (no ${SESSION_FILES.manifest})`,
      {
        hint: "Give the folder `hclkit run` printed (by default under hclkit-sessions/).",
        details: { dir: store.dir },
      },
    );
  const manifest = store.readJson<SessionManifest>(SESSION_FILES.manifest);
  const state = readSessionState(store);
  const results = [...store.results().values()].sort((a, b) => a.index - b.index);
  const finished = results.length === state.plan.steps.length;
  const outcome = overallVerdict(state.suite.features, results);
  const run: RunOutcome = {
    finished,
    results,
    outcome: finished ? outcome : { ...outcome, overall: "incomplete" },
  };
  const resumes = existsSync(store.file("resumes.json"))
    ? store.readJson<RecordResume[]>("resumes.json")
    : [];
  return buildReport(manifest, state, run, resumes);
}
