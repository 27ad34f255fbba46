import type { CoreTest } from "./core-test.js";
import { cryptoAesThroughput } from "./crypto-aes-throughput.js";
import { memoryCapacity } from "./memory-capacity.js";
import { netNoListeningPorts } from "./net-no-listening-ports.js";
import { powerLidSwitch } from "./power-lid-switch.js";
import { powerSuspendResume } from "./power-suspend-resume.js";
import { storageReadThroughput } from "./storage-read-throughput.js";
import { tpmCapabilities } from "./tpm-capabilities.js";
import { tpmPcrRead } from "./tpm-pcr-read.js";
import { tpmRandom } from "./tpm-random.js";
import { tpmSelftest } from "./tpm-selftest.js";
import { wifiScan } from "./wifi-scan.js";

/**
 * The active tests the core offers to every suite, sorted by id. A plugin's test with one of
 * these ids is shadowed by the core's.
 *
 * @public
 */
export const CORE_TESTS: readonly CoreTest[] = [
  cryptoAesThroughput,
  memoryCapacity,
  netNoListeningPorts,
  powerLidSwitch,
  powerSuspendResume,
  storageReadThroughput,
  tpmCapabilities,
  tpmPcrRead,
  tpmRandom,
  tpmSelftest,
  wifiScan,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
