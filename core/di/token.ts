import type { DependencyContainer } from "tsyringe";

/**
 * A typed DI token: a registered symbol whose phantom type says what resolving it gives.
 * Identity is the string id, so two copies of hclkit in one process still agree on tokens.
 *
 * @public
 */
export type Token<T> = symbol & { readonly __type?: T };

const PREFIX = "hclkit:";

/** Creates the token for the service id `'<area>.<name>'`. @public */
export function token<T>(id: string): Token<T> {
  return Symbol.for(`${PREFIX}${id}`);
}

/** The string id of a token (`'plugin.host'`). @public */
export function tokenId(t: Token<unknown>): string {
  const key = Symbol.keyFor(t) ?? "";
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
}

/** Resolves `t` in `container`, typed. @public */
export function resolve<T>(container: DependencyContainer, t: Token<T>): T {
  return container.resolve<T>(t);
}
