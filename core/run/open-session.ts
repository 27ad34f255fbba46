import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import { inspectMachine } from "../platform/inspect-machine.js";
import type { LoadedPlugin } from "../plugin/load-plugin.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import { findSuite, type LoadedSuite } from "../suite/load-suite.js";
import { planSuite } from "../suite/plan.js";
import { loadWaivers, type LoadedWaiver } from "../suite/waivers.js";
import { loadAnswers, type AnswersFile } from "./answers.js";
import { writeDurable } from "./durable.js";
import { loadDefinitionsBase, type RunnableTests } from "./catalog.js";
import { readSessionState, type SessionState } from "./runner.js";
import { SESSION_FILES, SessionStore } from "./session-store.js";
import { SESSION_FORMAT, type SessionManifest } from "./session-types.js";

/** What `hclkit run` is asked to do. @public */
export interface RunRequest {
  readonly suite: string;
  readonly cwd: string;
  /** Folders of the shipped suites. */
  readonly suiteDirs: readonly string[];
  /** Recorded evidence; the live machine under `root` when absent. */
  readonly from?: string | undefined;
  readonly root: string;
  /** Session folder; `hclkit-sessions/<stamp>-<suite>` under `cwd` when absent. */
  readonly out?: string | undefined;
  readonly answers?: string | undefined;
  readonly waivers?: string | undefined;
  readonly nonInteractive: boolean;
  readonly allowDisruptive: boolean;
  readonly hclkitVersion: string;
  /** Clock, for the session id and waiver expiry. */
  readonly now?: () => Date;
  /** Capture tool logs (dmidecode, lspci…) into the live snapshot; true by default. */
  readonly tools?: boolean;
}

/** The definitions a session depends on, loaded now: what `resume` compares. @public */
export interface Definitions {
  readonly suite: LoadedSuite;
  readonly plugins: readonly LoadedPlugin[];
  readonly tests: RunnableTests;
}

/** A session ready to run: its state on disk and what running it needs. @public */
export interface OpenedSession {
  readonly state: SessionState;
  readonly manifest: SessionManifest;
  readonly tests: RunnableTests;
  readonly answers: AnswersFile | null;
  readonly warnings: readonly string[];
}

/**
 * Creates a session (DESIGN.md, "Sessions"): reads the suite, waivers and answers (every input
 * checked before anything is written), reads the evidence — for the live machine, a snapshot is
 * captured into the session first and the inventory read from it, so that the session holds
 * exactly the evidence its passive verdicts rest on — plans, and writes the session's files.
 *
 * @public
 */
export async function createSession(host: PluginHost, request: RunRequest): Promise<OpenedSession> {
  const now = request.now ?? (() => new Date());
  const { plugins, tests } = await loadDefinitionsBase(host);
  const suite = await findSuite(request.suite, {
    dirs: request.suiteDirs,
    cwd: request.cwd,
    tests: tests.catalog,
  });
  const waivers: LoadedWaiver[] =
    request.waivers === undefined
      ? []
      : await loadWaivers(path.resolve(request.cwd, request.waivers));
  const answers =
    request.answers === undefined
      ? null
      : await loadAnswers(path.resolve(request.cwd, request.answers), suite.suite);
  const started = now();
  const id = sessionId(started, suite);
  const dir = path.resolve(request.cwd, request.out ?? path.join("hclkit-sessions", id));
  const store = new SessionStore(dir);
  const live = request.from === undefined;
  const root = path.resolve(request.cwd, request.root);
  if (!live && request.from !== undefined) {
    // Recorded evidence is checked before the session folder exists.
    await inspectMachine(host, { from: request.from, cwd: request.cwd });
  }
  store.create();
  const release = store.lock();
  try {
    let evidence: SessionManifest["evidence"];
    if (live) {
      const { captureMachine } = await import("../inventory/capture-machine.js");
      await captureMachine({
        root,
        out: store.file(SESSION_FILES.snapshot),
        hclkitVersion: request.hclkitVersion,
        tools: request.tools ?? true,
      });
      evidence = { kind: "live", source: root, snapshot: SESSION_FILES.snapshot };
    } else {
      evidence = {
        kind: "recorded",
        source: path.resolve(request.cwd, request.from),
        snapshot: null,
      };
    }
    const { inventory, identity } = await inspectMachine(
      host,
      live
        ? { from: store.file(SESSION_FILES.snapshot), cwd: request.cwd }
        : { from: request.from, cwd: request.cwd },
    );
    const today = started.toISOString().slice(0, 10);
    const plan = planSuite(
      suite,
      { inventory, devices: identity.devices },
      {
        live,
        allowDisruptive: request.allowDisruptive,
        tests: tests.catalog,
        waivers,
        today,
      },
    );
    const manifest: SessionManifest = {
      format: SESSION_FORMAT,
      id,
      createdAt: started.toISOString(),
      hclkit: request.hclkitVersion,
      node: process.version,
      kernel: os.release(),
      host: os.hostname(),
      suite: {
        ref: request.suite,
        id: suite.suite.id,
        version: suite.suite.version,
        title: suite.suite.title,
        digest: suite.digest,
        file: suite.file,
      },
      plugins: plugins.map((p) => ({
        name: p.plugin.name,
        version: p.plugin.version,
        digest: p.digest,
      })),
      platform: inventory.platform?.plugin ?? null,
      evidence,
      options: {
        allowDisruptive: request.allowDisruptive,
        nonInteractive: request.nonInteractive,
        answers: answers === null ? null : { file: answers.file, digest: answers.digest },
        waivers: waivers.map((w) => ({ id: w.waiver.id, file: w.file, digest: w.digest })),
        today,
      },
      bootId: live ? readBootId(root) : null,
    };
    store.writeJson(SESSION_FILES.inventory, inventory);
    store.writeJson(SESSION_FILES.devices, identity.devices);
    store.writeJson(SESSION_FILES.plan, plan);
    store.writeJson(
      SESSION_FILES.waivers,
      waivers.map((w) => w.waiver),
    );
    store.writeJson(SESSION_FILES.suiteJson, { suite: suite.suite });
    writeDurable(store.file(SESSION_FILES.suite), suite.text);
    // The manifest is written last: a folder without one is not a session yet.
    store.writeJson(SESSION_FILES.manifest, manifest);
    return { state: readSessionState(store), manifest, tests, answers, warnings: plan.warnings };
  } finally {
    release();
  }
}

