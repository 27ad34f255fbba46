import { generateKeyPairSync, createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import { writeDurable } from "../../core/run/durable.js";
import { keyId } from "./dsse.js";

/** File names `hclkit keys generate` writes. @public */
export const KEY_FILES = { private: "hclkit-signing.key", public: "hclkit-signing.pub" } as const;

/**
 * Generates an Ed25519 key pair into `dir`: the private key in PKCS#8 PEM (mode 0600), the public
 * key in SPKI PEM. Refuses to overwrite.
 *
 * @throws HclError `HCL_E_KEY_WRITE`.
 * @public
 */
export function generateKeys(dir: string): {
  privateKey: string;
  publicKey: string;
  keyid: string;
} {
  const privateFile = path.join(dir, KEY_FILES.private);
  const publicFile = path.join(dir, KEY_FILES.public);
  for (const file of [privateFile, publicFile])
    if (existsSync(file))
      throw new HclError("HCL_E_KEY_WRITE", `${file} exists; hclkit does not overwrite a key`, {
        hint: "Choose another folder, or move the old key away first.",
        details: { file },
      });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new HclError("HCL_E_KEY_WRITE", `cannot create ${dir}`, {
      cause: error,
      details: { dir },
    });
  }
  writeDurable(privateFile, privateKey.export({ type: "pkcs8", format: "pem" }).toString(), 0o600);
  writeDurable(publicFile, publicKey.export({ type: "spki", format: "pem" }).toString());
  return { privateKey: privateFile, publicKey: publicFile, keyid: keyId(publicKey) };
}

/**
 * Reads an Ed25519 key from a PEM file: `kind` private (to sign) or public (to verify; a private
 * key file is accepted and its public half used).
 *
 * @throws HclError `HCL_E_KEY_READ`.
 * @public
 */
export function readKey(file: string, kind: "private" | "public"): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new HclError("HCL_E_KEY_READ", `cannot read the key ${file}`, {
      cause: error,
      details: { file },
    });
  }
  try {
    const key = kind === "private" ? createPrivateKey(text) : createPublicKey(text);
    if (key.asymmetricKeyType !== "ed25519")
      throw new Error(`a ${String(key.asymmetricKeyType)} key, expected ed25519`);
    return kind === "private" ? text : key.export({ type: "spki", format: "pem" }).toString();
  } catch (error) {
    throw new HclError(
      "HCL_E_KEY_READ",
      `${file} is not an Ed25519 ${kind} key in PEM: ${(error as Error).message}`,
      {
        hint: "Make a key pair with `hclkit keys generate -o DIR`.",
        details: { file },
      },
    );
  }
}
