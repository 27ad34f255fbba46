import path from "node:path";
import type { Command } from "commander";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openContext, openHost } from "../open-host.js";

/** `hclkit bundle`, `hclkit verify` and `hclkit keys generate`. */
export function registerBundleCommands(program: Command, io: CliIo, state: CliState): void {
  program
    .command("bundle")
    .description(
      "bundle a session: report, evidence, logs, a manifest of digests, signed (DSSE, Ed25519)",
    )
    .argument("<session>", "session folder")
    .requiredOption("-o, --out <file>", "the bundle to write (NAME.hclbundle.tar.gz)")
    .option("--key <file>", "Ed25519 private key (PEM) to sign with (hclkit keys generate)")
    .option(
      "--attest",
      "have this machine's TPM 2.0 quote the report (its PCRs 0-7, the report's digest as nonce)",
    )
    .option(
      "--tpm <spec>",
      "attest with this TPM instead: device:/dev/tpmrm0 or swtpm:HOST:PORT[:CTRLPORT]",
    )
    .option("--json", "print the outcome as JSON on stdout")
    .action(
      async (
        session: string,
        options: { out: string; key?: string; json?: boolean; attest?: boolean; tpm?: string },
        command: Command,
      ) => {
        state.json = options.json === true;
        const [{ createBundle }, { readKey }] = await Promise.all([
          import("../../../hcl/report/bundle.js"),
          import("../../../hcl/report/keys.js"),
        ]);
        const key = options.key === undefined ? undefined : path.resolve(io.cwd, options.key);
        let attest: { spec: string | null; root: string } | undefined;
        if (options.attest === true || options.tpm !== undefined) {
          const { config } = await openContext(io, command);
          const { resolveTpmSpec } = await import("../../tpm/spec.js");
          attest = { spec: resolveTpmSpec(options.tpm, config.config.tpm), root: "/" };
        }
        const result = await createBundle({
          ...(attest === undefined ? {} : { attest }),
          session: path.resolve(io.cwd, session),
          out: path.resolve(io.cwd, options.out),
          ...(key === undefined
            ? {}
            : { privateKey: readKey(key, "private"), publicKey: readKey(key, "public") }),
        });
        if (!result.signed)
          io.stderr.write(
            "warning: the bundle is not signed (no --key): verification will check its integrity only\n",
          );
        if (state.json)
          return printJson(io, {
            file: result.file,
            signed: result.signed,
            files: result.manifest.files.length,
          });
        io.stdout.write(`${result.file}\n`);
      },
    );

  program
    .command("verify")
    .description(
      "verify a bundle: digests, signature, and the passive verdicts re-derived from its evidence",
    )
    .argument("<bundle>", "a .hclbundle.tar.gz")
    .option("--key <file>", "the signer's public key (PEM); without it, the key the bundle carries")
    .option("--allow-unsigned", "accept an unsigned bundle (integrity only)")
    .option("--json", "print the verification as JSON on stdout")
    .action(
      async (
        bundle: string,
        options: { key?: string; allowUnsigned?: boolean; json?: boolean },
        command: Command,
      ) => {
        state.json = options.json === true;
        const [{ verifyBundle }, { readKey }] = await Promise.all([
          import("../../../hcl/report/verify-bundle.js"),
          import("../../../hcl/report/keys.js"),
        ]);
        const publicKey =
          options.key === undefined
            ? undefined
            : readKey(path.resolve(io.cwd, options.key), "public");
        const result = await verifyBundle(
          await openHost(io, command),
          path.resolve(io.cwd, bundle),
          {
            ...(publicKey === undefined ? {} : { publicKey }),
            allowUnsigned: options.allowUnsigned === true,
          },
        );
        if (state.json) {
          const { report: _report, facts: _facts, ...summary } = result;
          return printJson(io, { ok: true, ...summary });
        }
        for (const c of result.checks) io.stdout.write(`✔ ${c.check}: ${c.detail}\n`);
        io.stdout.write(`verified: session ${result.session}, ${result.overall}\n`);
      },
    );

  program
    .command("keys")
    .description("signing keys")
    .command("generate")
    .description("make an Ed25519 key pair for signing bundles")
    .requiredOption("-o, --out <dir>", "folder for hclkit-signing.key and hclkit-signing.pub")
    .option("--json", "print the files and key id as JSON on stdout")
    .action(async (options: { out: string; json?: boolean }) => {
      state.json = options.json === true;
      const { generateKeys } = await import("../../../hcl/report/keys.js");
      const keys = generateKeys(path.resolve(io.cwd, options.out));
      if (state.json) return printJson(io, keys);
      io.stdout.write(`${keys.privateKey}\n${keys.publicKey}\nkey id ${keys.keyid}\n`);
    });
}
