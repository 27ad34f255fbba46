/**
 * The CLI's exit codes (DESIGN.md, "Exit codes").
 *
 * @public
 */
export const EXIT = {
  /** Certified, or the command did what it was asked. */
  ok: 0,
  /** Qualification ran and the machine is not certified. */
  notCertified: 1,
  /** A command-line argument or an input file is wrong. */
  usage: 2,
  /** Evidence, a plugin or the infrastructure failed. */
  infrastructure: 3,
  /** Pending prompts or an interrupted run. */
  incomplete: 4,
} as const;

/** One of the values of {@link EXIT}. @public */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface CodeInfo {
  /** The exit code the CLI uses when this error ends a command. */
  readonly exit: ExitCode;
}

/**
 * Every error code hclkit raises, `HCL_E_<AREA>_<WHAT>`, with the exit code it maps to.
 * Codes are stable: tools and CI pipelines match on them, so a code is never renamed or reused.
 *
 * @public
 */
export const ERROR_CODES = {
  /** An unexpected failure inside hclkit itself: a bug, never a user error. */
  HCL_E_INTERNAL: { exit: EXIT.infrastructure },

  /** A command-line argument or option is unknown, missing or malformed. */
  HCL_E_CLI_USAGE: { exit: EXIT.usage },
  /** A path given on the command line does not exist or cannot be read. */
  HCL_E_CLI_PATH_NOT_FOUND: { exit: EXIT.usage },

  /** The configuration file cannot be read. */
  HCL_E_CONFIG_READ: { exit: EXIT.usage },
  /** The configuration file is not valid YAML. */
  HCL_E_CONFIG_PARSE: { exit: EXIT.usage },
  /** The configuration file is YAML but breaks its schema (unknown key, wrong type or value). */
  HCL_E_CONFIG_INVALID: { exit: EXIT.usage },

  /** The project's package.json, read to find `hclkit-plugin-*` dependencies, is not valid JSON. */
  HCL_E_PROJECT_MANIFEST: { exit: EXIT.usage },

  /** The evidence path given (`--from`, `--root`) does not exist. */
  HCL_E_EVIDENCE_NOT_FOUND: { exit: EXIT.usage },
  /** A single evidence file is none of the dump formats hclkit recognises by content. */
  HCL_E_EVIDENCE_UNRECOGNISED: { exit: EXIT.usage },
  /** An evidence file exists but cannot be read (permission, I/O error). */
  HCL_E_EVIDENCE_UNREADABLE: { exit: EXIT.infrastructure },
  /** An evidence file is larger than hclkit reads; it is skipped. */
  HCL_E_EVIDENCE_TOO_LARGE: { exit: EXIT.infrastructure },
  /** A text log holds binary data (NUL bytes, invalid text); it is skipped. */
  HCL_E_EVIDENCE_BINARY: { exit: EXIT.infrastructure },
  /** A line or record of a dump is not in the format its parser expects; the rest is still read. */
  HCL_E_EVIDENCE_MALFORMED: { exit: EXIT.infrastructure },
  /** A dump ends in the middle of a record. */
  HCL_E_EVIDENCE_TRUNCATED: { exit: EXIT.infrastructure },
  /** A snapshot archive is not a readable .tar.gz. */
  HCL_E_SNAPSHOT_CORRUPT: { exit: EXIT.usage },
  /** A snapshot archive member has an absolute path, `..`, or a link leaving the snapshot. */
  HCL_E_SNAPSHOT_UNSAFE: { exit: EXIT.usage },
  /** A snapshot archive, or one of its members, is larger than hclkit accepts. */
  HCL_E_SNAPSHOT_TOO_LARGE: { exit: EXIT.usage },
  /** A snapshot could not be written (disk full, permission). Nothing half-written is left. */
  HCL_E_CAPTURE_WRITE: { exit: EXIT.infrastructure },

  /** A plugin named in the configuration or the project's dependencies cannot be found on disk. */
  HCL_E_PLUGIN_NOT_FOUND: { exit: EXIT.infrastructure },
  /** A plugin module threw, or failed to parse or link, while being imported. */
  HCL_E_PLUGIN_IMPORT: { exit: EXIT.infrastructure },
  /** A plugin's exported object breaks the plugin schema (missing or malformed field). */
  HCL_E_PLUGIN_INVALID: { exit: EXIT.infrastructure },
  /** A plugin targets a plugin API version this hclkit does not speak. */
  HCL_E_PLUGIN_API_VERSION: { exit: EXIT.infrastructure },
  /** Two plugins carry the same name. */
  HCL_E_PLUGIN_DUPLICATE_NAME: { exit: EXIT.infrastructure },
  /** One plugin declares two drivers with the same id. */
  HCL_E_PLUGIN_DUPLICATE_DRIVER: { exit: EXIT.infrastructure },
  /** One plugin declares two active tests with the same id. */
  HCL_E_PLUGIN_DUPLICATE_TEST: { exit: EXIT.infrastructure },
  /** Plugin code threw or rejected during a hook (import, probe, test). */
  HCL_E_PLUGIN_HOOK_THREW: { exit: EXIT.infrastructure },
  /** Plugin code did not settle within its time bound. */
  HCL_E_PLUGIN_HOOK_TIMEOUT: { exit: EXIT.infrastructure },
  /** A hook returned a value that breaks its contract (for instance a device without facts). */
  HCL_E_PLUGIN_BAD_RESULT: { exit: EXIT.infrastructure },
  /** One or more plugins failed under the `abort` policy; every failure is listed. */
  HCL_E_PLUGIN_LOAD_ABORTED: { exit: EXIT.infrastructure },
  /** No loaded plugin has the name asked for. */
  HCL_E_PLUGIN_UNKNOWN: { exit: EXIT.usage },

  /** No suite has the id, version or path given (`--suite`, `suites show`). */
  HCL_E_SUITE_NOT_FOUND: { exit: EXIT.usage },
  /** A suite file cannot be read, or is larger than a suite can be. */
  HCL_E_SUITE_READ: { exit: EXIT.usage },
  /** A suite file is not valid YAML (syntax, duplicate keys, too many aliases). */
  HCL_E_SUITE_PARSE: { exit: EXIT.usage },
  /** A suite breaks its schema or its rules (unknown fact, test or feature, bad params or limits). */
  HCL_E_SUITE_INVALID: { exit: EXIT.usage },
  /** A waiver file cannot be read or is not valid YAML. */
  HCL_E_WAIVER_PARSE: { exit: EXIT.usage },
  /** A waiver breaks its schema (missing reason, issuer or expiry; bad date; duplicate id). */
  HCL_E_WAIVER_INVALID: { exit: EXIT.usage },
  /** The answers file cannot be read or is not valid YAML. */
  HCL_E_ANSWERS_PARSE: { exit: EXIT.usage },
  /** The answers file names an unknown requirement or gives an answer of the wrong type. */
  HCL_E_ANSWERS_INVALID: { exit: EXIT.usage },

  /** No session directory at the path given, or it holds no session. */
  HCL_E_SESSION_NOT_FOUND: { exit: EXIT.usage },
  /** A session file is unreadable or malformed: the session cannot be resumed as it is. */
  HCL_E_SESSION_CORRUPT: { exit: EXIT.usage },
  /** The suite or a plugin changed since the session started; `--force` resumes anyway. */
  HCL_E_SESSION_CHANGED: { exit: EXIT.usage },
  /** Another hclkit process is running this session. */
  HCL_E_SESSION_LOCKED: { exit: EXIT.infrastructure },
  /** A session file cannot be written (disk full, permissions). */
  HCL_E_SESSION_WRITE: { exit: EXIT.infrastructure },

  /** Reports to merge are of different machines or suites, or fewer than two. */
  HCL_E_REPORT_MERGE: { exit: EXIT.usage },
  /** A report format asked for is not one hclkit writes. */
  HCL_E_REPORT_FORMAT: { exit: EXIT.usage },

  /** A signing key cannot be read, or is not an Ed25519 key in PEM. */
  HCL_E_KEY_READ: { exit: EXIT.usage },
  /** A key pair cannot be written (folder missing, file exists, permissions). */
  HCL_E_KEY_WRITE: { exit: EXIT.infrastructure },
  /** A bundle cannot be written. */
  HCL_E_BUNDLE_WRITE: { exit: EXIT.infrastructure },
  /** The file is not a bundle hclkit can read (not an archive, no manifest, malformed JSON). */
  HCL_E_BUNDLE_UNUSABLE: { exit: EXIT.usage },
  /** A bundle's file does not match its manifest: changed, missing or added. */
  HCL_E_BUNDLE_TAMPERED: { exit: EXIT.notCertified },
  /** A bundle's signature is missing, invalid, or made with another key than the one given. */
  HCL_E_BUNDLE_SIGNATURE: { exit: EXIT.notCertified },
  /** A verdict re-derived from the bundled evidence differs from the report's. */
  HCL_E_BUNDLE_VERDICT: { exit: EXIT.notCertified },
  /** The suite or plugins this hclkit has are not those the report names: nothing can be re-derived. */
  HCL_E_VERIFY_DEFINITIONS: { exit: EXIT.usage },

  /** The folder is not an HCL (no hcl.yaml), or already is one (`hcl init`). */
  HCL_E_HCL_NOT_FOUND: { exit: EXIT.usage },
  /** hcl.yaml or an entry file is unreadable or breaks its schema. */
  HCL_E_HCL_INVALID: { exit: EXIT.usage },
  /** Another process holds the HCL's lock longer than hclkit waits. */
  HCL_E_HCL_LOCKED: { exit: EXIT.infrastructure },
  /** A bundle was refused by the HCL: made with an untrusted suite, plugin or key, or unverifiable. */
  HCL_E_HCL_REFUSED: { exit: EXIT.notCertified },
  /** `--shard` is not `i/n` with 0 ≤ i < n. */
  HCL_E_HCL_SHARD: { exit: EXIT.usage },

  /** An active test ran past its time bound and was killed. */
  HCL_E_TEST_TIMEOUT: { exit: EXIT.infrastructure },
  /** An active test threw: the harness could not do its job. */
  HCL_E_TEST_THREW: { exit: EXIT.infrastructure },
  /** An active test's child process died without an answer (signal, crash, bad message). */
  HCL_E_TEST_CRASHED: { exit: EXIT.infrastructure },
  /** An active test answered something that is not a test result. */
  HCL_E_TEST_BAD_RESULT: { exit: EXIT.infrastructure },

  /** A TPM spec (`--tpm`) is none of `device:PATH`, `swtpm:HOST:PORT`, `swtpm:HOST:PORT:CTRLPORT`. */
  HCL_E_TPM_SPEC: { exit: EXIT.usage },
  /** A TPM command was asked for something its interface cannot carry (a PCR past 23, a nonce too long). */
  HCL_E_TPM_ARGUMENT: { exit: EXIT.usage },
  /** The TPM cannot be reached: its device cannot be opened, or swtpm refuses the connection. */
  HCL_E_TPM_OPEN: { exit: EXIT.infrastructure },
  /** The TPM, or swtpm's control channel, did not answer within the time bound. */
  HCL_E_TPM_TIMEOUT: { exit: EXIT.infrastructure },
  /** Writing to or reading from the TPM failed, or the connection closed before anything came back. */
  HCL_E_TPM_IO: { exit: EXIT.infrastructure },
  /** A TPM response ends before its 10-byte header, before the size its header gives, or inside a field. */
  HCL_E_TPM_TRUNCATED: { exit: EXIT.infrastructure },
  /** A TPM response carries a tag the command does not allow (a TPM 1.2 tag to a TPM 2.0 command…). */
  HCL_E_TPM_BAD_TAG: { exit: EXIT.infrastructure },
  /** A TPM response's size disagrees with the bytes received or with the structures it holds. */
  HCL_E_TPM_BAD_SIZE: { exit: EXIT.infrastructure },
  /** A TPM response is framed right but holds a structure the command never returns (a count past its maximum). */
  HCL_E_TPM_MALFORMED: { exit: EXIT.infrastructure },
  /** The TPM answered with an error or warning response code; the message names it and says what it means. */
  HCL_E_TPM_RESPONSE_CODE: { exit: EXIT.infrastructure },
  /** swtpm's control channel refused a command (a non-zero result). */
  HCL_E_TPM_CONTROL: { exit: EXIT.infrastructure },
  /** The TPM is of another family than the operation needs (a quote needs a TPM 2.0). */
  HCL_E_TPM_FAMILY: { exit: EXIT.infrastructure },
  /** A quote's attestation or signature bytes are not TPM structures (cut short, bad sizes, trailing bytes). */
  HCL_E_TPM_QUOTE_MALFORMED: { exit: EXIT.notCertified },
  /** The attestation key given with a quote is not a P-256 or RSA public key in PEM. */
  HCL_E_TPM_QUOTE_KEY: { exit: EXIT.notCertified },
  /** A quote's signature does not verify over its attestation bytes with the key given. */
  HCL_E_TPM_QUOTE_SIGNATURE: { exit: EXIT.notCertified },
  /** A quote's attestation does not start with TPM_GENERATED_VALUE: the TPM did not produce it. */
  HCL_E_TPM_QUOTE_MAGIC: { exit: EXIT.notCertified },
  /** A signed attestation is not a quote (its type is not TPM_ST_ATTEST_QUOTE). */
  HCL_E_TPM_QUOTE_TYPE: { exit: EXIT.notCertified },
  /** A quote's qualifying data is not the nonce expected (the report's digest). */
  HCL_E_TPM_QUOTE_NONCE: { exit: EXIT.notCertified },
  /** The PCRs a quote covers are not the PCRs whose values are given. */
  HCL_E_TPM_QUOTE_PCR_SELECTION: { exit: EXIT.notCertified },
  /** The PCR digest a quote signs is not the digest of the PCR values given. */
  HCL_E_TPM_QUOTE_PCR_DIGEST: { exit: EXIT.notCertified },
} as const satisfies Record<`HCL_E_${string}`, CodeInfo>;

/** One code of {@link ERROR_CODES}. @public */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The exit code that an error `code` maps to. @public */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return ERROR_CODES[code].exit;
}
