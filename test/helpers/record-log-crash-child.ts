import { writeSync } from 'node:fs';
import { RecordLog } from '../../store/record-log.js';
import { CRASH_TEST_COMPACTION, recordLogOperation } from './record-log-operation.js';

/*
 * The child `test/store/record-log.spec.ts` kills with SIGKILL: opens the record log of the folder it is
 * given, as the bot would after a crash, and runs the operations numbered from `first` on, writing each
 * one's number to stdout synchronously once it returned (acknowledged), until it is killed.
 */
const [folder = '', first = '0'] = process.argv.slice(2);
const { log } = RecordLog.open(folder, { compaction: CRASH_TEST_COMPACTION });
for (let n = Number(first); ; n++) {
  const { key, value } = recordLogOperation(n);
  if (value === undefined) log.delete(key);
  else log.put(key, value);
  writeSync(1, `${n}\n`);
}
