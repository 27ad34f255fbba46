import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import { readSnapshotArchive } from "../../core/evidence/read-archive.js";
import type { MemoryFs } from "../../core/evidence/memory-fs.js";
import { inspectMachine } from "../../core/platform/inspect-machine.js";
import type { PluginHost } from "../../core/plugin/plugin-host.js";
import { loadDefinitionsBase } from "../../core/run/catalog.js";
import type { RequirementResult } from "../../core/run/session-types.js";
import { evaluateConditions } from "../../core/suite/evaluate.js";
import type { MachineFacts } from "../../core/suite/facts.js";
import { loadSuiteFile } from "../../core/suite/load-suite.js";
import { planSuite } from "../../core/suite/plan.js";
import type { Suite } from "../../core/suite/suite-schema.js";
import type { Verdict } from "../../core/suite/verdicts.js";
import type { Report } from "./build-report.js";
import { BUNDLE_FILES, BUNDLE_FORMAT, type BundleManifest, type Statement } from "./bundle.js";
import { envelopeSignedBy, keyId, type Envelope } from "./dsse.js";
import { createPublicKey } from "node:crypto";

/** One verification step and what it found. @public */
export interface Check {
  readonly check: "digests" | "signature" | "report" | "attestation" | "verdicts";
  readonly ok: boolean;
  readonly detail: string;
}

/** What `hclkit verify` found. @public */
export interface Verification {
  readonly file: string;
  readonly session: string;
  readonly overall: Report["overall"];
  readonly keyid: string | null;
  readonly checks: readonly Check[];
  /** Requirements whose passive verdict was re-derived, and how many agreed. */
  readonly rederived: { readonly requirements: number; readonly agreed: number };
  /** The bundle's report, and the facts re-derived from its evidence. */
  readonly report: Report;
  readonly facts: MachineFacts;
  /** The suite the report was made with (from the bundle, checked against the report's digest). */
  readonly suite: Suite;
  /** SHA-256 of the bundle file. */
  readonly digest: string;
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

function unusable(file: string, why: string, cause?: unknown): HclError {
  return new HclError("HCL_E_BUNDLE_UNUSABLE", `${file} is not a usable hclkit bundle: ${why}`, {
    hint: "Give a .hclbundle.tar.gz written by `hclkit bundle`.",
    cause,
    details: { file },
  });
}

function json<T>(fs: MemoryFs, name: string, file: string): T {
  const text = fs.readText(name);
  if (text === null) throw unusable(file, `it has no ${name}`);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: ${name} is not valid JSON (${(error as Error).message})`,
      {
        details: { file, member: name },
      },
    );
  }
}

/** Every regular file of the archive, by its path in it. */
function members(fs: MemoryFs): string[] {
  return [...fs.entries().files.keys()].map((p) => p.replace(/^\//, "")).sort();
}

/**
 * Verifies a bundle: every file against the manifest (nothing changed, missing or added), the
 * envelope's statement against the report and the manifest, the Ed25519 signature (by `publicKey`
 * when given, else by the key the bundle carries), the report against the session's results, and
 * — what no peer does — the report's passive verdicts re-derived from the bundled evidence with
 * the bundled suite and this hclkit's plugins. Stops at the first failure with a coded error
 * naming the file or requirement.
 *
 * @throws HclError `HCL_E_BUNDLE_UNUSABLE` (exit 2), `HCL_E_BUNDLE_TAMPERED`,
 *   `HCL_E_BUNDLE_SIGNATURE`, `HCL_E_BUNDLE_VERDICT` (exit 1), `HCL_E_VERIFY_DEFINITIONS` (exit 2).
 * @public
 */
export async function verifyBundle(
  host: PluginHost,
  file: string,
  options: {
    readonly publicKey?: string;
    /** Keys any one of which must have signed (an HCL's trusted keys); overrides `publicKey`. */
    readonly trustedKeys?: readonly string[];
    readonly allowUnsigned?: boolean;
  } = {},
): Promise<Verification> {
  let fs: MemoryFs;
  try {
    fs = await readSnapshotArchive(file);
  } catch (error) {
    throw unusable(file, (error as Error).message.split("\n")[0] ?? "unreadable", error);
  }
  const checks: Check[] = [];
  const manifest = json<BundleManifest>(fs, BUNDLE_FILES.manifest, file);
  const format: unknown = manifest.format;
  if (format !== BUNDLE_FORMAT)
    throw unusable(file, `its manifest is of format ${String(format)}, expected ${BUNDLE_FORMAT}`);

  // 1. Digests: each listed file present and unchanged; nothing unlisted.
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const entry of manifest.files) {
    const bytes = fs.readBytes(entry.path);
    if (bytes === null)
      throw new HclError("HCL_E_BUNDLE_TAMPERED", `${file}: ${entry.path} is missing`, {
        details: { file, member: entry.path },
      });
    const digest = sha256(bytes);
    if (digest !== entry.sha256 || bytes.byteLength !== entry.size)
      throw new HclError(
        "HCL_E_BUNDLE_TAMPERED",
        `${file}: ${entry.path} changed: sha256 ${digest}, the manifest says ${entry.sha256}`,
        {
          details: { file, member: entry.path, found: digest, expected: entry.sha256 },
        },
      );
  }
  const own = new Set<string>([
    BUNDLE_FILES.manifest,
    BUNDLE_FILES.envelope,
    BUNDLE_FILES.publicKey,
  ]);
  const extra = members(fs).filter((m) => !listed.has(m) && !own.has(m));
  if (extra.length > 0)
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: ${extra.join(", ")} ${extra.length === 1 ? "is" : "are"} not in the manifest`,
      {
        details: { file, members: extra },
      },
    );
  checks.push({
    check: "digests",
    ok: true,
    detail: `${manifest.files.length} files match the manifest`,
  });

