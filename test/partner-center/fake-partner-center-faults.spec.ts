import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { callFake, newCustomerBody, postTokenForm, tokenOf } from './call-fake-partner-center.js';

describe('FakePartnerCenter faults', () => {
  let fake: FakePartnerCenter;
  let token: string;

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
    token = await tokenOf(fake);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('should answer 429 with Retry-After as many times as told, then answer normally', async () => {
    // Arrange
    fake.fail('offers', { status: 429, retryAfterSeconds: 7 }, 2);

    // Act
    const answers = [];
    for (let call = 0; call < 3; call++) {
      answers.push(await callFake(fake, 'GET', '/v1/offers?country=CN', { token }));
    }

    // Assert
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.headers.get('retry-after')]),
      [
        [429, '7'],
        [429, '7'],
        [200, null],
      ],
    );
    assert.deepEqual(answers[0]?.body, {
      code: 429,
      description: 'Too Many Requests',
      data: [],
      source: 'PartnerFD',
    });
  });

  it('should answer a fault with the body given, break only its route, and do none of the work', async () => {
    // Arrange
    fake.fail('createCustomer', { status: 500, body: { code: 5000, description: 'boom' } });

    // Act
    const domain = await callFake(fake, 'HEAD', '/v1/domains/contoso.partner.onmschina.cn', { token });
    const body = newCustomerBody('contoso.partner.onmschina.cn');
    const failed = await callFake(fake, 'POST', '/v1/customers', { token, body });
    const retried = await callFake(fake, 'POST', '/v1/customers', { token, body });

    // Assert
    assert.equal(domain.status, 404);
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.body, { code: 5000, description: 'boom' });
    assert.equal(retried.status, 201);
    assert.equal(fake.customers.length, 1);
  });

  it('should fail the token route in Entra’s shape, and a /v1 route with 401 on demand', async () => {
    // Arrange
    fake.fail('token', { status: 503, retryAfterSeconds: 1 });
    fake.fail('listCustomers', { status: 401 });

    // Act
    const tokenAnswer = await postTokenForm(fake);
    const listAnswer = await callFake(fake, 'GET', '/v1/customers?size=10', { token });

    // Assert
    assert.equal(tokenAnswer.status, 503);
    assert.equal(tokenAnswer.body.error, 'temporarily_unavailable');
    assert.equal(tokenAnswer.headers.get('retry-after'), '1');
    assert.equal(listAnswer.status, 401);
    assert.equal(listAnswer.body.description, 'Unauthorized');
  });

  it('should never answer a hanging request, so the caller times out, and end it when stopped', async () => {
    // Arrange
    fake.fail('listOrders', { hang: true }, 2);
    const path = `/v1/customers/${randomUUID()}/orders`;

    // Act
    const timedOut = await callFake(fake, 'GET', path, { token, signal: AbortSignal.timeout(200) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const pending = callFake(fake, 'GET', path, { token }).then(
      () => undefined,
      (error: unknown) => error,
    );
    while (fake.requestsTo('listOrders').length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await fake.stop();
    const ended = await pending;

    // Assert
    assert.equal((timedOut as Error).name, 'TimeoutError');
    assert.ok(ended instanceof TypeError, `fetch should fail once the fake stops, not ${String(ended)}`);
  });

  it('should create the customer but lose the answer, and give the same customer to a retry with the same MS-RequestId', async () => {
    // Arrange
    fake.fail('createCustomer', { lostAnswer: true });
    const headers = { 'MS-RequestId': randomUUID() };
    const body = newCustomerBody('contoso.partner.onmschina.cn');

    // Act
    const lost = await callFake(fake, 'POST', '/v1/customers', { token, body, headers }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const retried = await callFake(fake, 'POST', '/v1/customers', { token, body, headers });

    // Assert
    assert.ok(lost instanceof TypeError, `fetch should fail, not ${String(lost)}`);
    assert.equal((lost.cause as { code?: string }).code, 'UND_ERR_SOCKET');
    assert.equal(retried.status, 201);
    assert.equal(fake.customers.length, 1);
    assert.equal(retried.body.id, fake.customers[0]?.id);
  });

  it('should wait latencyMs before every /v1 answer', async () => {
    // Arrange
    fake.latencyMs = 150;
    const started = performance.now();

    // Act
    const answer = await callFake(fake, 'GET', '/v1/offers?country=CN', { token });

    // Assert
    assert.equal(answer.status, 200);
    assert.ok(performance.now() - started >= 145, 'the answer came sooner than latencyMs');
  });
});
