import assert from 'node:assert/strict';
import {
  createHttpHeaders,
  type PipelineRequest,
  type PipelineResponse,
  RestError,
} from '@azure/core-rest-pipeline';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/create-logger.js';
import {
  type ConnectorRetryOptions,
  DEFAULT_CONNECTOR_RETRY,
} from '../../../bot/server/connector-retry-options.js';
import {
  CONNECTOR_REQUEST_FAILED,
  createConnectorHttpClient,
} from '../../../bot/server/create-connector-http-client.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';

type Answer = number | { status: number; headers: Record<string, string> } | Error;

const SERVICE_URL = 'https://smba.example.test/teams/';
const PRIVATE_TEXT = 'text only the user may read';

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
}

/**
 * Connector clients as the bot gets them: made by the SDK's `ConfigurationBotFrameworkAuthentication`
 * from `connectorClientOptions` holding the client under test, over a fake transport.
 */
describe('createConnectorHttpClient', () => {
  let logs: CapturedLogs;
  let fakeTransport: sinon.SinonSpy<[PipelineRequest], Promise<PipelineResponse>>;
  let answers: Answer[];
  let sentAt: number[];
  let onSend: () => void;

  beforeEach(() => {
    logs = new CapturedLogs();
    answers = [];
    sentAt = [];
    onSend = () => undefined;
    fakeTransport = sinon.fake(async (request: PipelineRequest) => {
      sentAt.push(Date.now());
      onSend();
      const answer = answers.shift() ?? 201;
      if (answer instanceof Error) throw answer;
      const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
      return {
        status,
        request,
        headers: createHttpHeaders({ 'content-type': 'application/json', ...headers }),
        bodyAsText: status < 300 ? JSON.stringify({ id: 'a:created' }) : '{"error":{"code":"Nope"}}',
      };
    });
  });

  async function connectorClient(overrides: Partial<ConnectorRetryOptions> = {}): Promise<ConnectorClient> {
    const options = { ...DEFAULT_CONNECTOR_RETRY, baseDelayMs: 1, maxDelayMs: 5, ...overrides };
    const httpClient = createConnectorHttpClient(options, createLogger('debug', logs), {
      sendRequest: fakeTransport,
    });
    const authentication = new ConfigurationBotFrameworkAuthentication({}, undefined, undefined, undefined, {
      httpClient,
    });
    return authentication.createConnectorFactory(new ClaimsIdentity([], true)).create(SERVICE_URL);
  }

  function createConversation(client: ConnectorClient, abortSignal?: AbortSignal) {
    return client.conversations.createConversation(
      {
        isGroup: false,
        bot: { id: 'bot', name: 'bot' },
        members: [{ id: 'user', name: 'user' }],
        activity: { type: 'message', text: PRIVATE_TEXT },
        channelData: {},
      } as Parameters<ConnectorClient['conversations']['createConversation']>[0],
      { abortSignal },
    );
  }

  it("should retry 412, 502 and 504 and give the SDK the success, parsed by the SDK's own operation", async () => {
    // Arrange
    answers = [412, 502, 504];
    const client = await connectorClient();

    // Act
    const created = await createConversation(client);

    // Assert
    assert.equal(created.id, 'a:created');
    assert.equal(fakeTransport.callCount, 4);
    assert.equal(fakeTransport.lastCall.args[0].url, `${SERVICE_URL}v3/conversations`);
    assert.equal(logs.lines.length, 3);
  });

  it('should wait what Retry-After asks before retrying a 429, cut to maxRetryAfterMs', async () => {
    // Arrange
    answers = [
      { status: 429, headers: { 'Retry-After': '0.2' } },
      { status: 429, headers: { 'Retry-After': '30' } },
    ];
    const client = await connectorClient({ maxRetryAfterMs: 300 });

    // Act
    await createConversation(client);

    // Assert
    const [first = 0, second = 0, third = 0] = sentAt;
    assert.ok(second - first >= 190, `retried after ${second - first} ms`);
    assert.ok(third - second >= 290 && third - second < 2_000, `retried after ${third - second} ms`);
  });

  it('should not retry a 403, and leave it to the SDK to fail the operation with that status', async () => {
    // Arrange
    answers = [403];
    const client = await connectorClient();

    // Act
    const failed = createConversation(client);

    // Assert
    await assert.rejects(
      failed,
      (error: RestError) => error.statusCode === 403 && error.code !== CONNECTOR_REQUEST_FAILED,
    );
    assert.equal(fakeTransport.callCount, 1);
    assert.equal(logs.lines.length, 0);
  });

  it("should end with the status after maxRetries, and the SDK's own retry policy should send no more", async () => {
    // Arrange
    answers = [503, 503, 503, { status: 429, headers: { 'Retry-After': '30' } }, 503, 503];
    const client = await connectorClient({ maxRetries: 3 });

    // Act
    const started = Date.now();
    const failed = createConversation(client);

    // Assert
    await assert.rejects(failed, { name: 'RestError', code: CONNECTOR_REQUEST_FAILED, statusCode: 429 });
    assert.equal(fakeTransport.callCount, 4);
    assert.ok(Date.now() - started < 2_000);
    assert.match(logs.text, /giving up/);
  });

  it("should fail a 500 at once, which the SDK's own retry policy would send three times more", async () => {
    // Arrange
    answers = [500, 500];
    const client = await connectorClient();

    // Act
    const failed = createConversation(client);

    // Assert
    await assert.rejects(failed, { code: CONNECTOR_REQUEST_FAILED, statusCode: 500 });
    assert.equal(fakeTransport.callCount, 1);
  });

  it('should start no retry that would begin after the budget', async () => {
    // Arrange
    answers = [502, 502, 502, 502, 502];
    let clock = 0;
    onSend = () => {
      clock += 1_000;
    };
    const client = await connectorClient({ budgetMs: 2_500, now: () => clock });

    // Act
    const failed = createConversation(client);

    // Assert
    await assert.rejects(failed, { code: CONNECTOR_REQUEST_FAILED, statusCode: 502 });
    assert.equal(fakeTransport.callCount, 3);
    assert.match(logs.text, /giving up/);
  });

  it('should give each attempt the attempt timeout, and retry one abandoned at it', async () => {
    // Arrange
    answers = [abortError()];
    const client = await connectorClient({ attemptTimeoutMs: 4_000 });

    // Act
    const created = await createConversation(client);

    // Assert
    assert.equal(created.id, 'a:created');
    assert.deepEqual(
      fakeTransport.args.map(([request]) => request.timeout),
      [4_000, 4_000],
    );
  });

  it('should not retry a request its caller aborted', async () => {
    // Arrange
    const caller = new AbortController();
    answers = [abortError()];
    onSend = () => caller.abort();
    const client = await connectorClient();

    // Act
    const failed = createConversation(client, caller.signal);

    // Assert
    await assert.rejects(failed, { name: 'AbortError' });
    assert.equal(fakeTransport.callCount, 1);
  });

  it('should retry connection errors, and fail with a code the SDK does not retry when they persist', async () => {
    // Arrange
    const reset = () => new RestError('socket hang up', { code: 'ECONNRESET' });
    const recovering = await connectorClient({ maxRetries: 4 });
    const giving = await connectorClient({ maxRetries: 1 });

    // Act
    answers = [reset(), reset(), reset(), reset()];
    const created = await createConversation(recovering);
    answers = [reset(), reset(), reset()];
    const failed = createConversation(giving);

    // Assert
    assert.equal(created.id, 'a:created');
    await assert.rejects(failed, { name: 'RestError', code: CONNECTOR_REQUEST_FAILED });
    assert.equal(fakeTransport.callCount, 5 + 2);
  });

  it('should not retry an error it does not know', async () => {
    // Arrange
    const bug = new TypeError('bug');
    answers = [bug];
    const client = await connectorClient();

    // Act
    const failed = createConversation(client);

    // Assert
    await assert.rejects(failed, bug);
    assert.equal(fakeTransport.callCount, 1);
  });

  it('should log method, path and status, and no header or body', async () => {
    // Arrange
    answers = [503, 503];
    const client = await connectorClient({ maxRetries: 1 });

    // Act
    await assert.rejects(createConversation(client));

    // Assert
    const lines = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines.map(({ msg, method, path, failure }) => ({ msg, method, path, failure })),
      [
        {
          msg: 'Bot Connector request failed; retrying',
          method: 'POST',
          path: '/teams/v3/conversations',
          failure: 503,
        },
        {
          msg: 'Bot Connector request failed; giving up',
          method: 'POST',
          path: '/teams/v3/conversations',
          failure: 503,
        },
      ],
    );
    assert.doesNotMatch(logs.text, new RegExp(`${PRIVATE_TEXT}|user-agent|content-type|Nope`, 'i'));
  });
});
