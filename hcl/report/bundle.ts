import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { create } from "tar";
import { HclError } from "../../core/errors/hcl-error.js";
import { syncDir, writeDurable } from "../../core/run/durable.js";
import { SESSION_FILES } from "../../core/run/session-store.js";
import type { SessionManifest } from "../../core/run/session-types.js";
import type { Report } from "./build-report.js";
import { PREDICATE_TYPE, STATEMENT_TYPE, signEnvelope, type Envelope } from "./dsse.js";
import { reportFromSession } from "./session-report.js";

/** The format tag of a bundle's manifest. @public */
export const BUNDLE_FORMAT = "hclkit-bundle/1";

/** Names inside a bundle. @public */
export const BUNDLE_FILES = {
  manifest: "manifest.json",
  envelope: "statement.dsse.json",
  publicKey: "signing.pub",
  report: "report.json",
  /** The TPM quote over the report, when attested. */
  attestation: "attestation.json",
} as const;

/** One file a bundle holds, with its digest. @public */
export interface BundleEntry {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** `manifest.json`: what the bundle holds, each file by SHA-256. @public */
export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly createdAt: string;
  readonly session: string;
  readonly suite: { readonly id: string; readonly version: string; readonly digest: string };
  readonly report: string;
  /** The evidence the passive verdicts rest on: a snapshot archive, or a single dump. */
  readonly evidence: { readonly path: string; readonly kind: "snapshot" | "dump" } | null;
  readonly files: readonly BundleEntry[];
}

