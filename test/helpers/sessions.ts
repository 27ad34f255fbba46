import { writeFileSync } from "node:fs";
import path from "node:path";
import { runHclkit } from "./cli.js";
import { CORPUS } from "./corpus.js";
import { slowTestsProject } from "./project.js";
import { FIXTURE_SUITES } from "./suites.js";

/**
 * Real sessions made by the built CLI in `dir`: `cvp` (cvp@1.0 on a T410's recorded evidence,
 * not certified), `slow` (the slow fixture suite: measurements with limits, a marginal value, a
 * failure and an answered prompt) and `manual` (the same suite, the prompt left pending).
 */
export async function makeSessions(
  dir: string,
): Promise<{ cvp: string; slow: string; manual: string }> {
  slowTestsProject(dir);
  const t410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");
  writeFileSync(path.join(dir, "answers.yaml"), "ask.display: yes\n");
  const runs = await Promise.all([
    runHclkit(["run", "--suite", "cvp@1.0", "--from", t410, "--out", "cvp", "--non-interactive"], {
      cwd: dir,
    }),
    runHclkit(
      [
        "run",
        "--suite",
        path.join(FIXTURE_SUITES, "slow.yaml"),
        "--from",
        t410,
        "--out",
        "slow",
        "--answers",
        "answers.yaml",
      ],
      { cwd: dir },
    ),
    runHclkit(
      [
        "run",
        "--suite",
        path.join(FIXTURE_SUITES, "slow.yaml"),
        "--from",
        t410,
        "--out",
        "manual",
        "--non-interactive",
      ],
      { cwd: dir },
    ),
  ]);
  for (const run of runs)
    if (run.code !== 1 && run.code !== 4) throw new Error(`a session failed to run: ${run.stderr}`);
  return {
    cvp: path.join(dir, "cvp"),
    slow: path.join(dir, "slow"),
    manual: path.join(dir, "manual"),
  };
}
