/** A promise and the functions that settle it: work that runs until the test lets it end. */
export type Deferred = { promise: Promise<void>; resolve(): void; reject(error: Error): void };

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
