import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on right now, for a child server a test starts. Ports in `avoid` are never
 * returned, so a developer's own servers (the Playground on 56150, the bot on 3978) keep theirs.
 */
export async function findFreePort(avoid: readonly number[] = [56150, 3978]): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port !== 0 && !avoid.includes(port)) return port;
  }
  throw new Error('findFreePort: the system handed out no usable free port in 20 attempts');
}
