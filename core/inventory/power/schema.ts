import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * `/sys/power/mem_sleep` ([K] Documentation/admin-guide/pm/sleep-states.rst): what "mem" means
 * on this system. `deep` is S3 (suspend to RAM), `s2idle` suspend-to-idle, `shallow` standby.
 *
 * @public
 */
export const MemSleepSchema = Type.Object(
  {
    /** Every variant offered (`["s2idle", "deep"]`). */
    options: Type.Array(Type.String()),
    /** The one in brackets, used when "mem" is written to `/sys/power/state`. */
    current: Nullable(Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type MemSleep = Static<typeof MemSleepSchema>;

/**
 * The sleep states Linux offers: `/sys/power/state` (`freeze`, `standby`, `mem`, `disk`; empty
 * when it offers none) and `/sys/power/mem_sleep`.
 *
 * @public
 */
export const SystemSleepSchema = Type.Object(
  {
    /** `null` when `/sys/power/state` is not in the evidence. */
    states: Nullable(Type.Array(Type.String())),
    memSleep: Nullable(MemSleepSchema),
    /** `/sys/power/state`. */
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type SystemSleep = Static<typeof SystemSleepSchema>;

/**
 * An ACPI button listed under `/proc/acpi/button/{lid,power,sleep}/<name>/` (drivers/acpi/
 * button.c; recent kernels list only lids there).
 *
 * @public
 */
export const PowerButtonSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal("lid"), Type.Literal("power"), Type.Literal("sleep")]),
    /** The ACPI device name (`LID`, `LID0`). */
    name: Type.String({ minLength: 1 }),
    /** A lid's `state`; `null` for other buttons, or when the firmware does not report it. */
    state: Nullable(Type.Union([Type.Literal("open"), Type.Literal("closed")])),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type PowerButton = Static<typeof PowerButtonSchema>;

/**
 * One power supply (`/sys/class/power_supply/<name>/uevent`, [K] Documentation/ABI/testing/
 * sysfs-class-power). Units are the kernel's: µWh, µAh, µV. A battery reports energy **or**
 * charge values, depending on the unit its firmware uses (drivers/acpi/battery.c).
 *
 * @public
 */
export const PowerSupplySchema = Type.Object(
  {
    /** `BAT0`, `AC`, `ADP1`, `hidpp_battery_0`… */
    name: Type.String({ minLength: 1 }),
    /** `Battery`, `Mains`, `USB`, `UPS`, `Wireless`. */
    type: Nullable(Type.String()),
    /** `System` (powers the machine) or `Device` (a mouse's battery); `null` when not stated. */
    scope: Nullable(Type.String()),
    present: Nullable(Type.Boolean()),
    /** Mains/USB: whether power is connected. */
    online: Nullable(Type.Boolean()),
    /** `Charging`, `Discharging`, `Full`, `Not charging`, `Unknown`. */
    status: Nullable(Type.String()),
    /** `Li-ion`, `Li-poly`, `NiMH`… */
    technology: Nullable(Type.String()),
    manufacturer: Nullable(Type.String()),
    modelName: Nullable(Type.String()),
    /** µWh. */
    energyFullDesign: Nullable(Type.Integer()),
    /** µWh. */
    energyFull: Nullable(Type.Integer()),
    /** µAh. */
    chargeFullDesign: Nullable(Type.Integer()),
    /** µAh. */
    chargeFull: Nullable(Type.Integer()),
    /** µV. */
    voltageMinDesign: Nullable(Type.Integer()),
    cycleCount: Nullable(Type.Integer()),
    /** Percent of full. */
    capacity: Nullable(Type.Integer()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type PowerSupply = Static<typeof PowerSupplySchema>;

/**
 * The power section of the inventory: what sleep Linux offers, the ACPI buttons it lists, and
 * the power supplies (batteries, AC adapters). Each part is `null` when the evidence cannot
 * tell, `[]` when it shows there is none.
 *
 * @public
 */
export const PowerSchema = Type.Object(
  {
    sleep: Nullable(SystemSleepSchema),
    buttons: Nullable(Type.Array(PowerButtonSchema)),
    supplies: Nullable(Type.Array(PowerSupplySchema)),
  },
  { additionalProperties: false },
);
/** @public */
export type Power = Static<typeof PowerSchema>;
