import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DATA_FOLDER_HOLDER } from '../../store/data-folder-lock.js';
import { RECORD_LOG_FILE } from '../../store/record-log.js';
import { BotProcess } from '../helpers/bot-process.js';
import { cardText } from '../helpers/card-queries.js';
import { useBot } from '../helpers/use-bot.js';

describe('the data folder, held by one bot process at a time', () => {
  let dataDir: string;
  let bots: BotProcess[];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-folder-'));
    bots = [];
  });

  afterEach(async () => {
    for (const bot of bots) await bot.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should make a second process on the folder exit 1 naming the folder and the holder, and let a new one start after the holder is killed', async function () {
    this.timeout(60_000);
    // Arrange
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const first = await BotProcess.start(env);
    bots.push(first);

    // Act
    const second = await BotProcess.start(env).then(
      () => assert.fail('a second process on the same data folder should not start'),
      (error: Error) => error.message,
    );
    await first.kill();
    const third = await BotProcess.start(env, 40_000);
    bots.push(third);

    // Assert
    assert.match(second, /exited with 1 before listening/);
    assert.ok(second.includes(`The data folder ${dataDir} is in use`), second);
    assert.match(second, new RegExp(`process ${first.pid}\\b`));
    assert.doesNotMatch(second, /\n\s+at /, 'a held folder needs no stack trace');
    const holder = JSON.parse(await readFile(path.join(dataDir, DATA_FOLDER_HOLDER), 'utf8'));
    assert.equal(holder.pid, third.pid);
  });
});

describe('the dialog state, when its log is damaged', () => {
  const rig = useBot();

  const stateLog = () => path.join(rig.bot.dataDir, 'dialog-state', RECORD_LOG_FILE);
  /** Changes every record of the dialog state's log on disk, so that no checksum matches. */
  const damageEveryRecord = async (marker: string) => {
    const text = await readFile(stateLog(), 'utf8');
    await writeFile(stateLog(), text.replaceAll('"eTag":"', `"eTag":"${marker}`));
    return text.split('\n').length - 1;
  };

  it('should keep the damaged records aside, tell the user their card was reset and let add customer work after a restart', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    const damaged = await damageEveryRecord('half a secret');
    await rig.restart();

    // Act
    const card = await walk.start();

    // Assert
    assert.match(cardText(card), /Account info/);
    const kept = (await readdir(path.dirname(stateLog()))).filter((name) =>
      name.startsWith(`${RECORD_LOG_FILE}.corrupt-`),
    );
    assert.equal(kept.length, 1, 'the damaged lines are kept aside once');
    assert.match(await readFile(path.join(path.dirname(stateLog()), kept[0] ?? ''), 'utf8'), /half a secret/);
    assert.ok(damaged >= 2, 'both the conversation state and the user directory record are damaged');
    const reports = rig.bot.logs.text.match(/"file":"records.log".*unreadable state file moved aside/g) ?? [];
    assert.equal(reports.length, damaged);
    assert.doesNotMatch(rig.bot.logs.text, /half a secret/);
    const texts = rig.connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text);
    assert.ok(texts.some((text) => /Your open card could not be read and was reset/.test(String(text))));
  });

  it('should tell a zh-CN user in Chinese', async () => {
    // Arrange
    const walk = rig.walk('李雷', undefined, { locale: 'zh-CN' });
    await walk.start('添加客户');
    await damageEveryRecord('[');
    await rig.restart();

    // Act
    await walk.start('添加客户');

    // Assert
    const texts = rig.connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text);
    assert.ok(texts.some((text) => String(text).startsWith('无法读取您打开的卡片')));
  });
});