  // 2. The statement names the report and the manifest by digest, and is signed.
  const envelope = json<Envelope>(fs, BUNDLE_FILES.envelope, file);
  let statement: Statement;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as Statement;
  } catch {
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: the envelope's payload is not a statement`,
      { details: { file } },
    );
  }
  for (const subject of statement.subject ?? []) {
    const bytes = fs.readBytes(subject.name);
    if (bytes === null || sha256(bytes) !== subject.digest.sha256)
      throw new HclError(
        "HCL_E_BUNDLE_TAMPERED",
        `${file}: ${subject.name} is not the one the signed statement names`,
        {
          details: { file, member: subject.name },
        },
      );
  }
  if (!(statement.subject ?? []).some((s) => s.name === BUNDLE_FILES.manifest))
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: the statement does not name the manifest`,
      { details: { file } },
    );
  const carried = fs.readText(BUNDLE_FILES.publicKey);
  const key = options.publicKey ?? carried;
  let keyid: string | null = null;
  if (envelope.signatures.length === 0) {
    if (options.allowUnsigned !== true)
      throw new HclError("HCL_E_BUNDLE_SIGNATURE", `${file} is not signed`, {
        hint: "Sign bundles with `hclkit bundle --key KEY` (make one with `hclkit keys generate`), or pass --allow-unsigned to check integrity only.",
        details: { file },
      });
    checks.push({ check: "signature", ok: true, detail: "unsigned (allowed): integrity only" });
  } else if (options.trustedKeys !== undefined) {
    const signer = options.trustedKeys.find((k) => envelopeSignedBy(envelope, k));
    if (signer === undefined)
      throw new HclError(
        "HCL_E_BUNDLE_SIGNATURE",
        `${file} is signed by ${envelope.signatures.map((s) => s.keyid).join(", ")}, none of the ${options.trustedKeys.length} trusted keys`,
        {
          hint: "Trust the signer's key (hclkit hcl trust --key PUB) if it is a lab you accept.",
          details: { file, signers: envelope.signatures.map((s) => s.keyid) },
        },
      );
    keyid = keyId(createPublicKey(signer));
    checks.push({
      check: "signature",
      ok: true,
      detail: `Ed25519 signature by trusted key ${keyid}`,
    });
  } else {
    if (key === null || key === undefined)
      throw new HclError(
        "HCL_E_BUNDLE_SIGNATURE",
        `${file} is signed but carries no public key, and none was given`,
        {
          hint: "Give the signer's public key with --key.",
          details: { file },
        },
      );
    keyid = keyId(createPublicKey(key));
    if (!envelopeSignedBy(envelope, key))
      throw new HclError(
        "HCL_E_BUNDLE_SIGNATURE",
        `${file}: no valid signature by key ${keyid}${options.publicKey === undefined ? " (the key the bundle carries)" : " (the key given)"}; signed by ${envelope.signatures.map((s) => s.keyid).join(", ")}`,
        { details: { file, keyid, signers: envelope.signatures.map((s) => s.keyid) } },
      );
    checks.push({
      check: "signature",
      ok: true,
      detail: `Ed25519 signature by ${keyid}${options.publicKey === undefined ? " (key carried by the bundle: pass --key to pin it)" : ""}`,
    });
  }

  // 3. The report agrees with the session's own results.
  const report = json<Report>(fs, BUNDLE_FILES.report, file);
  for (const r of report.requirements) {
    const name = `session/results/${String(r.index).padStart(3, "0")}-${r.requirement}.json`;
    const stored = fs.readText(name);
    const result = stored === null ? null : (JSON.parse(stored) as RequirementResult);
    if (result === null || result.raw !== r.raw || result.verdict !== r.verdict)
      throw new HclError(
        "HCL_E_BUNDLE_VERDICT",
        `${file}: requirement ${r.requirement}: the report says ${r.verdict}, the session's result ${result === null ? "is missing" : `says ${result.verdict}`}`,
        {
          details: { file, requirement: r.requirement },
        },
      );
  }
  const attestation = await checkAttestation(fs, file, report);
  if (attestation !== null) checks.push(attestation);
  checks.push({
    check: "report",
    ok: true,
    detail: `${report.requirements.length} results agree with the session`,
  });

  // 4. Re-derive the passive verdicts.
  const rederived = await rederive(host, fs, file, manifest, report);
  checks.push({
    check: "verdicts",
    ok: true,
    detail: `${rederived.agreed} of ${rederived.requirements} passive verdicts re-derived from the bundled evidence agree`,
  });
  return {
    file,
    session: report.session.id,
    overall: report.overall,
    keyid,
    checks,
    rederived: { requirements: rederived.requirements, agreed: rederived.agreed },
    report,
    facts: rederived.facts,
    suite: rederived.suite,
    digest: `sha256:${sha256(readFileSync(file))}`,
  };
}

