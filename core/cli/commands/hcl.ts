import path from "node:path";
import type { Command } from "commander";
import { HclError } from "../../errors/hcl-error.js";
import { EXIT } from "../../errors/codes.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openHost } from "../open-host.js";
import { shippedSuiteDirs } from "../package-info.js";
import type { LoadedSuite } from "../../suite/load-suite.js";

interface HclOption {
  readonly hcl: string;
  readonly json?: boolean;
}

/** `hclkit hcl init|trust|add|query|diff|reevaluate|publish`. */
export function registerHclCommands(program: Command, io: CliIo, state: CliState): void {
  const hcl = program
    .command("hcl")
    .description("keep the HCL: ingest verified bundles, query, diff, re-evaluate, publish");
  const store = async (dir: string) => {
    const { HclStore } = await import("../../../hcl/list/store.js");
    const s = new HclStore(path.resolve(io.cwd, dir));
    s.assertExists();
    return s;
  };

  hcl
    .command("init")
    .description("create an empty HCL folder")
    .argument("<dir>", "the folder")
    .option("--name <name>", "the list's title", "Hardware compatibility list")
    .action(async (dir: string, options: { name: string }) => {
      const { HclStore } = await import("../../../hcl/list/store.js");
      HclStore.init(path.resolve(io.cwd, dir), options.name);
      io.stdout.write(`${path.resolve(io.cwd, dir)}\n`);
    });

  hcl
    .command("trust")
    .description(
      "trust a signing key, suite versions (by digest) and the loaded plugins (by digest)",
    )
    .requiredOption("--hcl <dir>", "the HCL folder")
    .option("--key <file>", "a signer's public key (PEM)")
    .option("--name <name>", "who the key belongs to", "unnamed signer")
    .option("--suite <suite...>", "suite versions to list and trust: ID@VERSION or files")
    .option("--plugins", "trust the plugins this hclkit loads, as they are now")
    .action(
      async (
        options: HclOption & { key?: string; name: string; suite?: string[]; plugins?: boolean },
        command: Command,
      ) => {
        const s = await store(options.hcl);
        const [{ withTrust }, { readKey }, { loadDefinitionsBase }, { findSuite }] =
          await Promise.all([
            import("../../../hcl/list/trust.js"),
            import("../../../hcl/report/keys.js"),
            import("../../run/catalog.js"),
            import("../../suite/load-suite.js"),
          ]);
        const needsHost = options.plugins === true || (options.suite?.length ?? 0) > 0;
        const defs = needsHost ? await loadDefinitionsBase(await openHost(io, command)) : null;
        const suites: LoadedSuite[] = [];
        for (const ref of options.suite ?? [])
          suites.push(
            await findSuite(ref, {
              dirs: shippedSuiteDirs(),
              cwd: io.cwd,
              tests: defs?.tests.catalog ?? { get: () => undefined, ids: () => [] },
            }),
          );
        await s.locked(async () => {
          const config = await s.config();
          s.writeConfig(
            withTrust(config, {
              ...(options.key === undefined
                ? {}
                : {
                    key: {
                      name: options.name,
                      publicKey: readKey(path.resolve(io.cwd, options.key), "public"),
                    },
                  }),
              suites,
              plugins: options.plugins === true ? (defs?.plugins ?? []) : [],
            }),
          );
        });
        io.stdout.write(`${s.file("hcl.yaml")}\n`);
      },
    );

  hcl
    .command("add")
    .description("verify bundles and add them to the HCL; refuse what fails or is not trusted")
    .requiredOption("--hcl <dir>", "the HCL folder")
    .argument("<bundles...>", ".hclbundle.tar.gz files")
    .option("--json", "print the outcome as JSON on stdout")
    .action(async (bundles: string[], options: HclOption, command: Command) => {
      state.json = options.json === true;
      const s = await store(options.hcl);
      const { addBundles } = await import("../../../hcl/list/add.js");
      const outcomes = await addBundles(
        await openHost(io, command),
        s,
        bundles.map((b) => path.resolve(io.cwd, b)),
      );
      const refused = outcomes.filter((o) => o.outcome === "refused");
      if (refused.length > 0) state.exitCode = EXIT.notCertified;
      if (state.json) return printJson(io, { outcomes });
      for (const o of outcomes)
        io.stdout.write(
          `${o.outcome === "refused" ? "✖" : "✔"} ${path.relative(io.cwd, o.file)}: ${o.outcome}${o.entry === null ? "" : ` ${o.entry} ${o.suite ?? ""} (${o.status ?? ""})`} — ${o.reason}${o.code === undefined ? "" : ` [${o.code}]`}\n`,
        );
    });

  hcl
    .command("query")
    .description("list models and their status, filtered")
    .requiredOption("--hcl <dir>", "the HCL folder")
    .option("--vendor <text>", "vendor contains")
    .option("--model <text>", "model or its name contains")
    .option("--feature <id>", "the feature is supported")
    .option("--suite <suite>", "suite id or id@version")
    .option(
      "--status <status>",
      "certified, certified-with-restrictions, not-certified or incomplete",
    )
    .option("--json", "print JSON on stdout")
    .action(
      async (
        options: HclOption & {
          vendor?: string;
          model?: string;
          feature?: string;
          suite?: string;
          status?: string;
        },
      ) => {
        state.json = options.json === true;
        const { readIndex, queryIndex } = await import("../../../hcl/list/query.js");
        const rows = queryIndex(readIndex(path.resolve(io.cwd, options.hcl)).rows, options);
        if (state.json) return printJson(io, { results: rows });
        const { renderQuery } = await import("../render-query.js");
        io.stdout.write(renderQuery(rows));
      },
    );

  hcl
    .command("diff")
    .description("what changed between two HCL folders, or two git revisions of one (DIR@REV)")
    .argument("<a>", "the HCL before: a folder, or DIR@REV (a commit, tag or branch)")
    .argument("<b>", "the HCL after: a folder, or DIR@REV")
    .option("--json", "print JSON on stdout")
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      state.json = options.json === true;
      const [{ readIndexOf }, { diffIndexes }] = await Promise.all([
        import("../../../hcl/list/query.js"),
        import("../../../hcl/list/diff.js"),
      ]);
      const items = diffIndexes(
        (await readIndexOf(a, io.cwd)).rows,
        (await readIndexOf(b, io.cwd)).rows,
      );
      if (state.json) return printJson(io, { changes: items });
      if (items.length === 0) io.stdout.write("no difference\n");
      for (const item of items) {
        io.stdout.write(
          `${item.kind === "added" ? "+" : item.kind === "removed" ? "-" : "~"} ${item.vendor} ${item.model} (${item.entry})\n`,
        );
        for (const s of item.suites) {
          io.stdout.write(
            `    ${s.suite}: ${s.before ?? "absent"} → ${s.after ?? "absent"}${s.bundle.before !== s.bundle.after ? ` (bundle ${s.bundle.after ?? "removed"})` : ""}\n`,
          );
          for (const f of s.features)
            io.stdout.write(
              `      ${f.feature}: ${f.before ?? "absent"} → ${f.after ?? "absent"}\n`,
            );
        }
      }
    });

  hcl
    .command("reevaluate")
    .description("re-evaluate every entry against a suite version from its stored evidence alone")
    .requiredOption("--hcl <dir>", "the HCL folder")
    .requiredOption("--suite <suite>", "ID@VERSION or a suite file")
    .option("--shard <i/n>", "only the entries of shard i of n (for a CI matrix)")
    .option("--workers <n>", "worker threads (default: the cores available)")
    .option("--changed-only", "list only the entries whose status would change")
    .option("--json", "print JSON on stdout")
    .action(
      async (
        options: HclOption & {
          suite: string;
          shard?: string;
          workers?: string;
          changedOnly?: boolean;
        },
        command: Command,
      ) => {
        state.json = options.json === true;
        const s = await store(options.hcl);
        const [{ parseShard }, { reevaluateAll }, { loadDefinitionsBase }, { findSuite }] =
          await Promise.all([
            import("../../../hcl/list/reevaluate.js"),
            import("../../../hcl/list/reevaluate-all.js"),
            import("../../run/catalog.js"),
            import("../../suite/load-suite.js"),
          ]);
        const shard = options.shard === undefined ? undefined : parseShard(options.shard);
        if (shard === null)
          throw new HclError(
            "HCL_E_HCL_SHARD",
            `--shard ${options.shard ?? ""} is not i/n with 0 ≤ i < n`,
            { hint: "For a matrix of 4 jobs: --shard 0/4 … --shard 3/4." },
          );
        const workers = options.workers === undefined ? undefined : Number(options.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
          throw new HclError(
            "HCL_E_CLI_USAGE",
            `--workers ${options.workers ?? ""} is not a whole number ≥ 0`,
          );
        const { tests } = await loadDefinitionsBase(await openHost(io, command));
        const suite = await findSuite(options.suite, {
          dirs: shippedSuiteDirs(),
          cwd: io.cwd,
          tests: tests.catalog,
        });
        const infos = tests.catalog.ids().flatMap((id) => tests.catalog.get(id) ?? []);
        const started = performance.now();
        const all = await reevaluateAll(s, suite, infos, {
          ...(shard === undefined ? {} : { shard }),
          ...(workers === undefined ? {} : { workers }),
        });
        const ms = performance.now() - started;
        const shown = options.changedOnly === true ? all.filter((r) => r.changed) : all;
        const changed = all.filter((r) => r.changed).length;
        if (state.json)
          return printJson(io, {
            suite: `${suite.suite.id}@${suite.suite.version}`,
            entries: all.length,
            changed,
            ms: Math.round(ms),
            results: shown,
          });
        io.stderr.write(
          `${all.length} entries re-evaluated against ${suite.suite.id}@${suite.suite.version} in ${Math.round(ms)} ms; ${changed} would change\n`,
        );
        for (const r of shown) {
          const head = `${r.changed ? "~" : " "} ${r.vendor} ${r.model}: ${r.from === null ? "no result for this suite" : `${r.from.suite} ${r.from.status} → ${r.status ?? "?"}`}`;
          io.stdout.write(`${head}${r.error === undefined ? "" : ` (${r.error})`}\n`);
          if (r.changed)
            for (const d of r.deciding)
              io.stdout.write(`    ${d.requirement}: ${d.verdict} — ${d.reason}\n`);
        }
      },
    );

  hcl
    .command("publish")
    .description("publish the HCL as a static site with a JSON feed (hcl.json)")
    .requiredOption("--hcl <dir>", "the HCL folder")
    .requiredOption("--out <dir>", "the site folder (replaced whole)")
    .option("--json", "print JSON on stdout")
    .action(async (options: HclOption & { out: string }) => {
      state.json = options.json === true;
      const s = await store(options.hcl);
      const { publishSite } = await import("../../../hcl/list/publish.js");
      const out = path.resolve(io.cwd, options.out);
      const result = await publishSite(s, out);
      if (state.json) return printJson(io, { out, ...result });
      io.stdout.write(`${out}/index.html (${result.entries} models, ${result.rows} results)\n`);
    });
}