/** What changed between the definitions a session was started with and those loaded now. @public */
export function definitionChanges(manifest: SessionManifest, now: Definitions): string[] {
  const changes: string[] = [];
  if (now.suite.digest !== manifest.suite.digest)
    changes.push(
      `suite ${manifest.suite.id}@${manifest.suite.version} (${manifest.suite.file}) changed: ${manifest.suite.digest} → ${now.suite.digest}${now.suite.suite.version === manifest.suite.version ? "" : ` (now version ${now.suite.suite.version})`}`,
    );
  const current = new Map(now.plugins.map((p) => [p.plugin.name, p]));
  for (const p of manifest.plugins) {
    const c = current.get(p.name);
    if (c === undefined) changes.push(`plugin ${p.name} ${p.version} is no longer loaded`);
    else if (c.digest !== p.digest)
      changes.push(
        `plugin ${p.name} changed: ${p.version} ${p.digest} → ${c.plugin.version} ${c.digest}`,
      );
  }
  for (const c of now.plugins)
    if (!manifest.plugins.some((p) => p.name === c.plugin.name))
      changes.push(`plugin ${c.plugin.name} ${c.plugin.version} is new`);
  return changes;
}

/** Options of {@link openForResume}. @public */
export interface ResumeRequest {
  readonly dir: string;
  readonly cwd: string;
  readonly force: boolean;
  readonly answers?: string | undefined;
}

/**
 * Opens a session to resume it: the suite (from the file it was read from) and the plugins are
 * loaded again and compared with the digests the session recorded; a change is refused unless
 * `force`, naming what changed.
 *
 * @throws HclError `HCL_E_SESSION_NOT_FOUND`, `HCL_E_SESSION_CORRUPT`, `HCL_E_SESSION_CHANGED`.
 * @public
 */
export async function openForResume(
  host: PluginHost,
  request: ResumeRequest,
): Promise<OpenedSession & { readonly changes: readonly string[] }> {
  const dir = path.resolve(request.cwd, request.dir);
  const store = new SessionStore(dir);
  try {
    readFileSync(store.file(SESSION_FILES.manifest));
  } catch {
    throw new HclError(
      "HCL_E_SESSION_NOT_FOUND",
      `${dir} holds no hclkit session (no ${SESSION_FILES.manifest})`,
      {
        hint: "Give the folder `hclkit run` printed (by default under hclkit-sessions/).",
        details: { dir },
      },
    );
  }
  const manifest = store.readJson<SessionManifest>(SESSION_FILES.manifest);
  const format: unknown = manifest.format;
  if (format !== SESSION_FORMAT)
    throw new HclError(
      "HCL_E_SESSION_CORRUPT",
      `${dir} is a session of format ${String(format)}; this hclkit resumes ${SESSION_FORMAT}`,
      {
        details: { dir, found: format, expected: SESSION_FORMAT },
      },
    );
  const { plugins, tests } = await loadDefinitionsBase(host);
  let changes: string[];
  try {
    const { loadSuiteFile } = await import("../suite/load-suite.js");
    const suite = await loadSuiteFile(manifest.suite.file, tests.catalog);
    changes = definitionChanges(manifest, { suite, plugins, tests });
  } catch (error) {
    changes = [
      `suite file ${manifest.suite.file} cannot be loaded: ${(error as Error).message.split("\n")[0] ?? ""}`,
    ];
  }
  if (changes.length > 0 && !request.force)
    throw new HclError(
      "HCL_E_SESSION_CHANGED",
      `the definitions of session ${manifest.id} changed since it started:\n${changes.map((c) => `  ${c}`).join("\n")}`,
      {
        hint: "Resume with --force to continue with the session's own copy of the suite (the change is recorded), or start a new run.",
        details: { dir, changes },
      },
    );
  const state = readSessionState(store);
  const answers =
    request.answers === undefined
      ? null
      : await loadAnswers(path.resolve(request.cwd, request.answers), state.suite);
  return { state, manifest, tests, answers, warnings: [], changes };
}

function sessionId(at: Date, suite: LoadedSuite): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  return `${stamp}-${suite.suite.id}-${suite.suite.version}-${randomBytes(3).toString("hex")}`;
}

/** The kernel's id of this boot; `null` when it cannot be read. @public */
export function readBootId(root: string): string | null {
  try {
    return readFileSync(path.join(root, "proc/sys/kernel/random/boot_id"), "utf8").trim() || null;
  } catch {
    return null;
  }
}
