/** Thrown when no valid app package can be built; the message lists every problem to fix. */
export class AppPackageError extends Error {
  readonly code = 'APP_PACKAGE_INVALID';

  constructor(
    summary: string,
    readonly problems: readonly string[],
  ) {
    super(`${summary}\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}
