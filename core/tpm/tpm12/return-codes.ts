import { hexNumber } from "../bytes.js";

/** What a TPM 1.2 return code says. @public */
export interface DecodedReturnCode {
  readonly code: number;
  /** `TPM_FAILEDSELFTEST`; a generic name for codes outside the table. */
  readonly name: string;
  readonly meaning: string;
  /** TPM_NON_FATAL codes (0x800 set): the TPM may take the command later. */
  readonly severity: "success" | "non-fatal" | "fatal";
  /** `TPM_FAILEDSELFTEST (0x01C): self-test has failed and the TPM has shut down` */
  readonly text: string;
}

/**
 * TPM-defined return codes (TCG TPM Main Part 2 rev 116, §16 "Return Codes": TPM_BASE + n,
 * TPM_NON_FATAL = 0x800), the meanings as the specification words them.
 */
const CODES: readonly (readonly [number, string, string])[] = [
  [0x01, "TPM_AUTHFAIL", "authentication failed"],
  [0x02, "TPM_BADINDEX", "the index to a PCR, DIR or other register is incorrect"],
  [0x03, "TPM_BAD_PARAMETER", "one or more parameter is bad"],
  [
    0x04,
    "TPM_AUDITFAILURE",
    "an operation completed successfully but the auditing of that operation failed",
  ],
  [
    0x05,
    "TPM_CLEAR_DISABLED",
    "the clear disable flag is set and all clear operations now require physical access",
  ],
  [0x06, "TPM_DEACTIVATED", "the TPM is deactivated"],
  [0x07, "TPM_DISABLED", "the TPM is disabled"],
  [0x08, "TPM_DISABLED_CMD", "the target command has been disabled"],
  [0x09, "TPM_FAIL", "the operation failed"],
  [0x0a, "TPM_BAD_ORDINAL", "the ordinal was unknown or inconsistent"],
  [0x0b, "TPM_INSTALL_DISABLED", "the ability to install an owner is disabled"],
  [0x0c, "TPM_INVALID_KEYHANDLE", "the key handle presented was invalid"],
  [0x0d, "TPM_KEYNOTFOUND", "the target key was not found"],
  [0x0e, "TPM_INAPPROPRIATE_ENC", "unacceptable encryption scheme"],
  [0x0f, "TPM_MIGRATEFAIL", "migration authorization failed"],
  [0x10, "TPM_INVALID_PCR_INFO", "PCR information could not be interpreted"],
  [0x11, "TPM_NOSPACE", "no room to load key"],
  [0x12, "TPM_NOSRK", "there is no SRK set"],
  [0x13, "TPM_NOTSEALED_BLOB", "an encrypted blob is invalid or was not created by this TPM"],
  [0x14, "TPM_OWNER_SET", "there is already an Owner"],
  [
    0x15,
    "TPM_RESOURCES",
    "the TPM has insufficient internal resources to perform the requested action",
  ],
  [0x16, "TPM_SHORTRANDOM", "a random string was too short"],
  [0x17, "TPM_SIZE", "the TPM does not have the space to perform the operation"],
  [0x18, "TPM_WRONGPCRVAL", "the named PCR value does not match the current PCR value"],
  [0x19, "TPM_BAD_PARAM_SIZE", "the paramSize argument to the command has the incorrect value"],
  [0x1a, "TPM_SHA_THREAD", "there is no existing SHA-1 thread"],
  [0x1b, "TPM_SHA_ERROR", "the existing SHA-1 thread has already encountered an error"],
  [0x1c, "TPM_FAILEDSELFTEST", "self-test has failed and the TPM has shut down"],
  [
    0x1d,
    "TPM_AUTH2FAIL",
    "the authorization for the second key in a 2 key function failed authorization",
  ],
  [0x1e, "TPM_BADTAG", "the tag value sent to for a command is invalid"],
  [0x1f, "TPM_IOERROR", "an IO error occurred transmitting information to the TPM"],
  [0x20, "TPM_ENCRYPT_ERROR", "the encryption process had a problem"],
  [0x21, "TPM_DECRYPT_ERROR", "the decryption process did not complete"],
  [0x22, "TPM_INVALID_AUTHHANDLE", "an invalid handle was used"],
  [0x23, "TPM_NO_ENDORSEMENT", "the TPM does not have an EK installed"],
  [0x24, "TPM_INVALID_KEYUSAGE", "the usage of a key is not allowed"],
  [0x25, "TPM_WRONG_ENTITYTYPE", "the submitted entity type is not allowed"],
  [
    0x26,
    "TPM_INVALID_POSTINIT",
    "the command was received in the wrong sequence relative to TPM_Init and a subsequent TPM_Startup",
  ],
  [0x27, "TPM_INAPPROPRIATE_SIG", "signed data cannot include additional DER information"],
  [
    0x28,
    "TPM_BAD_KEY_PROPERTY",
    "the key properties in TPM_KEY_PARMs are not supported by this TPM",
  ],
  [0x29, "TPM_BAD_MIGRATION", "the migration properties of this key are incorrect"],
  [
    0x2a,
    "TPM_BAD_SCHEME",
    "the signature or encryption scheme for this key is incorrect or not permitted",
  ],
  [
    0x2b,
    "TPM_BAD_DATASIZE",
    "the size of the data (or blob) parameter is bad or inconsistent with the referenced key",
  ],
  [
    0x2c,
    "TPM_BAD_MODE",
    "a mode parameter is bad, such as capArea or subCapArea for TPM_GetCapability",
  ],
  [
    0x2d,
    "TPM_BAD_PRESENCE",
    "either the physicalPresence or physicalPresenceLock bits have the wrong value",
  ],
  [0x2e, "TPM_BAD_VERSION", "the TPM cannot perform this version of the capability"],
  [0x3d, "TPM_BAD_LOCALITY", "the locality is incorrect for the attempted operation"],
  [
    0x800,
    "TPM_RETRY",
    "the TPM is too busy to respond to the command immediately, but the command could be resubmitted later",
  ],
  [0x801, "TPM_NEEDS_SELFTEST", "TPM_ContinueSelfTest has not been run"],
  [
    0x802,
    "TPM_DOING_SELFTEST",
    "the TPM is doing its self-test, started because the command needs resources not tested yet",
  ],
  [
    0x803,
    "TPM_DEFEND_LOCK_RUNNING",
    "the TPM is defending against dictionary attacks and is in a time-out period",
  ],
];

