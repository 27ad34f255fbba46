import type { Inventory, SourceRef } from "../inventory/inventory.js";
import type { LoadedPlugin } from "../plugin/load-plugin.js";

/** One piece of evidence that made a platform match. @public */
export interface MatchEvidence {
  /** `pci` (a chipset function found), `smbiosPch` (Intel's SMBIOS 131 PCH id), `fallback`. */
  readonly kind: "pci" | "smbiosPch" | "fallback";
  /** The identifier matched: `8086:3b07`, `3b07`. */
  readonly id: string;
  readonly at: SourceRef | null;
}

/** How well a platform plugin matches the machine. @public */
export interface PlatformCandidate {
  readonly plugin: string;
  readonly version: string;
  readonly digest: string;
  readonly title: string;
  readonly score: number;
  readonly evidence: readonly MatchEvidence[];
}

/**
 * Points for each kind of chipset evidence the machine shows (a declared PCI function present;
 * a declared PCH id in SMBIOS 131): per kind, not per id, so a plugin cannot win by listing more
 * ids. @public
 */
export const POINTS_PER_IDENTIFIER = 10;
/** The fallback plugin's score: it always matches, below any plugin with evidence. @public */
export const FALLBACK_SCORE = 1;

/**
 * Scores every plugin against the inventory: {@link POINTS_PER_IDENTIFIER} when one of its declared
 * PCI ids is among the machine's PCI functions, as much again when one of its declared PCH ids
 * is named by an SMBIOS type 131 vPro record; the fallback plugin scores {@link FALLBACK_SCORE}. Plugins without evidence are
 * left out. Best first; ties broken by name, so the result is deterministic.
 *
 * @public
 */
export function matchPlatforms(
  plugins: readonly LoadedPlugin[],
  inventory: Inventory,
): PlatformCandidate[] {
  const candidates: PlatformCandidate[] = [];
  for (const loaded of plugins) {
    const { match, title } = loaded.plugin.platform;
    const evidence: MatchEvidence[] = [];
    for (const id of new Set(match.pci ?? [])) {
      const fn = inventory.pci?.find((f) => `${f.vendorId}:${f.deviceId}` === id);
      if (fn !== undefined) evidence.push({ kind: "pci", id, at: fn.at });
    }
    for (const id of new Set(match.smbiosPch ?? [])) {
      const record = inventory.smbios?.intelVpro?.find((v) => v.pch?.deviceId === id);
      if (record !== undefined) evidence.push({ kind: "smbiosPch", id, at: record.at });
    }
    let score = new Set(evidence.map((e) => e.kind)).size * POINTS_PER_IDENTIFIER;
    if (score === 0 && match.fallback === true) {
      score = FALLBACK_SCORE;
      evidence.push({ kind: "fallback", id: loaded.plugin.name, at: null });
    }
    if (score > 0) {
      candidates.push({
        plugin: loaded.plugin.name,
        version: loaded.plugin.version,
        digest: loaded.digest,
        title,
        score,
        evidence,
      });
    }
  }
  // Code-point order, not the locale's: the same machine gets the same platform everywhere.
  return candidates.sort(
    (a, b) => b.score - a.score || (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0),
  );
}
