/**
 * ACPI/PNP ids of TPM devices, with the TCG vendor each names (`null`: generic, no vendor).
 * Kernel tables (Linux 6.1): drivers/char/tpm/tpm_tis.c `tpm_pnp_tbl` (PNP0C31, ATM1200, IFX0102,
 * BCM0101, BCM0102, NSC1200, ICO0102) and `MSFT0101`; tpm_infineon.c (IFX0101, IFX0102);
 * tpm_crb.c (MSFT0101). Ids found in vendor DSDTs and decoded from their EISA integers
 * (linux-hw-facts §1.2): SNO3504 (Sinosun), WEC1000 (Winbond), SMO1200 (ST on ThinkPads),
 * INTC0102 (Intel). SMO3324 is ST's st33zp24 I2C/SPI id.
 */
export const TPM_ACPI_IDS: Readonly<Record<string, string | null>> = {
  PNP0C31: null,
  MSFT0101: null,
  ATM1200: "ATML",
  IFX0101: "IFX",
  IFX0102: "IFX",
  BCM0101: "BRCM",
  BCM0102: "BRCM",
  NSC1200: "NSM",
  ICO0102: "INTC",
  INTC0102: "INTC",
  SNO3504: "SNS",
  WEC1000: "WEC",
  SMO1200: "STM",
  SMO3324: "STM",
};

/** The ids that mark a namespace device as a TPM. */
export const TPM_IDS: ReadonlySet<string> = new Set(Object.keys(TPM_ACPI_IDS));
