import assert from 'node:assert/strict';
import { COMMANDS, type Command, matchCommand } from '../../../bot/commands/match-command.js';

describe('matchCommand', () => {
  const spellings: [string, Command][] = [
    ['add customer', COMMANDS.addCustomer],
    ['ADD  Customer', COMMANDS.addCustomer],
    [' addcustomer ', COMMANDS.addCustomer],
    ['ａｄｄ\u3000ｃｕｓｔｏｍｅｒ', COMMANDS.addCustomer],
    ['ａｄｄ ｃｕｓｔｏｍｅｒ', COMMANDS.addCustomer],
    ['add customer!', COMMANDS.addCustomer],
    ['添加客户', COMMANDS.addCustomer],
    ['添加 客户', COMMANDS.addCustomer],
    ['添加客户。', COMMANDS.addCustomer],
    ['help', COMMANDS.help],
    ['Help?', COMMANDS.help],
    ['帮助', COMMANDS.help],
    ['cancel', COMMANDS.cancel],
    ['取消', COMMANDS.cancel],
    ['customers', COMMANDS.customers],
    ['客户列表', COMMANDS.customers],
    ['add subscription', COMMANDS.addSubscription],
    ['添加订阅', COMMANDS.addSubscription],
  ];
  for (const [text, command] of spellings) {
    it(`should match ${JSON.stringify(text)} to ${command}`, () => {
      assert.equal(matchCommand(text), command);
    });
  }

  const unknown = [
    'add customer please',
    'please add customer',
    'add',
    'customer',
    'hello',
    '添加',
    '?',
    ' ',
  ];
  for (const text of unknown) {
    it(`should match nothing for ${JSON.stringify(text)}`, () => {
      assert.equal(matchCommand(text), undefined);
    });
  }

  const objectMembers = [
    'constructor',
    '__proto__',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'Constructor',
    '__PROTO__',
    'constructor!',
  ];
  for (const text of objectMembers) {
    it(`should match nothing for the object member name ${JSON.stringify(text)}`, () => {
      assert.equal(matchCommand(text), undefined);
    });
  }

  it('should match nothing for an empty or missing text', () => {
    assert.equal(matchCommand(''), undefined);
    assert.equal(matchCommand(undefined), undefined);
  });
});
