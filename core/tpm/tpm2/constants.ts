/**
 * TPM 2.0 constants hclkit marshals, from the TCG TPM 2.0 Library, Part 2 "Structures"
 * (rev 1.59): §6.9 TPM_ST, §6.5.2 TPM_CC, §6.12 TPM_CAP, §6.13 TPM_PT, §7 handles, and the TCG
 * Algorithm Registry for TPM_ALG_ID and TPM_ECC_CURVE.
 *
 * @public
 */
export const TPM_ST = {
  /** A TPM 1.2 response tag; a TPM 2.0 uses it only to answer a command whose tag it cannot read. */
  RSP_COMMAND: 0x00c4,
  NO_SESSIONS: 0x8001,
  SESSIONS: 0x8002,
  ATTEST_QUOTE: 0x8018,
} as const;

/** Command codes (Part 2 §6.5.2). @public */
export const TPM_CC = {
  CreatePrimary: 0x131,
  SelfTest: 0x143,
  Startup: 0x144,
  Quote: 0x158,
  FlushContext: 0x165,
  GetCapability: 0x17a,
  GetRandom: 0x17b,
  GetTestResult: 0x17c,
  PCR_Read: 0x17e,
  PCR_Extend: 0x182,
} as const;

/** Command names by code, for messages. @public */
export const TPM_CC_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(TPM_CC).map(([name, code]) => [code, `TPM2_${name}`]),
);

/** TPM_SU: the startup type (Part 2 §6.11). @public */
export const TPM_SU = { CLEAR: 0x0000, STATE: 0x0001 } as const;

/** TPM_CAP: the capability groups of TPM2_GetCapability (Part 2 §6.12). @public */
export const TPM_CAP = {
  ALGS: 0x00000000,
  PCRS: 0x00000005,
  TPM_PROPERTIES: 0x00000006,
} as const;

/** TPM_PT: fixed properties (Part 2 §6.13, PT_FIXED = 0x100). @public */
export const TPM_PT = {
  FAMILY_INDICATOR: 0x100,
  LEVEL: 0x101,
  REVISION: 0x102,
  DAY_OF_YEAR: 0x103,
  YEAR: 0x104,
  MANUFACTURER: 0x105,
  VENDOR_STRING_1: 0x106,
  VENDOR_STRING_2: 0x107,
  VENDOR_STRING_3: 0x108,
  VENDOR_STRING_4: 0x109,
  VENDOR_TPM_TYPE: 0x10a,
  FIRMWARE_VERSION_1: 0x10b,
  FIRMWARE_VERSION_2: 0x10c,
  PCR_COUNT: 0x112,
} as const;

/** Permanent handles (Part 2 §7.4) and the password session handle (§7.6). @public */
export const TPM_RH = {
  OWNER: 0x40000001,
  NULL: 0x40000007,
  PW: 0x40000009,
  ENDORSEMENT: 0x4000000b,
} as const;

/** TPM_ALG_ID values hclkit uses (TCG Algorithm Registry). @public */
export const TPM_ALG = {
  RSA: 0x0001,
  SHA1: 0x0004,
  SHA256: 0x000b,
  SHA384: 0x000c,
  SHA512: 0x000d,
  NULL: 0x0010,
  SM3_256: 0x0012,
  RSASSA: 0x0014,
  ECDSA: 0x0018,
  ECC: 0x0023,
  SHA3_256: 0x0027,
  SHA3_384: 0x0028,
  SHA3_512: 0x0029,
} as const;

/** TPM_ECC_CURVE: NIST P-256 (TCG Algorithm Registry). @public */
export const TPM_ECC_NIST_P256 = 0x0003;

/** TPM_GENERATED_VALUE: the magic that starts every attestation the TPM signs (Part 2 §6.2). @public */
export const TPM_GENERATED_VALUE = 0xff544347;

/** A hash algorithm a PCR bank can use: its name as tpm2-tools and sysfs write it, and its digest size. @public */
export interface HashAlgorithm {
  readonly alg: number;
  readonly name: string;
  readonly digestBytes: number;
  /** node:crypto's name for it, when it has one. */
  readonly node: string | null;
}

/** Hash algorithms of PCR banks (TCG Algorithm Registry; digest sizes from the same table). @public */
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = [
  { alg: TPM_ALG.SHA1, name: "sha1", digestBytes: 20, node: "sha1" },
  { alg: TPM_ALG.SHA256, name: "sha256", digestBytes: 32, node: "sha256" },
  { alg: TPM_ALG.SHA384, name: "sha384", digestBytes: 48, node: "sha384" },
  { alg: TPM_ALG.SHA512, name: "sha512", digestBytes: 64, node: "sha512" },
  { alg: TPM_ALG.SM3_256, name: "sm3_256", digestBytes: 32, node: null },
  { alg: TPM_ALG.SHA3_256, name: "sha3_256", digestBytes: 32, node: "sha3-256" },
  { alg: TPM_ALG.SHA3_384, name: "sha3_384", digestBytes: 48, node: "sha3-384" },
  { alg: TPM_ALG.SHA3_512, name: "sha3_512", digestBytes: 64, node: "sha3-512" },
];

/** The hash algorithm of a TPM_ALG_ID; `undefined` when it is none hclkit knows. @public */
export function hashAlgorithm(alg: number): HashAlgorithm | undefined {
  return HASH_ALGORITHMS.find((h) => h.alg === alg);
}

/** The hash algorithm called `name` (`sha256`); `undefined` when unknown. @public */
export function hashAlgorithmNamed(name: string): HashAlgorithm | undefined {
  return HASH_ALGORITHMS.find((h) => h.name === name);
}

/** `sha256`, or `alg 0x0042` for an algorithm hclkit does not name. @public */
export function algorithmName(alg: number): string {
  return hashAlgorithm(alg)?.name ?? `alg 0x${alg.toString(16).padStart(4, "0")}`;
}
