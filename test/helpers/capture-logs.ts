import { Writable } from 'node:stream';

/** A pino destination that keeps every log line, so tests can search what the bot logged. */
export class CapturedLogs extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  get text(): string {
    return this.lines.join('\n');
  }
}
