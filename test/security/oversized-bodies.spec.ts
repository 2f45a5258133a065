import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { MAX_BODY_BYTES } from '../../bot/server/create-server.js';
import { useBot } from '../helpers/use-bot.js';

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const GIVE_UP_AFTER_BYTES = 20 * 1024 * 1024;

/** What a client streaming a chunked body without end saw: the answer's first line, and how much it sent. */
type StreamOutcome = { statusLine: string; bytesSent: number; elapsedMs: number };

function streamEndlessBody(url: string, headers: string): Promise<StreamOutcome> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const started = Date.now();
  let answer = '';
  let bytesSent = 0;
  let finished = false;
  return new Promise((resolve) => {
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ statusLine: answer.split('\r\n')[0] ?? '', bytesSent, elapsedMs: Date.now() - started });
    };
    const pump = () => {
      while (!finished && bytesSent < GIVE_UP_AFTER_BYTES) {
        bytesSent += CHUNK.length;
        if (!socket.write(`${CHUNK.length.toString(16)}\r\n${CHUNK}\r\n`)) return;
      }
      if (bytesSent >= GIVE_UP_AFTER_BYTES) finish();
    };
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (answer.includes('\r\n\r\n')) finish();
    });
    socket.on('drain', pump);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(`POST /api/messages HTTP/1.1\r\nhost: ${hostname}\r\n${headers}\r\n`);
    pump();
  });
}

describe('the bot under request bodies over MAX_BODY_BYTES', () => {
  const rig = useBot();

  it('should answer 413 and stop reading a chunked body without content-length as soon as it passes the limit', async () => {
    // Act
    const outcome = await streamEndlessBody(
      rig.bot.url,
      'content-type: application/json\r\ntransfer-encoding: chunked\r\n',
    );
    const health = await rig.bot.request('GET', '/healthz');

    // Assert
    assert.match(outcome.statusLine, / 413 /);
    assert.ok(outcome.bytesSent < GIVE_UP_AFTER_BYTES, `the client could send ${outcome.bytesSent} bytes`);
    assert.ok(outcome.elapsedMs < 5_000, `answered after ${outcome.elapsedMs} ms`);
    assert.equal(health.status, 200);
  });

  it('should answer 413 without reading the body when content-length is over the limit', async () => {
    // Act
    const outcome = await streamEndlessBody(
      rig.bot.url,
      `content-type: application/json\r\ncontent-length: ${1024 ** 3}\r\n`,
    );

    // Assert
    assert.match(outcome.statusLine, / 413 /);
    assert.ok(outcome.bytesSent < GIVE_UP_AFTER_BYTES, `the client could send ${outcome.bytesSent} bytes`);
  });

  it('should answer 415 to a compressed body, whose unpacked size is unknown', async () => {
    // Act
    const answer = await rig.bot.request('POST', '/api/messages', '{}', { 'content-encoding': 'gzip' });

    // Assert
    assert.equal(answer.status, 415);
  });

  it('should still read a body of exactly MAX_BODY_BYTES', async () => {
    // Arrange
    const body = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES - 20) }).padEnd(MAX_BODY_BYTES, ' ');

    // Act
    const answer = await rig.bot.request('POST', '/api/messages', body);

    // Assert
    assert.equal(Buffer.byteLength(body), MAX_BODY_BYTES);
    assert.equal(answer.status, 400);
  });
});
