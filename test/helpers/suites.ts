import path from "node:path";
import { runnableTests } from "../../core/run/catalog.js";
import { CORE_TESTS } from "../../core/run/tests/registry.js";
import type { TestCatalog } from "../../core/suite/test-catalog.js";
import { REPO } from "./paths.js";

/** The shipped suites' folder. */
export const SHIPPED_SUITES = path.join(REPO, "hcl/suites");

/** Fixture suites. */
export const FIXTURE_SUITES = path.join(REPO, "test/fixtures/suites");

/**
 * The real catalog of the core's active tests (no plugin's): what suites are checked against,
 * with the tests' own params schemas.
 */
export function coreCatalog(): TestCatalog {
  return runnableTests(CORE_TESTS, []).catalog;
}
