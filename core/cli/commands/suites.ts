import path from "node:path";
import type { Command } from "commander";
import type { PluginHost } from "../../plugin/plugin-host.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openHost } from "../open-host.js";
import { shippedSuiteDirs } from "../package-info.js";
import { formatTable } from "../table.js";
import { evidenceRequest, withEvidenceOptions, type EvidenceOptions } from "../evidence-options.js";

interface JsonOption {
  readonly json?: boolean;
}

async function testsOf(io: CliIo, command: Command, host?: PluginHost) {
  const { loadDefinitionsBase } = await import("../../run/catalog.js");
  return loadDefinitionsBase(host ?? (await openHost(io, command)));
}

/** `hclkit suites list|show|validate|facts|tests` and `hclkit plan`. */
export function registerSuitesCommands(program: Command, io: CliIo, state: CliState): void {
  const suites = program
    .command("suites")
    .description("list, show and validate qualification suites");

  suites
    .command("list")
    .description("list the shipped suites")
    .option("--json", "print JSON on stdout")
    .action(async (options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const { tests } = await testsOf(io, command);
      const { listSuites } = await import("../../suite/load-suite.js");
      const all = await listSuites(shippedSuiteDirs(), tests.catalog);
      const rows = all.map((s) => ({
        id: s.suite.id,
        version: s.suite.version,
        title: s.suite.title,
        requirements: s.suite.requirements.length,
        features: s.suite.features.length,
        digest: s.digest,
        file: s.file,
      }));
      if (state.json) return printJson(io, { suites: rows });
      io.stdout.write(
        formatTable([
          ["ID", "VERSION", "REQUIREMENTS", "FEATURES", "TITLE"],
          ...rows.map((r) => [
            r.id,
            r.version,
            String(r.requirements),
            String(r.features),
            r.title,
          ]),
        ]),
      );
    });

  suites
    .command("show")
    .description("show a suite: features and requirements with their sources")
    .argument("<suite>", "ID[@VERSION] or a suite file")
    .option("--json", "print JSON on stdout")
    .action(async (ref: string, options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const { tests } = await testsOf(io, command);
      const { findSuite } = await import("../../suite/load-suite.js");
      const loaded = await findSuite(ref, {
        dirs: shippedSuiteDirs(),
        cwd: io.cwd,
        tests: tests.catalog,
      });
      if (state.json)
        return printJson(io, { file: loaded.file, digest: loaded.digest, suite: loaded.suite });
      const s = loaded.suite;
      io.stdout.write(`${s.id}@${s.version}  ${s.title}\n${loaded.file}\n${loaded.digest}\n\n`);
      for (const f of s.features) {
        io.stdout.write(`${f.id} (${f.required ? "required" : "optional"}): ${f.title}\n`);
        const rows = s.requirements
          .filter((r) => r.feature === f.id)
          .map((r) => [
            `  ${r.id}`,
            r.severity,
            r.check !== undefined ? "check" : r.test !== undefined ? `test ${r.test}` : `prompt`,
            r.source,
          ]);
        io.stdout.write(formatTable(rows));
      }
    });

  suites
    .command("validate")
    .description("validate suite files: schema, facts, tests, features, params and limits")
    .argument("<files...>", "suite files")
    .option("--json", "print JSON on stdout")
    .action(async (files: string[], options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const { tests } = await testsOf(io, command);
      const { loadSuiteFile } = await import("../../suite/load-suite.js");
      const valid = [];
      for (const file of files) {
        const loaded = await loadSuiteFile(path.resolve(io.cwd, file), tests.catalog);
        valid.push({
          file: loaded.file,
          id: loaded.suite.id,
          version: loaded.suite.version,
          digest: loaded.digest,
        });
      }
      if (state.json) return printJson(io, { valid });
      for (const v of valid) io.stdout.write(`${v.file}: valid suite ${v.id}@${v.version}\n`);
    });

  suites
    .command("facts")
    .description("list the facts a suite's check and when may name")
    .option("--json", "print JSON on stdout")
    .action(async (options: JsonOption) => {
      state.json = options.json === true;
      const { SUITE_FACTS } = await import("../../suite/facts.js");
      const rows = SUITE_FACTS.map((f) => ({
        name: f.name,
        type: f.type,
        unit: f.unit ?? null,
        description: f.description,
      }));
      if (state.json) return printJson(io, { facts: rows });
      io.stdout.write(
        formatTable([
          ["FACT", "TYPE", "UNIT", "MEANING"],
          ...rows.map((r) => [r.name, r.type, r.unit ?? "", r.description]),
        ]),
      );
    });

  suites
    .command("tests")
    .description("list the active tests a suite's test may name")
    .option("--json", "print JSON on stdout")
    .action(async (options: JsonOption, command: Command) => {
      state.json = options.json === true;
      const { tests } = await testsOf(io, command);
      const rows = tests.catalog
        .ids()
        .map((id) => tests.catalog.get(id))
        .filter((t) => t !== undefined);
      if (state.json) return printJson(io, { tests: rows });
      io.stdout.write(
        formatTable([
          ["TEST", "ORIGIN", "MEASURES", "NEEDS", "TIMEOUT", "TITLE"],
          ...rows.map((t) => [
            t.id,
            t.origin,
            t.measures === undefined ? "" : `${t.measures.name} (${t.measures.unit})`,
            [t.live ? "live" : "any evidence", ...(t.disruptive ? ["disruptive"] : [])].join(", "),
            `${t.timeoutSec} s`,
            t.title,
          ]),
        ]),
      );
    });

  withEvidenceOptions(
    program
      .command("plan")
      .description("plan a suite on a machine: what runs, what is skipped or blocked, and why"),
  )
    .requiredOption("--suite <suite>", "ID[@VERSION] or a suite file")
    .option("--waivers <dir>", "folder of waiver files")
    .option("--allow-disruptive", "plan disruptive tests (suspend) too")
    .option("--explain", "show, per requirement, the facts that decided it")
    .option("--json", "print JSON on stdout")
    .action(
      async (
        options: EvidenceOptions &
          JsonOption & {
            suite: string;
            waivers?: string;
            allowDisruptive?: boolean;
            explain?: boolean;
          },
        command: Command,
      ) => {
        state.json = options.json === true;
        const request = evidenceRequest(options, command, io);
        const host = await openHost(io, command);
        const { tests } = await testsOf(io, command, host);
        const [{ findSuite }, { planSuite }, { loadWaivers }, { inspectMachine }] =
          await Promise.all([
            import("../../suite/load-suite.js"),
            import("../../suite/plan.js"),
            import("../../suite/waivers.js"),
            import("../../platform/inspect-machine.js"),
          ]);
        const suite = await findSuite(options.suite, {
          dirs: shippedSuiteDirs(),
          cwd: io.cwd,
          tests: tests.catalog,
        });
        const waivers =
          options.waivers === undefined
            ? []
            : await loadWaivers(path.resolve(io.cwd, options.waivers));
        const { inventory, identity } = await inspectMachine(host, request);
        const plan = planSuite(
          suite,
          { inventory, devices: identity.devices },
          {
            live: request.from === undefined,
            allowDisruptive: options.allowDisruptive === true,
            tests: tests.catalog,
            waivers,
            today: new Date().toISOString().slice(0, 10),
          },
        );
        for (const w of plan.warnings) io.stderr.write(`warning: ${w}\n`);
        if (state.json) return printJson(io, plan);
        const { renderPlan } = await import("../render-plan.js");
        io.stdout.write(renderPlan(plan, options.explain === true));
      },
    );
}
