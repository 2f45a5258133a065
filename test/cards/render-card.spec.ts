import assert from 'node:assert/strict';
import { CARD_SCHEMA_VERSION, cardDateTime, escapeUserText, renderCard } from '../../cards/render-card.js';

describe('escapeUserText', () => {
  it('should remove the controls that make Teams show text in another order than it was typed', () => {
    const escaped = escapeUserText('Contoso\u202eLtd\u2066x\u2069\u200f');

    assert.equal(escaped, 'ContosoLtdx');
  });

  it('should break Teams date and time macros so that they show as typed', () => {
    const escaped = escapeUserText('{{DATE(2030-01-01T00:00:00Z, SHORT)}} {{TIME(2030-01-01T00:00:00Z)}}');

    assert.doesNotMatch(escaped, /\{\{/);
    assert.equal(
      escaped.replace(/\u200b/g, ''),
      '{{DATE(2030-01-01T00:00:00Z, SHORT)}} {{TIME(2030-01-01T00:00:00Z)}}',
    );
  });

  it('should put a backslash before every character Markdown interprets', () => {
    const escaped = escapeUserText('a*b_c[d](e)<f>#g~h`i\\j');

    assert.equal(escaped, 'a\\*b\\_c\\[d\\](e)\\<f\\>\\#g\\~h\\`i\\\\j');
  });

  it('should turn line breaks into spaces so a value cannot start a new Markdown block', () => {
    const escaped = escapeUserText('first\nsecond\r\n# third');

    assert.equal(escaped, 'first second \\# third');
  });

  it('should escape each character Markdown interprets even when it is the only one in the text', () => {
    const escaped = [...'\\`*_[]<>#~'].map((character) => escapeUserText(`a${character}b`));

    assert.deepEqual(
      escaped,
      [...'\\`*_[]<>#~'].map((character) => `a\\${character}b`),
    );
  });

  it('should change a text whose only special part is a macro, a line break, a control or a list marker', () => {
    const texts = ['a{{b', 'a\nb', 'a\u202eb', '- a', ' 12. a', '+\ta'];

    const escaped = texts.map(escapeUserText);

    assert.deepEqual(escaped, ['a{\u200b{b', 'a b', 'ab', '\\- a', ' \\12. a', '\\+\ta']);
  });

  it('should leave plain text, Chinese and template syntax unchanged', () => {
    const text = '北京星河科技有限公司 ${$root.flowId} a.b-c@d';

    assert.equal(escapeUserText(text), text);
  });
});

describe('cardDateTime', () => {
  it('should strip the milliseconds and use the Adaptive Cards DATE and TIME functions', () => {
    const text = cardDateTime('2025-03-14T09:26:53.589Z');

    assert.equal(text, '{{DATE(2025-03-14T09:26:53Z, SHORT)}} {{TIME(2025-03-14T09:26:53Z)}}');
  });

  it('should keep a time that has no milliseconds as it is', () => {
    const text = cardDateTime('2025-03-14T09:26:53Z');

    assert.equal(text, '{{DATE(2025-03-14T09:26:53Z, SHORT)}} {{TIME(2025-03-14T09:26:53Z)}}');
  });
});

describe('renderCard', () => {
  it('should expand the template with data and wrap it as an Adaptive Card attachment', () => {
    const template = {
      type: 'AdaptiveCard',
      version: CARD_SCHEMA_VERSION,
      body: [{ type: 'TextBlock', text: '${title}' }],
    };

    const attachment = renderCard(template, { title: 'Hello' });

    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(attachment.content, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Hello' }],
    });
  });

  it('should drop properties whose value is null', () => {
    const template = {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: 'a', placeholder: '${hint}' }],
    };

    const attachment = renderCard(template, { hint: null });

    assert.deepEqual(attachment.content, { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'a' }] });
  });

  it('should not evaluate template syntax that arrives inside data', () => {
    const template = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${title}' }], secret: 's3' };

    const attachment = renderCard(template, { title: '${$root.secret}' });

    assert.equal((attachment.content as { body: { text: string }[] }).body[0]?.text, '${$root.secret}');
  });
});
