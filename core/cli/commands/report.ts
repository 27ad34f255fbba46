import path from "node:path";
import type { Command } from "commander";
import { HclError } from "../../errors/hcl-error.js";
import { didYouMean } from "../../errors/suggest.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import {
  REPORT_FORMATS,
  writeReports,
  type ReportFormat,
} from "../../../hcl/report/write-reports.js";

type Format = ReportFormat;
const FORMATS = REPORT_FORMATS;

function formats(list: string): Format[] {
  const out: Format[] = [];
  for (const raw of list
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "")) {
    if (!(FORMATS as string[]).includes(raw)) {
      const guess = didYouMean(raw, FORMATS);
      throw new HclError(
        "HCL_E_REPORT_FORMAT",
        `--format ${raw} is not a report format; expected ${FORMATS.join(", ")}${guess === undefined ? "" : `; did you mean ${guess}?`}`,
        {
          hint: "Give a comma-separated list: --format json,junit,html,md",
          details: { found: raw, expected: FORMATS },
        },
      );
    }
    if (!out.includes(raw as Format)) out.push(raw as Format);
  }
  if (out.length === 0)
    throw new HclError("HCL_E_REPORT_FORMAT", "--format lists no format", {
      details: { expected: FORMATS },
    });
  return out;
}

interface ReportOptions {
  readonly format: string;
  readonly out?: string;
  readonly json?: boolean;
}

/** `hclkit report SESSION` and `hclkit report merge`. */
export function registerReportCommands(program: Command, io: CliIo, state: CliState): void {
  const report = program
    .command("report")
    .description("render a session's report: JSON, JUnit XML, HTML, Markdown")
    .argument("<session>", "session folder")
    .option(
      "--format <list>",
      `formats, comma-separated: ${FORMATS.join(", ")}`,
      "json,junit,html,md",
    )
    .option("--out <dir>", "where to write (default: the session folder)")
    .option("--json", "print the files written as JSON on stdout")
    .action(async (session: string, options: ReportOptions) => {
      state.json = options.json === true;
      const wanted = formats(options.format);
      const { reportFromSession } = await import("../../../hcl/report/session-report.js");
      const built = reportFromSession(path.resolve(io.cwd, session));
      const written = await writeReports(
        built,
        wanted,
        path.resolve(io.cwd, options.out ?? session),
      );
      if (state.json) return printJson(io, { overall: built.overall, files: written });
      for (const file of written) io.stdout.write(`${file}\n`);
    });

  report
    .command("merge")
    .description(
      "merge sessions of one machine and suite into one report, with per-result provenance",
    )
    .argument("<sessions...>", "session folders (two or more)")
    .requiredOption("-o, --out <dir>", "folder of the merged report")
    .option(
      "--format <list>",
      `formats, comma-separated: ${FORMATS.join(", ")}`,
      "json,junit,html,md",
    )
    .option("--json", "print the outcome as JSON on stdout")
    .action(async (sessions: string[], options: ReportOptions & { out: string }) => {
      state.json = options.json === true;
      const wanted = formats(options.format);
      const [{ reportFromSession }, { mergeReports }] = await Promise.all([
        import("../../../hcl/report/session-report.js"),
        import("../../../hcl/report/merge-reports.js"),
      ]);
      const merged = mergeReports(sessions.map((s) => reportFromSession(path.resolve(io.cwd, s))));
      const written = await writeReports(merged, wanted, path.resolve(io.cwd, options.out));
      for (const c of merged.provenance.conflicts)
        io.stderr.write(
          `conflict: ${c.requirement}: ${c.verdicts.map((v) => `${v.session} ${v.verdict}`).join(" vs ")}; kept ${c.kept}\n`,
        );
      if (state.json)
        return printJson(io, {
          overall: merged.overall,
          conflicts: merged.provenance.conflicts,
          files: written,
        });
      for (const file of written) io.stdout.write(`${file}\n`);
    });
}
