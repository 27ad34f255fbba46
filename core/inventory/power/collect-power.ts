import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { parseButtonState } from "./parse-button-state.js";
import { parsePowerSupplies } from "./parse-power-supply.js";
import { parseMemSleep, parsePowerState } from "./parse-sleep-files.js";
import type { Power, PowerButton, PowerSupply, SystemSleep } from "./schema.js";

const POWER_STATE = "/sys/power/state";
const MEM_SLEEP = "/sys/power/mem_sleep";
const BUTTONS = "/proc/acpi/button";
const SUPPLIES = "/sys/class/power_supply";
const BUTTON_KINDS = ["lid", "power", "sleep"] as const;

/**
 * The power section of the inventory, from the sysroot (`/sys/power/{state,mem_sleep}`,
 * `/proc/acpi/button/*`, `/sys/class/power_supply/*`), power supplies else from hw-probe's
 * `logs/power_supply`. `null` when the evidence has none of them.
 *
 * @public
 */
export function collectPower(source: EvidenceSource): Parsed<Power> {
  const diagnostics: Diagnostic[] = [];
  const sys = source.sys;
  const sleep = sys === null ? null : readSleep(sys, diagnostics);
  const buttons = sys === null ? null : readButtons(sys, diagnostics);
  let supplies = sys === null ? null : readSupplies(sys, diagnostics);
  if (supplies === null) {
    const log = source.log("power_supply");
    if (log !== null) {
      const parsed = parsePowerSupplies(log.text, log.name);
      for (const d of parsed.diagnostics) diagnostics.push(d);
      supplies = parsed.value;
    }
  }
  if (sleep === null && buttons === null && supplies === null) return { value: null, diagnostics };
  return { value: { sleep, buttons, supplies }, diagnostics };
}

function readSleep(sys: EvidenceFs, diagnostics: Diagnostic[]): SystemSleep | null {
  const stateText = sys.readText(POWER_STATE);
  const memText = sys.readText(MEM_SLEEP);
  if (stateText === null && memText === null) return null;
  let states: string[] | null = null;
  if (stateText !== null) {
    const parsed = parsePowerState(stateText, POWER_STATE);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    states = parsed.value;
  }
  let memSleep: SystemSleep["memSleep"] = null;
  if (memText !== null) {
    const parsed = parseMemSleep(memText, MEM_SLEEP);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.value !== null) memSleep = { ...parsed.value, at: { file: MEM_SLEEP } };
  }
  return { states, memSleep, at: { file: POWER_STATE } };
}

/** `/proc/acpi/button/<kind>/<name>/`; `null` when the folder is not in the evidence. */
function readButtons(sys: EvidenceFs, diagnostics: Diagnostic[]): PowerButton[] | null {
  if (sys.list(BUTTONS) === null) return null;
  const buttons: PowerButton[] = [];
  for (const kind of BUTTON_KINDS) {
    for (const name of sys.list(`${BUTTONS}/${kind}`) ?? []) {
      const dir = `${BUTTONS}/${kind}/${name}`;
      const stateFile = `${dir}/state`;
      const text = sys.readText(stateFile);
      let state: PowerButton["state"] = null;
      if (text !== null) {
        const parsed = parseButtonState(text, stateFile);
        for (const d of parsed.diagnostics) diagnostics.push(d);
        state = parsed.value;
      }
      buttons.push({ kind, name, state, at: { file: text === null ? dir : stateFile } });
    }
  }
  return buttons;
}

/**
 * `/sys/class/power_supply/<name>/uevent`; when a uevent cannot be read, the supply's attribute
 * files one by one (the uevent holds the same values, sysfs-class-power). `null` when the folder
 * is not in the evidence.
 */
function readSupplies(sys: EvidenceFs, diagnostics: Diagnostic[]): PowerSupply[] | null {
  const names = sys.list(SUPPLIES);
  if (names === null) return null;
  const supplies: PowerSupply[] = [];
  for (const name of names) {
    const dir = `${SUPPLIES}/${name}`;
    const uevent = sys.readText(`${dir}/uevent`);
    const [text, file] =
      uevent !== null ? [uevent, `${dir}/uevent`] : [fromAttributes(sys, dir, name), dir];
    const parsed = parsePowerSupplies(text, file);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    const supply = parsed.value?.[0];
    if (supply !== undefined) supplies.push(supply);
  }
  return supplies;
}

/** The attribute files of a supply written as its uevent would be (`type` → `POWER_SUPPLY_TYPE`). */
function fromAttributes(sys: EvidenceFs, dir: string, name: string): string {
  const lines = [`POWER_SUPPLY_NAME=${name}`];
  for (const attribute of sys.list(dir) ?? []) {
    if (!/^[a-z][a-z0-9_]*$/.test(attribute) || attribute === "uevent") continue;
    const single = sys.readText(`${dir}/${attribute}`)?.trim();
    if (single !== undefined && single !== "" && !single.includes("\n"))
      lines.push(`POWER_SUPPLY_${attribute.toUpperCase()}=${single}`);
  }
  return lines.join("\n");
}
