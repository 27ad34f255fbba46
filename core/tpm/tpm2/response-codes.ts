import { hexNumber } from "../bytes.js";
import { decodeTpm12ReturnCode } from "../tpm12/return-codes.js";

/** What a TPM 2.0 response code says. @public */
export interface DecodedResponseCode {
  readonly code: number;
  /** `TPM_RC_AUTH_FAIL`; a generic name (`TPM_RC_VER1+0x07A`) for codes outside the table. */
  readonly name: string;
  /** What the code means, from the TCG's description. */
  readonly meaning: string;
  readonly severity: "success" | "warning" | "error";
  /** Format-one codes say which handle, session or parameter of the command they are about (1-based). */
  readonly subject: {
    readonly kind: "handle" | "session" | "parameter";
    readonly index: number;
  } | null;
  /** `TPM_RC_AUTH_FAIL (0x98E, session 1): the authorization HMAC check failed…` */
  readonly text: string;
}

/** Format-zero codes, TPM_RC_VER1 (0x100) + n (Part 2 §6.6.3). */
const FORMAT_ZERO: Readonly<Record<number, readonly [string, string]>> = {
  0x100: ["TPM_RC_INITIALIZE", "TPM not initialized by TPM2_Startup or already initialized"],
  0x101: ["TPM_RC_FAILURE", "commands not being accepted because of a TPM failure"],
  0x103: ["TPM_RC_SEQUENCE", "improper use of a sequence handle"],
  0x10b: ["TPM_RC_PRIVATE", "not currently used"],
  0x119: ["TPM_RC_HMAC", "not currently used"],
  0x120: ["TPM_RC_DISABLED", "the command is disabled"],
  0x121: ["TPM_RC_EXCLUSIVE", "command failed because audit sequence required exclusivity"],
  0x124: ["TPM_RC_AUTH_TYPE", "authorization handle is not correct for command"],
  0x125: [
    "TPM_RC_AUTH_MISSING",
    "command requires an authorization session for handle and it is not present",
  ],
  0x126: ["TPM_RC_POLICY", "policy failure in math operation or an invalid authPolicy value"],
  0x127: ["TPM_RC_PCR", "PCR check fail"],
  0x128: ["TPM_RC_PCR_CHANGED", "PCR have changed since checked"],
  0x12d: ["TPM_RC_UPGRADE", "the TPM is in field upgrade mode"],
  0x12e: ["TPM_RC_TOO_MANY_CONTEXTS", "context ID counter is at maximum"],
  0x12f: [
    "TPM_RC_AUTH_UNAVAILABLE",
    "authValue or authPolicy is not available for selected entity",
  ],
  0x130: [
    "TPM_RC_REBOOT",
    "a _TPM_Init and Startup(CLEAR) is required before the TPM can resume operation",
  ],
  0x131: [
    "TPM_RC_UNBALANCED",
    "the protection algorithms (hash and symmetric) are not reasonably balanced",
  ],
  0x142: [
    "TPM_RC_COMMAND_SIZE",
    "commandSize value is inconsistent with contents of the command buffer",
  ],
  0x143: ["TPM_RC_COMMAND_CODE", "command code not supported"],
  0x144: [
    "TPM_RC_AUTHSIZE",
    "the value of authorizationSize is out of range or the authorization area is larger than required",
  ],
  0x145: [
    "TPM_RC_AUTH_CONTEXT",
    "use of an authorization session with a command that cannot have one",
  ],
  0x146: ["TPM_RC_NV_RANGE", "NV offset+size is out of range"],
  0x147: ["TPM_RC_NV_SIZE", "requested allocation size is larger than allowed"],
  0x148: ["TPM_RC_NV_LOCKED", "NV access locked"],
  0x149: ["TPM_RC_NV_AUTHORIZATION", "NV access authorization fails in command actions"],
  0x14a: [
    "TPM_RC_NV_UNINITIALIZED",
    "an NV Index is used before being initialized, or the saved state could not be restored",
  ],
  0x14b: ["TPM_RC_NV_SPACE", "insufficient space for NV allocation"],
  0x14c: ["TPM_RC_NV_DEFINED", "NV Index or persistent object already defined"],
  0x150: ["TPM_RC_BAD_CONTEXT", "context in TPM2_ContextLoad is not valid"],
  0x151: ["TPM_RC_CPHASH", "cpHash value already set or not correct for use"],
  0x152: ["TPM_RC_PARENT", "handle for parent is not a valid parent"],
  0x153: ["TPM_RC_NEEDS_TEST", "some function needs testing"],
  0x154: [
    "TPM_RC_NO_RESULT",
    "an internal function cannot process a request due to an unspecified problem",
  ],
  0x155: ["TPM_RC_SENSITIVE", "the sensitive area did not unmarshal correctly after decryption"],
};

