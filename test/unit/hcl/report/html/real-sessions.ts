import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { runHclkit } from "../../../../helpers/cli.js";
import { CORPUS } from "../../../../helpers/corpus.js";
import { slowTestsProject } from "../../../../helpers/project.js";
import { FIXTURE_SUITES } from "../../../../helpers/suites.js";
import { REPO } from "../../../../helpers/paths.js";

/** The laptop the sessions run on (recorded evidence, linux-hardware.org). */
export const T410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");

/**
 * A waiver an operator might write, with markup in every free-text field: the report must show
 * it as text.
 */
export const HOSTILE_WAIVER = `id: W-2026-001
requirements: [slow.three]
reason: "<script>alert(\\"x\\")</script> & 'quoted' — the fixture exceeds 2 units"
issuer: "\\"Lab\\" <lab@example.com>"
expires: 2099-12-31
ticket: "HCL-1 <img src=x onerror=alert(1)>"
`;

/**
 * Runs the built CLI as a user would and returns the session folder: the slow fixture suite
 * (checks, tests with limits and a marginal band, a prompt answered from a file) on the T410,
 * optionally with {@link HOSTILE_WAIVER}.
 */
export async function slowSession(
  dir: string,
  options: { waiver?: boolean } = {},
): Promise<string> {
  slowTestsProject(dir);
  writeFileSync(path.join(dir, "answers.yaml"), "ask.display: yes\n");
  const args = ["run", "--suite", path.join(FIXTURE_SUITES, "slow.yaml"), "--from", T410];
  args.push("--answers", "answers.yaml", "--out", "s", "--json");
  if (options.waiver === true) {
    mkdirSync(path.join(dir, "waivers"));
    writeFileSync(path.join(dir, "waivers", "w.yaml"), HOSTILE_WAIVER);
    args.push("--waivers", "waivers");
  }
  const run = await runHclkit(args, { cwd: dir });
  // slow.three measures 3 against a maximum of 2: not certified (1), unless waived (0).
  expect(run.code, run.stderr).to.equal(options.waiver === true ? 0 : 1);
  return path.join(dir, "s");
}

/** A session of the shipped `cvp@1.0` suite on a corpus machine, prompts left pending. */
export async function cvpSession(dir: string, machine = T410): Promise<string> {
  const out = path.join(dir, "cvp");
  const run = await runHclkit(
    ["run", "--suite", "cvp@1.0", "--from", machine, "--out", out, "--non-interactive", "--json"],
    { cwd: REPO },
  );
  expect([1, 4], run.stderr).to.include(run.code);
  return out;
}
