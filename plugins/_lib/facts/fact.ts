import type { Evidence, Fact, FactValue } from "../../../core/plugin/api.js";
import { withNote } from "./evidence.js";

/** The facts of one device, by name. */
export type Facts = Record<string, Fact>;

/** A fact the evidence decides, with the evidence that decided it. */
export function known(value: Exclude<FactValue, null>, ...evidence: Evidence[]): Fact {
  return { value, evidence };
}

/**
 * A fact the evidence cannot decide. `why` is kept as the note of the first evidence (or of a
 * note-only entry when there is none), so that a report says why it is unknown.
 */
export function unknown(why: string, ...evidence: Evidence[]): Fact {
  const [first, ...rest] = evidence;
  return {
    value: null,
    evidence:
      first === undefined ? [{ source: "inventory", note: why }] : [withNote(first, why), ...rest],
  };
}
