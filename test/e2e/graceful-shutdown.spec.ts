import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Whether a new TCP connection to `url`'s port is refused. */
function refusesConnections(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('a bot process stopped with SIGTERM', () => {
  const rig = useBotProcesses();

  it('should answer the turn in flight, refuse new connections, release the data folder and exit 0', async function () {
    this.timeout(60_000);
    // Arrange: the Bot Connector holds the bot's reply past the 5 s in which Teams gets its answer, so
    // that the turn is in flight when SIGTERM comes and goes on after its answer
    rig.connector.fault = (request) =>
      request.method === 'POST' && /\/activities(\/[^/]+)?$/.test(request.path)
        ? { delayMs: 6_000 }
        : undefined;
    const bot = await rig.start({});
    const user = new TeamsUser(
      { post: (activity) => bot.post(activity) },
      rig.connector,
      'Li',
      channelThread(),
    );
    const answer = bot.post(user.activity({ text: 'help' }));
    await waitUntil(() => rig.connector.requests.length > 0, "the bot's reply to reach the Bot Connector");
    assert.equal(rig.connector.sent.length, 0, 'the reply is held');

    // Act
    const exitCode = bot.stop('SIGTERM');
    await waitUntil(() => bot.log.includes('stopping'), 'the bot to start stopping');
    const refused = await refusesConnections(bot.url);

    // Assert
    assert.ok(refused, 'a new connection must be refused once the bot is stopping');
    assert.equal((await answer).status, 200);
    assert.equal(await exitCode, 0, bot.log);
    assert.equal(rig.connector.sent.length, 1, 'the turn went on to deliver the help card before the exit');
    assert.match(bot.log, /stopped: the data folder is released/);
    const next = await rig.start({});
    assert.ok(next.pid, 'a second process starts on the same data folder right after');
  });
});
