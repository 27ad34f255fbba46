import { createPublicKey } from "node:crypto";
import type { LoadedPlugin } from "../../core/plugin/load-plugin.js";
import type { LoadedSuite } from "../../core/suite/load-suite.js";
import { keyId } from "../report/dsse.js";
import type { HclFile } from "./hcl-config.js";

/** What to add to an HCL's trust. @public */
export interface TrustChange {
  readonly key?: { readonly name: string; readonly publicKey: string };
  readonly suites?: readonly LoadedSuite[];
  readonly plugins?: readonly LoadedPlugin[];
}

/**
 * hcl.yaml with more trust: a signing key, suite versions (listed and trusted by digest), plugins
 * (by digest). Adding what is there already changes nothing. Pure.
 *
 * @public
 */
export function withTrust(config: HclFile, change: TrustChange): HclFile {
  const keys = [...config.trust.keys];
  if (change.key !== undefined) {
    const pem = createPublicKey(change.key.publicKey)
      .export({ type: "spki", format: "pem" })
      .toString();
    const id = keyId(createPublicKey(pem));
    if (!keys.some((k) => k.id === id)) keys.push({ name: change.key.name, id, publicKey: pem });
  }
  const suites = [...config.trust.suites];
  const listed = new Set(config.suites);
  for (const s of change.suites ?? []) {
    listed.add(`${s.suite.id}@${s.suite.version}`);
    const entry = { id: s.suite.id, version: s.suite.version, digest: s.digest };
    if (
      !suites.some(
        (x) => x.id === entry.id && x.version === entry.version && x.digest === entry.digest,
      )
    )
      suites.push(entry);
  }
  const plugins = [...config.trust.plugins];
  for (const p of change.plugins ?? []) {
    const entry = { name: p.plugin.name, version: p.plugin.version, digest: p.digest };
    if (!plugins.some((x) => x.name === entry.name && x.digest === entry.digest))
      plugins.push(entry);
  }
  return { ...config, suites: [...listed].sort(), trust: { keys, suites, plugins } };
}
