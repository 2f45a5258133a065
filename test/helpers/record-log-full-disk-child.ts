import { writeSync } from 'node:fs';
import { RecordLog } from '../../store/record-log.js';
import { NEVER_COMPACTED } from './read-record-log.js';

/*
 * The child `test/store/record-log.spec.ts` starts under a file size limit (`ulimit -f`), standing for a
 * full disk: puts records of about 1 KB into the record log of the folder it is given until the disk
 * refuses one (the last write is cut short at the limit), then writes to stdout, as JSON, how many puts
 * returned and the error of the one that failed, and exits.
 */
const [folder = ''] = process.argv.slice(2);
const { log } = RecordLog.open(folder, {
  compaction: NEVER_COMPACTED,
});
let acknowledged = 0;
for (;;) {
  try {
    log.put(`k${acknowledged}`, JSON.stringify({ n: acknowledged, pad: 'x'.repeat(900) }));
    acknowledged += 1;
  } catch (error) {
    writeSync(1, `${JSON.stringify({ acknowledged, error: (error as Error).message })}\n`);
    break;
  }
}
