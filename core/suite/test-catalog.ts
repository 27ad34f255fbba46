/**
 * What the planner and the suite loader know of one active test: where it comes from and what
 * it needs, without its code.
 *
 * @public
 */
export interface TestInfo {
  readonly id: string;
  readonly title: string;
  /** `core`, or `plugin/driver` of the driver offering it. */
  readonly origin: string;
  /** JSON Schema of its params; `undefined` when the test does not declare one. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Needs the live machine: on recorded evidence its requirement is blocked. */
  readonly live: boolean;
  readonly disruptive: boolean;
  /** Expected not to return to the process that started it (suspend, reboot). */
  readonly transition: boolean;
  readonly measures?: { readonly name: string; readonly unit: string };
  readonly timeoutSec: number;
}

/** The active tests a suite may name. @public */
export interface TestCatalog {
  get(id: string): TestInfo | undefined;
  ids(): readonly string[];
}

/** A catalog over a list of tests; the first of two with one id wins (core before plugins). @public */
export function testCatalog(tests: readonly TestInfo[]): TestCatalog {
  const byId = new Map<string, TestInfo>();
  for (const t of tests) if (!byId.has(t.id)) byId.set(t.id, t);
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort() };
}
