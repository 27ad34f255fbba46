/**
 * Power-supply evidence in the kernel's documented format ([K] Documentation/ABI/testing/
 * sysfs-class-power; drivers/acpi/battery.c energy properties), as a ThinkPad T410 with a
 * 6-cell Sanyo pack shows it, and hw-probe's `logs/power_supply` concatenation of the uevent
 * files (hw-probe.pl: "<folder>:\n" + uevent + "\n", serial numbers hashed).
 */
export const AC_UEVENT = "POWER_SUPPLY_NAME=AC\nPOWER_SUPPLY_TYPE=Mains\nPOWER_SUPPLY_ONLINE=1\n";

export const BAT0_UEVENT = [
  "POWER_SUPPLY_NAME=BAT0",
  "POWER_SUPPLY_TYPE=Battery",
  "POWER_SUPPLY_STATUS=Discharging",
  "POWER_SUPPLY_PRESENT=1",
  "POWER_SUPPLY_TECHNOLOGY=Li-ion",
  "POWER_SUPPLY_CYCLE_COUNT=0",
  "POWER_SUPPLY_VOLTAGE_MIN_DESIGN=10800000",
  "POWER_SUPPLY_VOLTAGE_NOW=12136000",
  "POWER_SUPPLY_POWER_NOW=9860000",
  "POWER_SUPPLY_ENERGY_FULL_DESIGN=56160000",
  "POWER_SUPPLY_ENERGY_FULL=47520000",
  "POWER_SUPPLY_ENERGY_NOW=39960000",
  "POWER_SUPPLY_CAPACITY=84",
  "POWER_SUPPLY_CAPACITY_LEVEL=Normal",
  "POWER_SUPPLY_MODEL_NAME=42T4863",
  "POWER_SUPPLY_MANUFACTURER=SANYO",
  "POWER_SUPPLY_SERIAL_NUMBER= 2093",
  "",
].join("\n");

/** A battery whose firmware reports charge (mAh) rather than energy: charge_* properties. */
export const BAT1_CHARGE_UEVENT = [
  "POWER_SUPPLY_NAME=BAT1",
  "POWER_SUPPLY_TYPE=Battery",
  "POWER_SUPPLY_STATUS=Unknown",
  "POWER_SUPPLY_PRESENT=1",
  "POWER_SUPPLY_TECHNOLOGY=Li-poly",
  "POWER_SUPPLY_CHARGE_FULL_DESIGN=4400000",
  "POWER_SUPPLY_CHARGE_FULL=4100000",
  "POWER_SUPPLY_VOLTAGE_MIN_DESIGN=11100000",
  "",
].join("\n");

/** A wireless mouse's battery (hid-logitech-hidpp): scope Device, not the machine's. */
export const MOUSE_UEVENT = [
  "POWER_SUPPLY_NAME=hidpp_battery_0",
  "POWER_SUPPLY_TYPE=Battery",
  "POWER_SUPPLY_ONLINE=1",
  "POWER_SUPPLY_STATUS=Discharging",
  "POWER_SUPPLY_SCOPE=Device",
  "POWER_SUPPLY_MODEL_NAME=Wireless Mouse M185",
  "POWER_SUPPLY_MANUFACTURER=Logitech",
  "POWER_SUPPLY_CAPACITY_LEVEL=Normal",
  "",
].join("\n");

export const HW_PROBE_LOG =
  `/sys/class/power_supply/AC:\n${AC_UEVENT}\n` +
  `/sys/class/power_supply/BAT0:\n${BAT0_UEVENT}\n` +
  `/sys/class/power_supply/hidpp_battery_0:\n${MOUSE_UEVENT}\n`;
