import type { Response } from 'botbuilder';

/**
 * A response for `CloudAdapter.process` that answers Teams with 200 after `deadlineMs` if the turn has
 * not answered by then (Teams waits 15 s, then sends the activity again): the turn itself goes on to its
 * end (a Bot Connector that hangs), with its context intact, and what the adapter writes afterwards is
 * dropped. Without a deadline (an invoke, whose answer is the card the turn returns) it is `response`
 * as is. Call `settle` when the turn is over.
 */
export function answerWithin(
  response: Response,
  deadlineMs: number | undefined,
): { response: Response; settle(): void } {
  if (deadlineMs === undefined) return { response, settle: () => undefined };
  let answeredEarly = false;
  const timer = setTimeout(() => {
    answeredEarly = true;
    response.status(200);
    response.end();
  }, deadlineMs);
  const unlessAnswered =
    <A extends unknown[]>(write: (...args: A) => unknown) =>
    (...args: A) => {
      if (!answeredEarly) write(...args);
    };
  return {
    response: {
      socket: response.socket,
      status: unlessAnswered((code: number) => response.status(code)),
      send: unlessAnswered((...args: unknown[]) => response.send(...args)),
      end: unlessAnswered((...args: unknown[]) => response.end(...args)),
      header: unlessAnswered((name: string, value: unknown) => response.header(name, value)),
    },
    settle: () => clearTimeout(timer),
  };
}