/** The in-toto statement a bundle's envelope carries. @public */
export interface Statement {
  readonly _type: typeof STATEMENT_TYPE;
  readonly subject: readonly {
    readonly name: string;
    readonly digest: { readonly sha256: string };
  }[];
  readonly predicateType: typeof PREDICATE_TYPE;
  readonly predicate: {
    readonly session: string;
    readonly overall: Report["overall"];
    readonly system: Report["system"];
    readonly suite: Report["suite"];
    readonly platform: {
      readonly plugin: string;
      readonly version: string;
      readonly digest: string;
    } | null;
    readonly hclkit: string;
  };
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The session's files that go into a bundle, relative to the session folder. */
function sessionFiles(dir: string): string[] {
  const fixed = [
    SESSION_FILES.manifest,
    SESSION_FILES.suite,
    SESSION_FILES.suiteJson,
    SESSION_FILES.plan,
    SESSION_FILES.inventory,
    SESSION_FILES.devices,
    SESSION_FILES.waivers,
    "resumes.json",
  ].filter((f) => existsSync(path.join(dir, f)));
  const listed = (sub: string, suffix: string) =>
    existsSync(path.join(dir, sub))
      ? readdirSync(path.join(dir, sub))
          .filter((n) => n.endsWith(suffix))
          .sort()
          .map((n) => `${sub}/${n}`)
      : [];
  return [
    ...fixed,
    ...listed(SESSION_FILES.results, ".json"),
    ...listed(SESSION_FILES.output, ".log"),
  ];
}

/** The evidence of a session as bytes to bundle: the captured snapshot, or the recorded source. */
async function evidenceOf(
  dir: string,
  manifest: SessionManifest,
): Promise<{ name: string; kind: "snapshot" | "dump"; bytes: Buffer } | null> {
  if (manifest.evidence.kind === "live") {
    const file = path.join(dir, manifest.evidence.snapshot ?? SESSION_FILES.snapshot);
    return existsSync(file)
      ? { name: "evidence/snapshot.tar.gz", kind: "snapshot", bytes: readFileSync(file) }
      : null;
  }
  const source = manifest.evidence.source;
  if (!existsSync(source)) return null;
  if (statSync(source).isDirectory()) {
    // A snapshot folder is archived whole (the files hclkit reads from it).
    const chunks: Buffer[] = [];
    const names = readdirSync(source).sort();
    const stream = create({ gzip: true, cwd: source, portable: true, follow: false }, names);
    for await (const chunk of stream) chunks.push(chunk);
    return { name: "evidence/snapshot.tar.gz", kind: "snapshot", bytes: Buffer.concat(chunks) };
  }
  const bytes = readFileSync(source);
  const gzipOrTar =
    (bytes[0] === 0x1f && bytes[1] === 0x8b) ||
    bytes.subarray(257, 262).toString("latin1") === "ustar";
  return gzipOrTar
    ? { name: "evidence/snapshot.tar.gz", kind: "snapshot", bytes }
    : { name: `evidence/${path.basename(source)}`, kind: "dump", bytes };
}

/** Options of {@link createBundle}. @public */
export interface BundleOptions {
  readonly session: string;
  readonly out: string;
  /** Private key (PEM) to sign with; an unsigned bundle without. */
  readonly privateKey?: string;
  readonly publicKey?: string;
  /** Attest the report with this TPM 2.0 (`spec` as `--tpm`; `null`: the machine's own). */
  readonly attest?: { readonly spec: string | null; readonly root: string };
  readonly now?: Date;
}

/**
 * Bundles a session (DESIGN.md, "Reports, bundles"): the report, the evidence its passive verdicts
 * rest on, the session's files and test output, a manifest of SHA-256 digests, and a DSSE
 * envelope over an in-toto statement naming the report and the manifest, signed with Ed25519.
 * Written atomically (staged, archived to a temporary file, fsynced, renamed).
 *
 * @throws HclError `HCL_E_SESSION_NOT_FOUND`, `HCL_E_BUNDLE_WRITE`.
 * @public
 */
export async function createBundle(
  options: BundleOptions,
): Promise<{ file: string; manifest: BundleManifest; signed: boolean }> {
  const dir = path.resolve(options.session);
  const report = reportFromSession(dir);
  const session = JSON.parse(
    readFileSync(path.join(dir, SESSION_FILES.manifest), "utf8"),
  ) as SessionManifest;
  const contents = new Map<string, Buffer>();
  if (options.attest === undefined)
    contents.set(BUNDLE_FILES.report, Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
  else {
    const { attestReport } = await import("./attest-report.js");
    const attested = await attestReport(report, options.attest.spec, options.attest.root);
    contents.set(BUNDLE_FILES.report, attested.bytes);
    contents.set(
      BUNDLE_FILES.attestation,
      Buffer.from(`${JSON.stringify(attested.quote, null, 2)}\n`),
    );
  }
  for (const f of sessionFiles(dir)) contents.set(`session/${f}`, readFileSync(path.join(dir, f)));
  const evidence = await evidenceOf(dir, session);
  if (evidence !== null) contents.set(evidence.name, evidence.bytes);
  const files = [...contents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, bytes]) => ({ path: p, sha256: sha256(bytes), size: bytes.byteLength }));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    createdAt: (options.now ?? new Date()).toISOString(),
    session: report.session.id,
    suite: { id: report.suite.id, version: report.suite.version, digest: report.suite.digest },
    report: BUNDLE_FILES.report,
    evidence: evidence === null ? null : { path: evidence.name, kind: evidence.kind },
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const statement: Statement = {
    _type: STATEMENT_TYPE,
    subject: [
      {
        name: BUNDLE_FILES.report,
        digest: { sha256: sha256(contents.get(BUNDLE_FILES.report) as Buffer) },
      },
      { name: BUNDLE_FILES.manifest, digest: { sha256: sha256(manifestBytes) } },
    ],
    predicateType: PREDICATE_TYPE,
    predicate: {
      session: report.session.id,
      overall: report.overall,
      system: report.system,
      suite: report.suite,
      platform:
        report.platform === null
          ? null
          : {
              plugin: report.platform.plugin,
              version: report.platform.version,
              digest: report.platform.digest,
            },
      hclkit: report.environment.hclkit,
    },
  };
  const payload = Buffer.from(JSON.stringify(statement));
  const envelope: Envelope =
    options.privateKey === undefined
      ? {
          payloadType: "application/vnd.in-toto+json",
          payload: payload.toString("base64"),
          signatures: [],
        }
      : signEnvelope(payload, options.privateKey);
  contents.set(BUNDLE_FILES.manifest, manifestBytes);
  contents.set(BUNDLE_FILES.envelope, Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`));
  if (options.publicKey !== undefined)
    contents.set(BUNDLE_FILES.publicKey, Buffer.from(options.publicKey));
  const file = path.resolve(options.out);
  await writeArchive(file, contents);
  return { file, manifest, signed: envelope.signatures.length > 0 };
}

async function writeArchive(file: string, contents: ReadonlyMap<string, Buffer>): Promise<void> {
  let staging: string | undefined;
  const partial = `${file}.${process.pid}.tmp`;
  try {
    staging = mkdtempSync(path.join(path.dirname(file), ".hclbundle-"));
    for (const [name, bytes] of contents) {
      const target = path.join(staging, name);
      (await import("node:fs")).mkdirSync(path.dirname(target), { recursive: true });
      writeDurable(target, bytes);
    }
    const names = [...contents.keys()].sort();
    await create(
      { gzip: true, cwd: staging, file: partial, portable: true, mtime: new Date(0) },
      names,
    );
    const fd = openSync(partial, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    syncDir(path.dirname(file));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error instanceof HclError && error.code === "HCL_E_BUNDLE_WRITE"
      ? error
      : new HclError(
          "HCL_E_BUNDLE_WRITE",
          `cannot write the bundle ${file}: ${(error as Error).message}`,
          {
            hint: "Check that the folder exists and is writable.",
            cause: error,
            details: { file },
          },
        );
  } finally {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
  }
}
