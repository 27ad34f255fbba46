import path from "node:path";
import { testCatalog, type TestCatalog, type TestInfo } from "../../core/suite/test-catalog.js";
import { REPO } from "./paths.js";

/** The shipped suites' folder. */
export const SHIPPED_SUITES = path.join(REPO, "hcl/suites");

/** Fixture suites. */
export const FIXTURE_SUITES = path.join(REPO, "test/fixtures/suites");

const info = (id: string, extra: Partial<TestInfo> = {}): TestInfo => ({
  id,
  title: id,
  origin: "core",
  live: true,
  disruptive: false,
  transition: false,
  timeoutSec: 60,
  ...extra,
});

/**
 * A catalog with the core tests' ids and the shapes suites rely on, for unit tests of the
 * suite layer that must not depend on the tests' code. The real catalog is tested against it.
 */
export function fakeCatalog(): TestCatalog {
  return testCatalog([
    info("storage.read-throughput", {
      measures: { name: "throughput", unit: "MB/s" },
      params: {
        type: "object",
        additionalProperties: false,
        properties: {
          target: { enum: ["esata", "card-reader", "path"] },
          path: { type: "string" },
          sizeMiB: { type: "integer", minimum: 1 },
        },
      },
    }),
    info("crypto.aes-throughput", { measures: { name: "throughput", unit: "MB/s" } }),
    info("net.no-listening-ports", { measures: { name: "listening", unit: "sockets" } }),
    info("memory.capacity", {
      live: false,
      measures: { name: "availableForGuestMiB", unit: "MiB" },
    }),
    info("wifi.scan", { measures: { name: "networks", unit: "networks" } }),
    info("power.suspend-resume", { disruptive: true, transition: true }),
    info("power.lid-switch"),
  ]);
}
