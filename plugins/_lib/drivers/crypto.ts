import type { Driver } from "../../../core/plugin/api.js";
import { withNote } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown } from "../facts/fact.js";
import { cpuFlags } from "../read/cpu.js";

/** Options of {@link cryptoDriver}. */
export interface CryptoDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

/** The crypto driver: AES-NI is the `aes` CPU flag (CPUID.1:ECX[25], arch/x86/include/asm/cpufeatures.h). */
export function cryptoDriver(options: CryptoDriverOptions = {}): Driver {
  return {
    id: options.id ?? "crypto",
    class: "crypto",
    title: options.title ?? "AES-NI from CPU flags",
    probe: ({ inventory }) => {
      if (inventory.cpu === null) return null;
      const flags = cpuFlags(inventory);
      const aesni =
        flags === null
          ? unknown("the CPU section has no flag list")
          : known(
              flags.has("aes"),
              withNote(
                flags.evidence,
                flags.has("aes")
                  ? "aes flag: AES-NI"
                  : "no aes flag: no AES-NI (or disabled by the firmware)",
              ),
            );
      return [platformDevice("crypto", "AES-NI", { aesni })];
    },
  };
}
