import { format } from 'node:util';
import { secretWatch } from './secret-watch.js';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];

const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
const consoleLines: string[] = [];
let closeConsole: (() => Promise<void>) | undefined;

/**
 * Mocha root hooks (registered in `.mocharc.json`): for the whole run, console output is captured too
 * (still printed), and after the last test every log line, message to a shared conversation, store
 * file and console line the helpers collected is searched for every generated password and app
 * secret. One found fails the run, naming the place but never printing the secret.
 */
export const mochaHooks = {
  beforeAll(): void {
    for (const method of CONSOLE_METHODS) {
      const original = console[method].bind(console);
      originals.set(method, original);
      console[method] = (...args: unknown[]) => {
        consoleLines.push(format(...args));
        original(...args);
      };
    }
    closeConsole = secretWatch.watch('console output', () => consoleLines.join('\n'));
  },

  async afterAll(): Promise<void> {
    for (const [method, original] of originals) console[method] = original;
    await closeConsole?.();
    const { leaks, secrets, sources, characters } = await secretWatch.finish();
    if (leaks.length > 0) {
      const lines = leaks.map((leak) => `- ${leak.kind} (${leak.masked}) in ${leak.where}`);
      throw new Error(`Secrets leaked during the tests:\n${lines.join('\n')}`);
    }
    console.log(
      `  secret watch: ${secrets} secrets searched in ${sources} places (${characters} characters): none found`,
    );
  },
};
