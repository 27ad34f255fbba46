import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPublicKey } from "node:crypto";
import { create, extract } from "tar";
import { signEnvelope } from "../../hcl/report/dsse.js";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Unpacks a bundle into a folder, to tamper with it. */
export async function unpack(bundle: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await extract({ file: bundle, cwd: dir });
}

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix === "" ? name : `${prefix}/${name}`;
      return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), rel) : [rel];
    });
}

/** Packs a folder back into a bundle as is. */
export async function pack(dir: string, bundle: string): Promise<void> {
  await create({ gzip: true, cwd: dir, file: bundle, portable: true }, walk(dir));
}

/**
 * What a forger would do after editing files: recompute the manifest's digests and the
 * statement's subjects, and sign again with a key of their own (PEM).
 */
export function reseal(dir: string, privateKeyPem: string | null): void {
  const manifestFile = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    files: { path: string; sha256: string; size: number }[];
  };
  for (const f of manifest.files) {
    const bytes = readFileSync(path.join(dir, f.path));
    f.sha256 = sha256(bytes);
    f.size = bytes.byteLength;
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const envelopeFile = path.join(dir, "statement.dsse.json");
  const envelope = JSON.parse(readFileSync(envelopeFile, "utf8")) as { payload: string };
  const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
    subject: { name: string; digest: { sha256: string } }[];
  };
  for (const s of statement.subject) s.digest.sha256 = sha256(readFileSync(path.join(dir, s.name)));
  const payload = Buffer.from(JSON.stringify(statement));
  const next =
    privateKeyPem === null
      ? { ...envelope, payload: payload.toString("base64") }
      : signEnvelope(payload, privateKeyPem);
  writeFileSync(envelopeFile, `${JSON.stringify(next, null, 2)}\n`);
  // The forger ships their own public key in place of the signer's.
  if (privateKeyPem !== null)
    writeFileSync(
      path.join(dir, "signing.pub"),
      createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString(),
    );
}
