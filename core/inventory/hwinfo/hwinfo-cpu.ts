import type { Cpu } from "../cpu/schema.js";
import { field, idField, type HwinfoEntry } from "./hwinfo-entries.js";

/** `6.37.5 "Intel(R) Core(TM) i5 CPU       M 520  @ 2.40GHz"`: family.model.stepping, decimal (hwinfo src/hd/cpu.c). */
const MODEL = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?:\s+"(.*)")?\s*$/;

/**
 * The processor from hwinfo's CPU entries (`59: None 00.0: 10103 CPU`, one per logical
 * processor): vendor (`GenuineIntel`), model string, family/model/stepping from `Model:`, and the
 * kernel's flags from `Features:` of the first entry. `threads` is the number of entries; hwinfo
 * does not tell cores. `null` without a CPU entry.
 *
 * @public
 */
export function hwinfoCpu(entries: readonly HwinfoEntry[]): Cpu | null {
  const first = entries[0];
  if (first === undefined) return null;
  const model = field(first, "Model");
  const numbers = model === null ? null : MODEL.exec(model);
  const name = numbers === null ? idField(model).name : (numbers[4]?.trim() ?? null);
  const features = field(first, "Features");
  return {
    vendor: idField(field(first, "Vendor")).name,
    model: name === "" ? null : name,
    family: numbers?.[1] === undefined ? null : Number(numbers[1]),
    modelNumber: numbers?.[2] === undefined ? null : Number(numbers[2]),
    stepping: numbers?.[3] === undefined ? null : Number(numbers[3]),
    flags:
      features === null
        ? null
        : features
            .split(",")
            .map((f) => f.trim())
            .filter((f) => f !== ""),
    cores: null,
    threads: entries.length,
    at: first.at,
  };
}
