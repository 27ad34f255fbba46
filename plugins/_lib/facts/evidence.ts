import type { Evidence } from "../../../core/plugin/api.js";
import type { SourceRef } from "../../../core/inventory/inventory.js";

/**
 * Cites an inventory record: the file and lines of its `at`, what was read there, and why it
 * matters. `text` is the value as the inventory holds it, not necessarily the raw line.
 */
export function cite(at: SourceRef, text?: string, note?: string): Evidence {
  return {
    source: at.file,
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.endLine !== undefined && at.endLine !== at.line ? { endLine: at.endLine } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/** Evidence that something was looked for and not there: a section the evidence lacks. */
export function absent(source: string, note: string): Evidence {
  return { source, note };
}

/** The same evidence with a note added in front of the one it had. */
export function withNote(evidence: Evidence, note: string): Evidence {
  return { ...evidence, note: evidence.note === undefined ? note : `${note}; ${evidence.note}` };
}

/** Evidence without repeats (same source, lines and text), in first-seen order. */
export function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.source, e.line, e.endLine, e.text, e.note]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
