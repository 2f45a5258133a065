import assert from 'node:assert/strict';
import { createLogger } from '../../../bot/logging/create-logger.js';
import { describeError } from '../../../bot/logging/describe-error.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';

const SECRET = 'Sup3r$ecret!Value';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJib3QifQ.c2lnbmF0dXJlLXBhcnQ';

describe('createLogger', () => {
  it('should censor passwords, app secrets, tokens and Authorization headers wherever a caller puts them', () => {
    // Arrange
    const logs = new CapturedLogs();
    const logger = createLogger('info', logs);

    // Act
    logger.info(
      {
        password: SECRET,
        temporaryPassword: SECRET,
        credentials: { adminAccount: 'a', temporaryPassword: SECRET },
      },
      'one',
    );
    logger.info(
      { customer: { password: SECRET }, MicrosoftAppPassword: SECRET, config: { appPassword: SECRET } },
      'two',
    );
    logger.info(
      {
        headers: { authorization: `Bearer ${TOKEN}` },
        req: { headers: { authorization: `Bearer ${TOKEN}` } },
      },
      'three',
    );
    logger.info(
      { request: { headers: { Authorization: `Bearer ${TOKEN}` } }, token: TOKEN, auth: { token: TOKEN } },
      'four',
    );
    logger.info({ clientSecret: SECRET, secret: SECRET, app: { clientSecret: SECRET } }, 'five');

    // Assert
    assert.equal(logs.lines.length, 5);
    assert.doesNotMatch(logs.text, new RegExp(SECRET.replace(/\$/g, '\\$')));
    assert.ok(!logs.text.includes(TOKEN));
    assert.match(logs.text, /\[redacted\]/);
  });
});

describe('describeError', () => {
  it('should keep name, code, status and message, with any bearer token in the message blanked out', () => {
    // Arrange
    const error = Object.assign(new Error(`could not parse Bearer ${TOKEN} or ${TOKEN}`), {
      code: 'E_AUTH',
      statusCode: 401,
    });

    // Act
    const described = describeError(error);

    // Assert
    assert.deepEqual(described, {
      name: 'Error',
      message: 'could not parse [token] or [token]',
      code: 'E_AUTH',
      statusCode: 401,
    });
  });

  it('should describe a thrown non-error as its text, tokens blanked out too', () => {
    assert.deepEqual(describeError(`token ${TOKEN}`), { message: 'token [token]' });
  });
});