async function rederive(
  host: PluginHost,
  fs: MemoryFs,
  file: string,
  manifest: BundleManifest,
  report: Report,
): Promise<{ requirements: number; agreed: number; facts: MachineFacts; suite: Suite }> {
  if (manifest.evidence === null)
    throw unusable(file, "it holds no evidence to re-derive the verdicts from");
  const { plugins, tests } = await loadDefinitionsBase(host);
  const mine = new Map(plugins.map((p) => [p.plugin.name, p.digest]));
  const differ = report.plugins.filter(
    (p) => mine.get(p.name) !== undefined && mine.get(p.name) !== p.digest,
  );
  const platform = report.platform;
  if (platform !== null && mine.get(platform.plugin) !== platform.digest)
    differ.push({ name: platform.plugin, version: platform.version, digest: platform.digest });
  if (differ.length > 0)
    throw new HclError(
      "HCL_E_VERIFY_DEFINITIONS",
      `cannot re-derive ${file}'s verdicts: ${differ.map((p) => `plugin ${p.name} is ${mine.get(p.name) ?? "not loaded"} here, the report was made with ${p.digest}`).join("; ")}`,
      {
        hint: "Verify with the hclkit and plugins the bundle was made with.",
        details: { file, plugins: differ },
      },
    );
  const scratch = mkdtempSync(path.join(os.tmpdir(), "hclkit-verify-"));
  try {
    const suiteFile = path.join(scratch, "suite.yaml");
    writeFileSync(suiteFile, fs.readBytes("session/suite.yaml") ?? "");
    const suite = await loadSuiteFile(suiteFile, tests.catalog);
    if (suite.digest !== report.suite.digest)
      throw new HclError(
        "HCL_E_BUNDLE_TAMPERED",
        `${file}: session/suite.yaml is ${suite.digest}, the report names ${report.suite.digest}`,
        {
          details: { file, member: "session/suite.yaml" },
        },
      );
    const evidenceFile = path.join(scratch, path.basename(manifest.evidence.path));
    writeFileSync(evidenceFile, fs.readBytes(manifest.evidence.path) ?? "");
    const { inventory, identity } = await inspectMachine(host, {
      from: evidenceFile,
      cwd: scratch,
    });
    const sources = { inventory, devices: identity.devices };
    // The machine the evidence shows is the machine the report names.
    const system = inventory.smbios?.identity?.system ?? null;
    const shown = [system?.vendor ?? null, system?.product ?? null, system?.version ?? null];
    const named = [report.system.vendor, report.system.model, report.system.version];
    if (JSON.stringify(shown) !== JSON.stringify(named))
      throw new HclError(
        "HCL_E_BUNDLE_VERDICT",
        `${file}: the report names the machine ${named.join(" / ")}, the bundled evidence shows ${shown.join(" / ")}`,
        {
          details: { file, reported: named, derived: shown },
        },
      );
    const live = report.session.evidence.kind === "live";
    const plan = planSuite(suite, sources, {
      live,
      allowDisruptive: true,
      tests: tests.catalog,
      waivers: [],
      today: "1970-01-01",
    });
    let compared = 0;
    for (const step of plan.steps) {
      const requirement = suite.suite.requirements[step.index];
      const reported = report.requirements.find((r) => r.requirement === step.requirement);
      if (requirement === undefined || reported === undefined) continue;
      // Passive: what the evidence alone decides (a `when` that skips or blocks, or a check).
      let derived: Verdict | null = null;
      if (step.decision === "skipped") derived = "skip";
      else if (step.decision === "blocked" && !step.reason.includes("test ")) derived = "blocked";
      else if (requirement.check !== undefined) {
        const holds = evaluateConditions(requirement.check, sources).holds;
        derived = holds === null ? "blocked" : holds ? "pass" : "fail";
      }
      if (derived === null) continue;
      compared++;
      if (derived !== reported.raw)
        throw new HclError(
          "HCL_E_BUNDLE_VERDICT",
          `${file}: requirement ${step.requirement}: the report says ${reported.raw}, the bundled evidence gives ${derived} (${
            step.decision === "included"
              ? evaluateConditions(requirement.check, sources)
                  .outcomes.map((o) => o.text)
                  .join("; ")
              : step.reason
          })`,
          { details: { file, requirement: step.requirement, reported: reported.raw, derived } },
        );
    }
    return { requirements: compared, agreed: compared, facts: sources, suite: suite.suite };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The TPM quote of an attested report: signed by the attestation key it carries, its nonce the
 * SHA-256 of the bundled report.json, its PCR digest that of the report's PCR values. A report
 * and a quote must come together.
 */
async function checkAttestation(fs: MemoryFs, file: string, report: Report): Promise<Check | null> {
  const quote = fs.readText(BUNDLE_FILES.attestation);
  if (quote === null && report.attestation === undefined) return null;
  if (quote === null || report.attestation === undefined)
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: ${quote === null ? "the report says it is attested, but the bundle holds no quote" : "the bundle holds a quote, but the report has no attestation"}`,
      { details: { file } },
    );
  const { verifyQuoteJson } = await import("../../core/tpm/attest.js");
  const nonce = createHash("sha256")
    .update(fs.readBytes(BUNDLE_FILES.report) ?? new Uint8Array())
    .digest();
  let parsed: unknown;
  try {
    parsed = JSON.parse(quote);
  } catch {
    throw new HclError(
      "HCL_E_BUNDLE_TAMPERED",
      `${file}: ${BUNDLE_FILES.attestation} is not valid JSON`,
      { details: { file } },
    );
  }
  verifyQuoteJson(parsed, nonce, { [report.attestation.bank]: report.attestation.pcrs });
  return {
    check: "attestation",
    ok: true,
    detail: `TPM 2.0 quote of ${report.attestation.bank} PCRs ${Object.keys(report.attestation.pcrs).join(",")} over this report (key trust ${report.attestation.keyTrust.split(":")[0] ?? "unknown"})`,
  };
}
