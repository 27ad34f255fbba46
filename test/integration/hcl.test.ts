import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { createAjv } from "../../core/schema/ajv.js";
import { feedSchema } from "../../hcl/list/publish.js";
import { bundleCorpus, type BundledCorpus } from "../helpers/hcl.js";
import { runHclkit } from "../helpers/cli.js";
import { BUILT_CLI } from "../helpers/paths.js";
import { slowTestsProject } from "../helpers/project.js";
import { CORPUS } from "../helpers/corpus.js";
import { useTmpDirs } from "../helpers/tmp.js";

interface Outcome {
  outcome: string;
  entry: string | null;
  reason: string;
  code?: string;
}

describe("hclkit hcl (integration)", function () {
  this.timeout(300_000);
  const tmp = useTmpDirs();
  let corpus: BundledCorpus;
  let root: string;

  // Made once for the whole file (useTmpDirs folders last one test).
  before(async function () {
    this.timeout(300_000);
    root = mkdtempSync(path.join(os.tmpdir(), "hclkit-hcl-corpus-"));
    corpus = await bundleCorpus(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh HCL in `dir` trusting the corpus key, the cvp suites and the built-in plugins. */
  async function freshHcl(dir: string): Promise<string> {
    const hcl = path.join(dir, "list");
    expect(
      (await runHclkit(["hcl", "init", hcl, "--name", "Test HCL"], { cwd: dir })).code,
    ).to.equal(0);
    const trust = await runHclkit(
      [
        "hcl",
        "trust",
        "--hcl",
        hcl,
        "--key",
        corpus.pub,
        "--name",
        "corpus lab",
        "--suite",
        "cvp@1.0",
        "cvp@1.1",
        "--plugins",
      ],
      { cwd: dir },
    );
    expect(trust.code, trust.stderr).to.equal(0);
    return hcl;
  }

  const add = async (hcl: string, files: string[], cwd: string) => {
    const run = await runHclkit(["hcl", "add", "--hcl", hcl, ...files, "--json"], {
      cwd,
      timeoutMs: 120_000,
    });
    return {
      code: run.code,
      outcomes: (JSON.parse(run.stdout) as { outcomes: Outcome[] }).outcomes,
      stderr: run.stderr,
    };
  };

  it("adds the bundles of every corpus machine, idempotently, into reviewable files and an index", async () => {
    const dir = tmp();
    const hcl = await freshHcl(dir);
    const first = await add(hcl, [...corpus.bundles.values()], dir);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.outcomes.map((o) => o.outcome)).to.deep.equal(Array(12).fill("added"));
    const entry = readFileSync(path.join(hcl, "entries/lenovo/2537pw4.yaml"), "utf8");
    expect(entry).to.include("vendor: LENOVO");
    expect(entry).to.include("cvp@1.0.0:");
    const index = JSON.parse(readFileSync(path.join(hcl, "index.json"), "utf8")) as {
      rows: unknown[];
    };
    expect(index.rows).to.have.length(12);
    const before = readFileSync(path.join(hcl, "index.json"), "utf8");
    const again = await add(hcl, [corpus.bundles.get("lenovo-g570") as string], dir);
    expect(again.outcomes[0]?.outcome).to.equal("unchanged");
    expect(readFileSync(path.join(hcl, "index.json"), "utf8")).to.equal(before);
  });

  it("refuses bundles signed by an unknown key, made with an untrusted plugin or a modified suite, naming why", async () => {
    const dir = tmp();
    const hcl = await freshHcl(dir);
    // Another lab's key.
    await runHclkit(["keys", "generate", "-o", "other"], { cwd: dir });
    await runHclkit(
      [
        "bundle",
        path.join(root, "s-lenovo-g570"),
        "-o",
        "foreign.hclbundle.tar.gz",
        "--key",
        "other/hclkit-signing.key",
      ],
      { cwd: dir },
    );
    // A plugin the HCL does not trust (loaded through the project's configuration).
    const project = slowTestsProject(tmp());
    await runHclkit(
      [
        "run",
        "--suite",
        "cvp@1.0",
        "--from",
        path.join(CORPUS, "lenovo-g570"),
        "--out",
        "s",
        "--non-interactive",
      ],
      { cwd: project },
    );
    await runHclkit(
      ["bundle", "s", "-o", path.join(dir, "plugin.hclbundle.tar.gz"), "--key", corpus.key],
      { cwd: project },
    );
    // A suite edited after it was trusted.
    const suite = path.join(dir, "cvp-1.0.yaml");
    writeFileSync(
      suite,
      readFileSync(path.join(root, "s-lenovo-g570/suite.yaml"), "utf8").replace(
        "retries: 2",
        "retries: 3",
      ),
    );
    await runHclkit(
      [
        "run",
        "--suite",
        suite,
        "--from",
        path.join(CORPUS, "lenovo-g570"),
        "--out",
        "s2",
        "--non-interactive",
      ],
      { cwd: dir },
    );
    await runHclkit(["bundle", "s2", "-o", "suite.hclbundle.tar.gz", "--key", corpus.key], {
      cwd: dir,
    });
    const result = await add(
      hcl,
      ["foreign.hclbundle.tar.gz", "plugin.hclbundle.tar.gz", "suite.hclbundle.tar.gz"],
      dir,
    );
    expect(result.code).to.equal(1);
    const [foreign, plugin, modified] = result.outcomes;
    expect(foreign).to.include({ outcome: "refused", code: "HCL_E_BUNDLE_SIGNATURE" });
    expect(foreign?.reason).to.include("none of the 1 trusted keys");
    expect(plugin).to.include({ outcome: "refused", code: "HCL_E_HCL_REFUSED" });
    expect(plugin?.reason).to.include("plugin slow-tests");
    expect(modified).to.include({ outcome: "refused", code: "HCL_E_HCL_REFUSED" });
    expect(modified?.reason).to.include("is not the trusted one");
    expect(JSON.parse(readFileSync(path.join(hcl, "index.json"), "utf8"))).to.deep.include({
      rows: [],
    });
  });

  it("supersedes an older bundle of the same model and suite with a newer one, keeping the history", async () => {
    const dir = tmp();
    const hcl = await freshHcl(dir);
    const older = corpus.bundles.get("lenovo-thinkpad-t420-4180pbg") as string;
    await runHclkit(
      [
        "run",
        "--suite",
        "cvp@1.0",
        "--from",
        path.join(CORPUS, "lenovo-thinkpad-t420-4180pbg"),
        "--out",
        "newer",
        "--non-interactive",
      ],
      { cwd: dir },
    );
    await runHclkit(["bundle", "newer", "-o", "newer.hclbundle.tar.gz", "--key", corpus.key], {
      cwd: dir,
    });
    // The newer first, then the older: the older only joins the history.
    const a = await add(hcl, ["newer.hclbundle.tar.gz"], dir);
    const b = await add(hcl, [older], dir);
    expect(a.outcomes[0]?.outcome).to.equal("added");
    expect(b.outcomes[0]?.outcome).to.equal("history");
    const entry = readFileSync(path.join(hcl, "entries/lenovo/4180pbg.yaml"), "utf8");
    expect(entry.match(/supersededAt:/g)).to.have.length(1);
  });

  it("takes concurrent adds without losing one (a lock)", async () => {
    const dir = tmp();
    const hcl = await freshHcl(dir);
    const files = [...corpus.bundles.values()];
    const spawnAdd = (list: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BUILT_CLI, "hcl", "add", "--hcl", hcl, ...list], {
          cwd: dir,
          stdio: "ignore",
          env: { ...process.env, NODE_OPTIONS: "" },
        });
        child.on("close", resolve);
      });
    const codes = await Promise.all([spawnAdd(files.slice(0, 6)), spawnAdd(files.slice(6))]);
    expect(codes).to.deep.equal([0, 0]);
    const index = JSON.parse(readFileSync(path.join(hcl, "index.json"), "utf8")) as {
      rows: unknown[];
    };
    expect(index.rows).to.have.length(12);
    expect(existsSync(path.join(hcl, ".lock"))).to.equal(false);
  });

  describe("on a list of the corpus", () => {
    let dir: string;
    let hcl: string;
    after(() => rmSync(dir, { recursive: true, force: true }));
    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "hclkit-hcl-list-"));
      hcl = await freshHcl(dir);
      await add(hcl, [...corpus.bundles.values()], dir);
    });

    it("queries by vendor, model, feature, suite and status", async () => {
      const q = async (...args: string[]) =>
        (
          JSON.parse(
            (await runHclkit(["hcl", "query", "--hcl", hcl, "--json", ...args], { cwd: dir }))
              .stdout,
          ) as { results: { vendor: string; model: string; supported: string[] }[] }
        ).results;
      expect((await q("--vendor", "lenovo")).map((r) => r.model).sort()).to.deep.equal([
        "20079",
        "2522W5D",
        "2537PW4",
        "4180PBG",
      ]);
      expect((await q("--model", "t410")).map((r) => r.model).sort()).to.deep.equal([
        "2522W5D",
        "2537PW4",
      ]);
      const virt = await q("--feature", "virtualization");
      expect(virt.length).to.be.greaterThan(0);
      for (const r of virt) expect(r.supported).to.include("virtualization");
      expect(await q("--suite", "cvp@1.1")).to.deep.equal([]);
      expect((await q("--status", "incomplete")).map((r) => r.model)).to.deep.equal([
        "HP EliteBook 6930p",
      ]);
    });

    it("re-evaluates against cvp@1.1: the changed entries with the requirement that decides, sharded the same", async () => {
      const run = await runHclkit(
        ["hcl", "reevaluate", "--hcl", hcl, "--suite", "cvp@1.1", "--json"],
        { cwd: dir },
      );
      expect(run.code, run.stderr).to.equal(0);
      const all = JSON.parse(run.stdout) as {
        entries: number;
        changed: number;
        results: {
          entry: string;
          changed: boolean;
          status: string;
          deciding: { requirement: string }[];
        }[];
      };
      expect(all.entries).to.equal(12);
      const changed = all.results.filter((r) => r.changed);
      expect(changed.map((r) => r.entry)).to.deep.equal([
        "entries/hewlett-packard/hp-elitebook-6930p.yaml",
      ]);
      expect(changed[0]?.status).to.equal("not-certified");
      expect(changed[0]?.deciding.map((d) => d.requirement)).to.deep.equal(["cpu.aesni"]);
      const shards = await Promise.all(
        ["0/2", "1/2"].map(
          async (s) =>
            (
              JSON.parse(
                (
                  await runHclkit(
                    [
                      "hcl",
                      "reevaluate",
                      "--hcl",
                      hcl,
                      "--suite",
                      "cvp@1.1",
                      "--shard",
                      s,
                      "--json",
                    ],
                    { cwd: dir },
                  )
                ).stdout,
              ) as { results: { entry: string }[] }
            ).results,
        ),
      );
      expect(
        shards
          .flat()
          .map((r) => r.entry)
          .sort(),
      ).to.deep.equal(all.results.map((r) => r.entry).sort());
      const bad = await runHclkit(
        ["hcl", "reevaluate", "--hcl", hcl, "--suite", "cvp@1.1", "--shard", "2/2"],
        { cwd: dir },
      );
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.include("HCL_E_HCL_SHARD");
    });

    it("re-evaluates the same with worker threads as in one thread, and rebuilds nothing from bundles", async () => {
      const one = await runHclkit(
        ["hcl", "reevaluate", "--hcl", hcl, "--suite", "cvp@1.1", "--json", "--workers", "0"],
        { cwd: dir },
      );
      const two = await runHclkit(
        ["hcl", "reevaluate", "--hcl", hcl, "--suite", "cvp@1.1", "--json", "--workers", "2"],
        { cwd: dir },
      );
      const strip = (text: string) => (JSON.parse(text) as { results: unknown[] }).results;
      expect(strip(two.stdout)).to.deep.equal(strip(one.stdout));
    });

    it("diffs two states of the list", async () => {
      const after = path.join(dir, "after");
      cpSync(hcl, after, { recursive: true });
      rmSync(path.join(after, "entries/acer"), { recursive: true });
      const index = JSON.parse(readFileSync(path.join(after, "index.json"), "utf8")) as {
        rows: { path: string }[];
      };
      writeFileSync(
        path.join(after, "index.json"),
        JSON.stringify({
          ...index,
          rows: index.rows.filter((r) => !r.path.startsWith("entries/acer")),
        }),
      );
      const run = await runHclkit(["hcl", "diff", hcl, after, "--json"], { cwd: dir });
      const { changes } = JSON.parse(run.stdout) as { changes: { kind: string; entry: string }[] };
      expect(changes).to.deep.equal([
        { ...changes[0], kind: "removed", entry: "entries/acer/aspire-5750.yaml" },
      ]);
      const same = await runHclkit(["hcl", "diff", hcl, hcl], { cwd: dir });
      expect(same.stdout).to.equal("no difference\n");
    });

    it("diffs two git revisions of one list (DIR@REV)", async () => {
      const repo = path.join(dir, "repo");
      cpSync(hcl, repo, { recursive: true });
      const git = (...args: string[]) =>
        execFileSync(
          "git",
          ["-C", repo, "-c", "user.email=hcl@example.com", "-c", "user.name=HCL", ...args],
          { encoding: "utf8" },
        );
      git("init", "-q");
      git("add", "-A");
      git("commit", "-q", "-m", "the list");
      const index = JSON.parse(readFileSync(path.join(repo, "index.json"), "utf8")) as {
        rows: { path: string }[];
      };
      writeFileSync(
        path.join(repo, "index.json"),
        JSON.stringify({
          ...index,
          rows: index.rows.filter((r) => !r.path.startsWith("entries/fujitsu")),
        }),
      );
      git("commit", "-q", "-am", "drop the Fujitsu");
      const run = await runHclkit(["hcl", "diff", "repo@HEAD~1", "repo@HEAD", "--json"], {
        cwd: dir,
      });
      expect(run.code, run.stderr).to.equal(0);
      const { changes } = JSON.parse(run.stdout) as { changes: { kind: string; entry: string }[] };
      expect(changes.map((c) => [c.kind, c.entry])).to.deep.equal([
        ["removed", "entries/fujitsu/lifebook-e751.yaml"],
      ]);
      const bad = await runHclkit(["hcl", "diff", "repo@nosuchrev", "repo"], { cwd: dir });
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.include("at revision nosuchrev");
    });

    it("publishes a self-contained site and a feed valid against its schema, the same bytes twice", async () => {
      const site = path.join(dir, "site");
      const run = await runHclkit(["hcl", "publish", "--hcl", hcl, "--out", site, "--json"], {
        cwd: dir,
      });
      expect(run.code, run.stderr).to.equal(0);
      const feedText = readFileSync(path.join(site, "hcl.json"), "utf8");
      const validate = createAjv({ allowUnionTypes: true, strict: false }).compile(feedSchema);
      expect(validate(JSON.parse(feedText)), JSON.stringify(validate.errors)).to.equal(true);
      const html = readFileSync(path.join(site, "index.html"), "utf8");
      expect(html).to.not.match(/(src|href)="https?:/);
      expect(existsSync(path.join(site, "models/lenovo/2537pw4.html"))).to.equal(true);
      await runHclkit(["hcl", "publish", "--hcl", hcl, "--out", site], { cwd: dir });
      expect(readFileSync(path.join(site, "hcl.json"), "utf8")).to.equal(feedText);
      expect(readFileSync(path.join(site, "index.html"), "utf8")).to.equal(html);
    });
  });

  it("says what is wrong with a folder that is not an HCL, and refuses to init one twice", async () => {
    const dir = tmp();
    const none = await runHclkit(["hcl", "query", "--hcl", dir], { cwd: dir });
    expect(none.code).to.equal(2);
    expect(none.stderr).to.include("is not an HCL (no hcl.yaml)");
    await runHclkit(["hcl", "init", "x"], { cwd: dir });
    const twice = await runHclkit(["hcl", "init", "x"], { cwd: dir });
    expect(twice.code).to.equal(2);
    writeFileSync(
      path.join(dir, "x", "hcl.yaml"),
      "name: X\nsuites: [cvp]\ntrust: { keys: [], suites: [], plugins: [] }\n",
    );
    const bad = await runHclkit(["hcl", "add", "--hcl", "x", "nothing.tar.gz"], { cwd: dir });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/hcl\.yaml:2:\d+ suites\[0\]/);
  });
});
