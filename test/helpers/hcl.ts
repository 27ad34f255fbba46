import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { runHclkit } from "./cli.js";
import { CORPUS, MACHINES } from "./corpus.js";

/** A workspace with a signing key, and a signed cvp@1.0 bundle of every corpus machine. */
export interface BundledCorpus {
  readonly dir: string;
  readonly key: string;
  readonly pub: string;
  /** Bundle file by machine folder name. */
  readonly bundles: ReadonlyMap<string, string>;
}

/** Runs cvp@1.0 on every corpus machine (recorded evidence) and bundles each session, signed. */
export async function bundleCorpus(dir: string, suite = "cvp@1.0"): Promise<BundledCorpus> {
  mkdirSync(dir, { recursive: true });
  const keys = await runHclkit(["keys", "generate", "-o", "keys"], { cwd: dir });
  if (keys.code !== 0) throw new Error(keys.stderr);
  const bundles = new Map<string, string>();
  // Two at a time: the machine has two cores.
  for (let i = 0; i < MACHINES.length; i += 2)
    await Promise.all(
      MACHINES.slice(i, i + 2).map(async (m) => {
        const run = await runHclkit(
          [
            "run",
            "--suite",
            suite,
            "--from",
            path.join(CORPUS, m),
            "--out",
            `s-${m}`,
            "--non-interactive",
          ],
          { cwd: dir },
        );
        if (run.code !== 1 && run.code !== 4) throw new Error(run.stderr);
        const out = `${m}.hclbundle.tar.gz`;
        const b = await runHclkit(
          ["bundle", `s-${m}`, "-o", out, "--key", "keys/hclkit-signing.key"],
          { cwd: dir },
        );
        if (b.code !== 0) throw new Error(b.stderr);
        bundles.set(m, path.join(dir, out));
      }),
    );
  return {
    dir,
    key: path.join(dir, "keys/hclkit-signing.key"),
    pub: path.join(dir, "keys/hclkit-signing.pub"),
    bundles,
  };
}

/** A copy of a folder's files (one level of bundles), for a second state to diff against. */
export function copyBundles(from: BundledCorpus, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const file of from.bundles.values()) copyFileSync(file, path.join(to, path.basename(file)));
}
