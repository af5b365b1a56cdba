// HTTP/1.1 over a bare TCP socket, for requests no well-behaved client would send: `fetch` and
// `http.request` refuse a NUL or raw UTF-8 byte in a path, control characters in a header, a lying
// Content-Length. The server must answer those too, and the fuzz tests need to see exactly how.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { ApiErrorBody } from '../../../src/core/schema/contract.js';

export interface RawRequest {
  method: string;
  /** The request target as bytes: a string is sent as UTF-8. */
  target: string | Buffer;
  /** Header lines, sent as given (UTF-8); repeated names are allowed. */
  headers?: [string, string][];
  body?: string | Buffer;
  /** Content-Length is added for a body unless this is false or a header already sets it. */
  contentLength?: boolean;
}

export interface RawResponse {
  status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

function parseResponse(received: Buffer, bodiless: boolean): RawResponse | undefined {
  let data = received;
  // Interim answers (`100 Continue` to `Expect: 100-continue`) precede the real one.
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 13).toString('latin1'))) {
    const interimEnd = data.indexOf('\r\n\r\n');
    if (interimEnd < 0) return undefined;
    data = data.subarray(interimEnd + 4);
  }
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = data.subarray(end + 4);
  // A HEAD answer, a 204 and a 304 announce a length but carry no body.
  if (bodiless || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0), text: '' };
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const chunks: Buffer[] = [];
    let rest = body;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size)) return undefined;
      if (size === 0) break;
      if (rest.length < lineEnd + 2 + size) return undefined;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    body = Buffer.concat(chunks);
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (body.length < length) return undefined;
    body = body.subarray(0, length);
  }
  return { status, headers, body, text: body.toString('utf8') };
}

/**
 * Sends one request on a fresh connection (`Connection: close`) and reads the whole answer.
 * Rejects when no complete response arrives within `timeoutMs`: a server that hangs on a
 * request fails the test as surely as one that crashes.
 */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const headers = request.headers ?? [];
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const lines = [['Host', `127.0.0.1:${port}`], ['Connection', 'close'], ...headers];
  const hasLength = headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (body !== undefined && request.contentLength !== false && !hasLength) lines.push(['Content-Length', String(body.length)]);
  const head = Buffer.concat([
    Buffer.from(`${request.method} `, 'utf8'),
    Buffer.isBuffer(request.target) ? request.target : Buffer.from(request.target, 'utf8'),
    Buffer.from(` HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`, 'utf8'),
  ]);
  const bodiless = request.method === 'HEAD';
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const response = parseResponse(Buffer.concat(received), bodiless);
      if (response) resolve(response);
      else reject(error ?? new Error(`no complete response to ${request.method} ${String(request.target).slice(0, 120)}`));
    };
    const timer = setTimeout(() => finish(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      // Some answers (a 413) come before the body is read; stop as soon as one is complete.
      if (parseResponse(Buffer.concat(received), bodiless)) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // The server may answer and close while the body is still being written (EPIPE, ECONNRESET):
    // what it answered is what counts.
    socket.on('error', (error) => finish(error));
    socket.write(body ? Buffer.concat([head, body]) : head);
  });
}

/** A short description of a request, for assertion messages and fast-check's counterexamples. */
export function describeRequest(request: RawRequest): string {
  const target = Buffer.isBuffer(request.target) ? request.target.toString('latin1') : request.target;
  const body = request.body === undefined ? '' : ` body=${JSON.stringify(String(request.body).slice(0, 200))}`;
  return `${request.method} ${JSON.stringify(target.slice(0, 200))} headers=${JSON.stringify(request.headers ?? [])}${body}`;
}

/**
 * The error contract: never a 5xx; every 4xx is JSON `{ error, message, details? }` with a
 * machine code and a message a person can read. HEAD answers carry no body to check.
 */
export function assertNoServerError(response: RawResponse, request: RawRequest): void {
  const what = describeRequest(request);
  assert.ok(response.status < 500, `${response.status} for ${what}: ${response.text.slice(0, 300)}`);
  if (response.status < 400 || request.method === 'HEAD') return;
  assert.match(response.headers['content-type'] ?? '', /^application\/json/, `content type of ${response.status} for ${what}`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    assert.fail(`${response.status} for ${what} is not JSON: ${response.text.slice(0, 300)}`);
  }
  const parsed = ApiErrorBody.safeParse(body);
  assert.ok(parsed.success, `${response.status} for ${what} breaks the error contract: ${response.text.slice(0, 300)}`);
  assert.notEqual(parsed.data.message.trim(), '', `empty message for ${what}`);
}
