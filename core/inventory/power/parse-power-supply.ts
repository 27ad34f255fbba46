import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import type { PowerSupply } from "./schema.js";

/** A `KEY=value` line of a uevent file. */
const PROPERTY = /^([A-Z][A-Z0-9_]{0,63})=(.*)$/;
/** hw-probe's block title: the supply's sysfs folder and a colon. */
const TITLE = /^\/sys\/class\/power_supply\/([^/:]+):$/;

interface Block {
  title: string | null;
  readonly line: number;
  endLine: number;
  /** Each property's value and 1-based line. */
  readonly props: Map<string, { value: string; line: number }>;
}

/**
 * Reads power supplies from uevent text: one `/sys/class/power_supply/<name>/uevent` file
 * (`POWER_SUPPLY_NAME=BAT0`, `POWER_SUPPLY_TYPE=Battery`, …), or hw-probe's `logs/power_supply`,
 * which concatenates them, each after a `/sys/class/power_supply/<name>:` title line and
 * followed by a blank line. A new `POWER_SUPPLY_NAME` also starts a new supply.
 *
 * Values are kept as the kernel writes them (units µWh, µAh, µV); a number that is not an
 * integer, or a line that is neither a title nor `KEY=value`, is reported and skipped.
 *
 * @public
 */
export function parsePowerSupplies(text: string, file: string): Parsed<PowerSupply[]> {
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  let current: Block | null = null;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] as string).trim();
    if (trimmed === "") {
      current = null;
      continue;
    }
    const title = TITLE.exec(trimmed);
    if (title !== null) {
      current = { title: title[1] as string, line: i + 1, endLine: i + 1, props: new Map() };
      blocks.push(current);
      continue;
    }
    const property = PROPERTY.exec(trimmed);
    if (property === null) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: i + 1,
        message: `${file} line ${i + 1}: not a power-supply property`,
        expected: "POWER_SUPPLY_KEY=value, or a /sys/class/power_supply/<name>: title",
      });
      continue;
    }
    const [, key = "", value = ""] = property;
    if (current === null || (key === "POWER_SUPPLY_NAME" && current.props.has(key))) {
      current = { title: null, line: i + 1, endLine: i + 1, props: new Map() };
      blocks.push(current);
    }
    current.props.set(key, { value, line: i + 1 });
    current.endLine = i + 1;
  }
  const supplies: PowerSupply[] = [];
  for (const block of blocks) {
    const supply = toSupply(block, file, diagnostics);
    if (supply !== null) supplies.push(supply);
  }
  return { value: supplies, diagnostics };
}

function toSupply(block: Block, file: string, diagnostics: Diagnostic[]): PowerSupply | null {
  const props = block.props;
  const name = props.get("POWER_SUPPLY_NAME")?.value.trim() || block.title;
  if (name === null || name === "") {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      line: block.line,
      message: `${file} line ${block.line}: a power supply without a name; skipped`,
      expected: "POWER_SUPPLY_NAME=<name> or a /sys/class/power_supply/<name>: title",
    });
    return null;
  }
  const text = (key: string): string | null => {
    const value = props.get(`POWER_SUPPLY_${key}`)?.value.trim();
    return value === undefined || value === "" ? null : value;
  };
  const integer = (key: string): number | null => {
    const value = text(key);
    if (value === null) return null;
    if (/^-?\d{1,15}$/.test(value)) return Number(value);
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      line: props.get(`POWER_SUPPLY_${key}`)?.line ?? block.line,
      message: `${file}: POWER_SUPPLY_${key} of ${name} is "${value.slice(0, 40)}", not an integer`,
      expected: "an integer",
    });
    return null;
  };
  // present: 0/1; online: 0 offline, 1 online, 2 online and programmable (sysfs-class-power).
  const flag = (key: string): boolean | null => {
    const value = integer(key);
    return value === null ? null : value > 0;
  };
  return {
    name,
    type: text("TYPE"),
    scope: text("SCOPE"),
    present: flag("PRESENT"),
    online: flag("ONLINE"),
    status: text("STATUS"),
    technology: text("TECHNOLOGY"),
    manufacturer: text("MANUFACTURER"),
    modelName: text("MODEL_NAME"),
    energyFullDesign: integer("ENERGY_FULL_DESIGN"),
    energyFull: integer("ENERGY_FULL"),
    chargeFullDesign: integer("CHARGE_FULL_DESIGN"),
    chargeFull: integer("CHARGE_FULL"),
    voltageMinDesign: integer("VOLTAGE_MIN_DESIGN"),
    cycleCount: integer("CYCLE_COUNT"),
    capacity: integer("CAPACITY"),
    at:
      block.endLine > block.line
        ? { file, line: block.line, endLine: block.endLine }
        : { file, line: block.line },
  };
}
