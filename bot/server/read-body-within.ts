import type restify from 'restify';

const PAYLOAD_TOO_LARGE = 413;
const UNSUPPORTED_MEDIA_TYPE = 415;

/**
 * Reads a request's body into `req.body` (a UTF-8 string), for `restify.plugins.jsonBodyParser({
 * bodyReader: true })` to parse. restify's own reader counts bytes but reads a chunked body to its end
 * before answering 413, so a client could make it read a gigabyte; this one answers 413 as soon as
 * the body passes `maxBytes` (at once when `content-length` says so), with `Connection: close`, and
 * stops reading: the connection is closed once the answer is sent. A compressed body (any
 * `content-encoding` but `identity`) gets 415 unread, since its size unpacked is not known in advance.
 */
export function readBodyWithin(maxBytes: number): restify.RequestHandler {
  return (req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      return refuse(req, res, next, UNSUPPORTED_MEDIA_TYPE, 'Compressed bodies are not accepted.');
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(req, res, next, maxBytes);

    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        req.off('data', onData);
        req.off('end', onEnd);
        tooLarge(req, res, next, maxBytes);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      req.body = Buffer.concat(chunks).toString('utf8');
      next();
    };
    req.on('data', onData);
    req.once('end', onEnd);
  };
}

function tooLarge(req: restify.Request, res: restify.Response, next: restify.Next, maxBytes: number): void {
  refuse(req, res, next, PAYLOAD_TOO_LARGE, `The body is larger than ${maxBytes} bytes.`);
}

function refuse(
  req: restify.Request,
  res: restify.Response,
  next: restify.Next,
  status: number,
  message: string,
) {
  req.pause();
  res.once('finish', () => req.socket.destroy());
  res.header('connection', 'close');
  res.send(status, {
    code: status === PAYLOAD_TOO_LARGE ? 'PayloadTooLarge' : 'UnsupportedMediaType',
    message,
  });
  next(false);
}
