import type { Json } from "./core-test.js";

type Params = Readonly<Record<string, Json>>;

/**
 * An integer param, or `fallback` when the requirement does not give it. The runner validated
 * the params against the test's schema already; a value of another type here means it did not,
 * and the harness cannot go on.
 *
 * @public
 */
export function integerParam(params: Params, name: string, fallback: number): number {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw new Error(`param ${name} is ${JSON.stringify(value)}, expected an integer`);
}

/** A number param, or `fallback` when the requirement does not give it. @public */
export function numberParam(params: Params, name: string, fallback: number): number {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new Error(`param ${name} is ${JSON.stringify(value)}, expected a number`);
}

/** A string param, or `undefined` when the requirement does not give it. @public */
export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || typeof value === "string") return value;
  throw new Error(`param ${name} is ${JSON.stringify(value)}, expected a string`);
}

/** A boolean param, or `fallback` when the requirement does not give it. @public */
export function booleanParam(params: Params, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  throw new Error(`param ${name} is ${JSON.stringify(value)}, expected true or false`);
}
