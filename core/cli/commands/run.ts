import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { HclError } from "../../errors/hcl-error.js";
import { EXIT } from "../../errors/codes.js";
import type { Drive, RunOutcome } from "../../run/runner.js";
import type { OpenedSession } from "../../run/open-session.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openContext } from "../open-host.js";
import { packageInfo, shippedSuiteDirs } from "../package-info.js";
import { createProgress, type ProgressMode } from "../progress.js";

interface RunOptions {
  readonly suite?: string;
  readonly from?: string;
  readonly root?: string;
  readonly out?: string;
  readonly answers?: string;
  readonly waivers?: string;
  readonly nonInteractive?: boolean;
  readonly allowDisruptive?: boolean;
  readonly events?: string;
  readonly json?: boolean;
  readonly force?: boolean;
  readonly tools?: boolean;
  readonly tpm?: string;
}

/** The suite `hclkit qualify` runs: the newest version of the client hypervisor program. */
export const DEFAULT_SUITE = "cvp";

function withRunOptions(command: Command): Command {
  return command
    .option("--out <dir>", "session folder (default: hclkit-sessions/<stamp>-<suite> here)")
    .option("--answers <file>", "answers to the suite's prompts (YAML: requirement id: answer)")
    .option("--waivers <dir>", "folder of waiver files")
    .option("--non-interactive", "never ask: prompts without an answer stay pending")
    .option("--allow-disruptive", "run disruptive tests (suspend and resume)")
    .option("--events <format>", "stream progress events on stdout: ndjson")
    .option(
      "--tpm <spec>",
      "the TPM for the TPM tests: device:/dev/tpmrm0 or swtpm:HOST:PORT[:CTRLPORT]",
    )
    .option(
      "--no-tools",
      "do not run dmidecode, lspci, lsusb and udevadm into the captured snapshot",
    )
    .option("--json", "print the outcome as JSON on stdout");
}

/** `hclkit run`, `hclkit resume` and `hclkit qualify`. */
export function registerRunCommands(program: Command, io: CliIo, state: CliState): void {
  withRunOptions(
    program
      .command("run")
      .description("run a suite on this machine (or on recorded evidence) in a resumable session")
      .requiredOption("--suite <suite>", "ID[@VERSION] or a suite file")
      .option("--from <path>", "recorded evidence: a snapshot folder or .tar.gz, or one dump file")
      .option("--root <dir>", "root of the live machine's filesystem", "/"),
  ).action(async (options: RunOptions, command: Command) => {
    await runCommand(options, command, io, state, options.suite as string);
  });

  withRunOptions(
    program
      .command("qualify")
      .description(
        `qualify this machine with the default suite (${DEFAULT_SUITE}, newest version) and write the report`,
      )
      .option("--suite <suite>", "another suite", DEFAULT_SUITE)
      .option("--root <dir>", "root of the live machine's filesystem", "/"),
  ).action(async (options: RunOptions, command: Command) => {
    await runCommand(options, command, io, state, options.suite ?? DEFAULT_SUITE);
  });

  program
    .command("resume")
    .description("continue a session where it stopped")
    .argument("[dir]", "session folder (default: the newest unfinished one under hclkit-sessions/)")
    .option("--force", "resume although the suite or a plugin changed (the change is recorded)")
    .option("--answers <file>", "answers to the suite's prompts")
    .option("--non-interactive", "never ask: prompts without an answer stay pending")
    .option("--events <format>", "stream progress events on stdout: ndjson")
    .option(
      "--tpm <spec>",
      "the TPM for the TPM tests: device:/dev/tpmrm0 or swtpm:HOST:PORT[:CTRLPORT]",
    )
    .option("--json", "print the outcome as JSON on stdout")
    .action(async (dir: string | undefined, options: RunOptions, command: Command) => {
      state.json = options.json === true;
      const mode = progressMode(options, io);
      const { host, config } = await openContext(io, command);
      const { resolveTpmSpec } = await import("../../tpm/spec.js");
      const tpm = resolveTpmSpec(options.tpm, config.config.tpm);
      const { openForResume } = await import("../../run/open-session.js");
      const opened = await openForResume(host, {
        dir: dir ?? newestSession(io.cwd),
        cwd: io.cwd,
        force: options.force === true,
        answers: options.answers,
      });
      if (opened.changes.length > 0) {
        const { recordResume } = await import("../../run/record-resume.js");
        recordResume(opened.state.store, opened.changes);
        for (const c of opened.changes)
          io.stderr.write(`warning: resuming with --force although ${c}\n`);
      }
      await drive(opened, options, mode, io, state, tpm);
    });
}

