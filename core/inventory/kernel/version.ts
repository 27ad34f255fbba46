/** Major.minor of a release string (`5.13.4-zen2` → `5.13`), or null. @public */
export function majorMinor(release: string): string | null {
  const match = /^(\d+)\.(\d+)/.exec(release.trim());
  return match === null ? null : `${match[1]}.${match[2]}`;
}
