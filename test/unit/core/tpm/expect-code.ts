import { expect } from "chai";
import { HclError } from "../../../../core/errors/hcl-error.js";

/** Runs `run` and checks it throws an HclError with `code` (and a message matching `message`). */
export function expectCode(run: () => unknown, code: string, message?: RegExp): HclError {
  try {
    run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(HclError);
    expect((error as HclError).code).to.equal(code);
    if (message !== undefined) expect((error as HclError).message).to.match(message);
    return error as HclError;
  }
  return expect.fail(`expected ${code}`);
}

/** Awaits `promise` and checks it rejects with an HclError with `code`. */
export async function expectRejectCode(
  promise: Promise<unknown>,
  code: string,
  message?: RegExp,
): Promise<HclError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(HclError);
    expect((error as HclError).code, (error as Error).message).to.equal(code);
    if (message !== undefined) expect((error as HclError).message).to.match(message);
    return error as HclError;
  }
  return expect.fail(`expected a rejection with ${code}`);
}

/** Bytes of a hex string with spaces. */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}