function progressMode(options: RunOptions, io: CliIo): ProgressMode {
  if (options.events !== undefined && options.events !== "ndjson")
    throw new HclError(
      "HCL_E_CLI_USAGE",
      `--events ${options.events} is not a format; expected ndjson`,
      {
        hint: "--events ndjson streams one JSON event per line on stdout.",
      },
    );
  if (options.events === "ndjson" && options.json === true)
    throw new HclError(
      "HCL_E_CLI_USAGE",
      "--events ndjson and --json both write stdout; give one of them",
      {
        hint: "With --events ndjson the last event (finished) carries the outcome.",
      },
    );
  if (options.events === "ndjson") return "ndjson";
  return io.stderrIsTTY === true ? "tty" : "plain";
}

async function runCommand(
  options: RunOptions,
  command: Command,
  io: CliIo,
  state: CliState,
  suite: string,
): Promise<void> {
  state.json = options.json === true;
  const mode = progressMode(options, io);
  if (options.from !== undefined && command.getOptionValueSource("root") === "cli")
    throw new HclError("HCL_E_CLI_USAGE", "--from and --root cannot be used together", {
      hint: "--from reads recorded evidence; --root reads a live machine mounted elsewhere. Give one of them.",
    });
  const { host, config } = await openContext(io, command);
  const { resolveTpmSpec } = await import("../../tpm/spec.js");
  const tpm = resolveTpmSpec(options.tpm, config.config.tpm);
  const { createSession } = await import("../../run/open-session.js");
  const opened = await createSession(host, {
    suite,
    cwd: io.cwd,
    suiteDirs: shippedSuiteDirs(),
    from: options.from,
    root: options.root ?? "/",
    out: options.out,
    answers: options.answers,
    waivers: options.waivers,
    nonInteractive: options.nonInteractive === true,
    allowDisruptive: options.allowDisruptive === true,
    hclkitVersion: packageInfo().version,
    tools: options.tools !== false,
  });
  for (const w of opened.warnings) io.stderr.write(`warning: ${w}\n`);
  await drive(opened, options, mode, io, state, tpm);
}

async function drive(
  opened: OpenedSession,
  options: RunOptions,
  mode: ProgressMode,
  io: CliIo,
  state: CliState,
  tpm: string | null,
): Promise<void> {
  const progress = await createProgress(state.json ? "quiet" : mode, io.stdout, io.stderr);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const interactive =
    options.nonInteractive !== true &&
    io.stdin !== undefined &&
    io.stdinIsTTY === true &&
    mode !== "ndjson";
  const { askOnTerminal } = await import("../ask.js");
  const driveOptions: Drive = {
    events: progress.event,
    answers: opened.answers?.answers ?? new Map(),
    signal: controller.signal,
    root: opened.manifest.evidence.kind === "live" ? opened.manifest.evidence.source : "/",
    tpm,
    childTests: opened.tests.childTests,
    transitions: opened.tests.transitions,
    ...(interactive && io.stdin !== undefined
      ? { ask: askOnTerminal(io.stdin, io.stderr, progress.pause) }
      : {}),
  };
  const { runSteps } = await import("../../run/runner.js");
  const release = opened.state.store.lock();
  let run: RunOutcome;
  try {
    run = await runSteps(opened.state, driveOptions);
  } finally {
    release();
    progress.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  const { reportFromSession } = await import("../../../hcl/report/session-report.js");
  const { writeReports, REPORT_FORMATS } = await import("../../../hcl/report/write-reports.js");
  const report = reportFromSession(opened.state.store.dir);
  // Every rendering of the report lands beside the session: JSON, JUnit, HTML, Markdown.
  const written = await writeReports(report, REPORT_FORMATS, opened.state.store.dir);
  const reportFile = opened.state.store.file("report.json");
  state.exitCode =
    report.overall === "incomplete"
      ? EXIT.incomplete
      : report.overall === "not-certified"
        ? EXIT.notCertified
        : EXIT.ok;
  if (state.json) {
    printJson(io, {
      session: opened.manifest.id,
      dir: opened.state.store.dir,
      finished: run.finished,
      overall: run.outcome.overall,
      reasons: run.outcome.reasons,
      counts: run.outcome.counts,
      features: run.outcome.features.map((f) => ({
        feature: f.feature,
        required: f.required,
        status: f.status,
      })),
      report: reportFile,
      reports: written,
    });
    return;
  }
  if (mode === "ndjson") return;
  const { renderOutcome } = await import("../render-outcome.js");
  io.stdout.write(renderOutcome(report, run, opened.state.store.dir, reportFile));
}

/** The newest session folder under `hclkit-sessions/` without a finished report. */
function newestSession(cwd: string): string {
  const root = path.join(cwd, "hclkit-sessions");
  const candidates = existsSync(root)
    ? readdirSync(root)
        .map((name) => path.join(root, name))
        .filter((dir) => existsSync(path.join(dir, "session.json")))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  const found = candidates[0];
  if (found === undefined)
    throw new HclError("HCL_E_SESSION_NOT_FOUND", `no session under ${root}`, {
      hint: "Give the session folder: hclkit resume DIR.",
      details: { dir: root },
    });
  return found;
}