/** Format-one codes, TPM_RC_FMT1 (0x080) + n (Part 2 §6.6.3). */
const FORMAT_ONE: Readonly<Record<number, readonly [string, string]>> = {
  0x081: ["TPM_RC_ASYMMETRIC", "asymmetric algorithm not supported or not correct"],
  0x082: ["TPM_RC_ATTRIBUTES", "inconsistent attributes"],
  0x083: ["TPM_RC_HASH", "hash algorithm not supported or not appropriate"],
  0x084: ["TPM_RC_VALUE", "value is out of range or is not correct for the context"],
  0x085: ["TPM_RC_HIERARCHY", "hierarchy is not enabled or is not correct for the use"],
  0x087: ["TPM_RC_KEY_SIZE", "key size is not supported"],
  0x088: ["TPM_RC_MGF", "mask generation function not supported"],
  0x089: ["TPM_RC_MODE", "mode of operation not supported"],
  0x08a: ["TPM_RC_TYPE", "the type of the value is not appropriate for the use"],
  0x08b: ["TPM_RC_HANDLE", "the handle is not correct for the use"],
  0x08c: ["TPM_RC_KDF", "unsupported key derivation function or function not appropriate for use"],
  0x08d: ["TPM_RC_RANGE", "value was out of allowed range"],
  0x08e: ["TPM_RC_AUTH_FAIL", "the authorization HMAC check failed and DA counter incremented"],
  0x08f: ["TPM_RC_NONCE", "invalid nonce size or nonce value mismatch"],
  0x090: ["TPM_RC_PP", "authorization requires assertion of PP"],
  0x092: ["TPM_RC_SCHEME", "unsupported or incompatible scheme"],
  0x095: ["TPM_RC_SIZE", "structure is the wrong size"],
  0x096: [
    "TPM_RC_SYMMETRIC",
    "unsupported symmetric algorithm or key size, or not appropriate for instance",
  ],
  0x097: ["TPM_RC_TAG", "incorrect structure tag"],
  0x098: ["TPM_RC_SELECTOR", "union selector is incorrect"],
  0x09a: [
    "TPM_RC_INSUFFICIENT",
    "the TPM was unable to unmarshal a value because there were not enough octets in the input buffer",
  ],
  0x09b: ["TPM_RC_SIGNATURE", "the signature is not valid"],
  0x09c: ["TPM_RC_KEY", "key fields are not compatible with the selected use"],
  0x09d: ["TPM_RC_POLICY_FAIL", "a policy check failed"],
  0x09f: ["TPM_RC_INTEGRITY", "integrity check failed"],
  0x0a0: ["TPM_RC_TICKET", "invalid ticket"],
  0x0a1: ["TPM_RC_RESERVED_BITS", "reserved bits not set to zero as required"],
  0x0a2: ["TPM_RC_BAD_AUTH", "authorization failure without DA implications"],
  0x0a3: ["TPM_RC_EXPIRED", "the policy has expired"],
  0x0a4: [
    "TPM_RC_POLICY_CC",
    "the commandCode in the policy is not the commandCode of the command",
  ],
  0x0a5: [
    "TPM_RC_BINDING",
    "public and sensitive portions of an object are not cryptographically bound",
  ],
  0x0a6: ["TPM_RC_CURVE", "curve not supported"],
  0x0a7: ["TPM_RC_ECC_POINT", "point is not on the required curve"],
};

/** Warnings, TPM_RC_WARN (0x900) + n (Part 2 §6.6.3). */
const WARNINGS: Readonly<Record<number, readonly [string, string]>> = {
  0x901: ["TPM_RC_CONTEXT_GAP", "gap for context ID is too large"],
  0x902: ["TPM_RC_OBJECT_MEMORY", "out of memory for object contexts"],
  0x903: ["TPM_RC_SESSION_MEMORY", "out of memory for session contexts"],
  0x904: [
    "TPM_RC_MEMORY",
    "out of shared object/session memory or need space for internal operations",
  ],
  0x905: [
    "TPM_RC_SESSION_HANDLES",
    "out of session handles; a session must be flushed before a new session may be created",
  ],
  0x906: ["TPM_RC_OBJECT_HANDLES", "out of object handles; a reboot is required"],
  0x907: ["TPM_RC_LOCALITY", "bad locality"],
  0x908: [
    "TPM_RC_YIELDED",
    "the TPM has suspended operation on the command; forward progress was made and the command may be retried",
  ],
  0x909: ["TPM_RC_CANCELED", "the command was canceled"],
  0x90a: ["TPM_RC_TESTING", "TPM is performing self-tests"],
  0x920: ["TPM_RC_NV_RATE", "the TPM is rate-limiting accesses to prevent wearout of NV"],
  0x921: [
    "TPM_RC_LOCKOUT",
    "authorizations for objects subject to DA protection are not allowed at this time because the TPM is in DA lockout mode",
  ],
  0x922: ["TPM_RC_RETRY", "the TPM was not able to start the command"],
  0x923: [
    "TPM_RC_NV_UNAVAILABLE",
    "the command may require writing of NV and NV is not currently accessible",
  ],
};

const ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th"];

function warning(code: number): readonly [string, string] | undefined {
  const known = WARNINGS[code];
  if (known !== undefined) return known;
  const n = code - 0x910;
  if (n >= 0 && n <= 6)
    return [
      `TPM_RC_REFERENCE_H${n}`,
      `the ${ORDINALS[n]} handle in the handle area references a transient object or session that is not loaded`,
    ];
  const s = code - 0x918;
  if (s >= 0 && s <= 6)
    return [
      `TPM_RC_REFERENCE_S${s}`,
      `the ${ORDINALS[s]} authorization session handle references a session that is not loaded`,
    ];
  return undefined;
}

/** The retryable warnings: the TPM may take the same command again (Part 1 §12 "Response Codes"). @public */
export const RETRYABLE_RESPONSE_CODES: ReadonlySet<number> = new Set([0x908, 0x90a, 0x922]);

function build(
  code: number,
  name: string,
  meaning: string,
  severity: DecodedResponseCode["severity"],
  subject: DecodedResponseCode["subject"],
  extra = "",
): DecodedResponseCode {
  const about = subject === null ? "" : `, ${subject.kind} ${subject.index}`;
  return {
    code,
    name,
    meaning,
    severity,
    subject,
    text: `${name} (${hexNumber(code, 3)}${about}${extra}): ${meaning}`,
  };
}

/**
 * Names a TPM 2.0 response code and says what it means (Part 2 §6.6, Figure "Format-Zero
 * Response Codes" and "Format-One Response Codes"): format-one codes (bit 7 set) carry the
 * error in bits 0-5 and the handle (bits 8-10), session (bit 11 set) or parameter (bit 6 set,
 * bits 8-11) they are about; format-zero codes with bit 8 (VER1) set are TPM 2.0 errors, and
 * warnings when bit 11 is set too; bit 10 marks a vendor code; without VER1 the code is a TPM
 * 1.2 one (0x01E, TPM_RC_BAD_TAG). Bits 16-23 are a software layer (a TSS or resource
 * manager), not the TPM. Codes outside the table get a generic name built from those fields.
 *
 * @public
 */
export function decodeResponseCode(code: number): DecodedResponseCode {
  if (code === 0) return build(0, "TPM_RC_SUCCESS", "the command succeeded", "success", null);
  const layer = code >>> 16;
  if (layer !== 0) {
    const inner = decodeResponseCode(code & 0xffff);
    return build(
      code,
      `layer ${layer}: ${inner.name}`,
      `a software layer (TSS or resource manager ${layer}) reports: ${inner.meaning}`,
      "error",
      inner.subject,
    );
  }
  if ((code & 0x080) !== 0) {
    const base = 0x080 + (code & 0x3f);
    const [name, meaning] = FORMAT_ONE[base] ?? [
      `TPM_RC_FMT1+${hexNumber(code & 0x3f, 3)}`,
      "a format-one error not in hclkit's table",
    ];
    const n = (code >>> 8) & 0xf;
    const subject: DecodedResponseCode["subject"] =
      (code & 0x040) !== 0
        ? { kind: "parameter", index: n }
        : (n & 0x8) !== 0
          ? { kind: "session", index: n & 0x7 }
          : n === 0
            ? null
            : { kind: "handle", index: n };
    return build(code, name, meaning, "error", subject);
  }
  if ((code & 0x100) === 0) {
    const old = decodeTpm12ReturnCode(code);
    const name = code === 0x01e ? "TPM_RC_BAD_TAG" : old.name;
    return build(code, name, `${old.meaning} (a TPM 1.2 code)`, "error", null);
  }
  if ((code & 0x400) !== 0)
    return build(
      code,
      `TPM_RC_VENDOR+${hexNumber(code & 0x7f, 3)}`,
      "a vendor-defined response code",
      (code & 0x800) !== 0 ? "warning" : "error",
      null,
    );
  if ((code & 0x800) !== 0) {
    const [name, meaning] = warning(code) ?? [
      `TPM_RC_WARN+${hexNumber(code & 0x7f, 3)}`,
      "a warning not in hclkit's table",
    ];
    return build(code, name, meaning, "warning", null);
  }
  const [name, meaning] = FORMAT_ZERO[code] ?? [
    `TPM_RC_VER1+${hexNumber(code & 0x7f, 3)}`,
    "a format-zero error not in hclkit's table",
  ];
  return build(code, name, meaning, "error", null);
}