const TABLE: ReadonlyMap<number, readonly [string, string]> = new Map(
  CODES.map(([c, n, m]) => [c, [n, m]]),
);

/** Return codes after which the same command may succeed when sent again. @public */
export const TPM12_RETRYABLE: ReadonlySet<number> = new Set([0x800, 0x802]);

/**
 * Names a TPM 1.2 return code (Main Part 2 §16): 0 is TPM_SUCCESS; 0x001-0x3FF TPM-defined
 * fatal errors, 0x400-0x7FF vendor fatal ones, 0x800-0xBFF TPM-defined non-fatal ones,
 * 0xC00-0xFFF vendor non-fatal ones. Codes outside the table get a generic name.
 *
 * @public
 */
export function decodeTpm12ReturnCode(code: number): DecodedReturnCode {
  const severity: DecodedReturnCode["severity"] =
    code === 0 ? "success" : (code & 0x800) !== 0 ? "non-fatal" : "fatal";
  const known =
    code === 0
      ? (["TPM_SUCCESS", "successful completion of the operation"] as const)
      : TABLE.get(code);
  const vendor = (code & 0x400) !== 0;
  const [name, meaning] =
    known ??
    (vendor
      ? [`TPM_VENDOR_ERROR+${hexNumber(code & 0x3ff, 3)}`, `a vendor-defined ${severity} error`]
      : [
          `TPM_BASE+${hexNumber(code, 3)}`,
          `a TPM-defined ${severity} error not in hclkit's table`,
        ]);
  return { code, name, meaning, severity, text: `${name} (${hexNumber(code, 3)}): ${meaning}` };
}
