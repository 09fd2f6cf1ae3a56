// An in-process OTLP/HTTP receiver for the system checks (scripts/e2e): accepts the services' span exports
// (POST /v1/traces, protobuf: quarkus.otel.exporter.otlp.protocol=http/protobuf) and appends each span as one
// JSON line to a file, for scripts/system/trace-check.mjs. Plain Node.js, no dependencies: the few protobuf
// fields it needs are decoded by hand (opentelemetry/proto/collector/trace/v1, trace/v1/trace.proto).
//   node otlp-receiver.mjs PORT_FILE SPANS_FILE    listens on a free loopback port, writes it to PORT_FILE
import { createServer } from 'node:http';
import { appendFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The fields of one protobuf message: [{field, wire, value}] (value: number/bigint or a Buffer for LEN). */
export function fields(buffer) {
  const out = [];
  let at = 0;
  const varint = () => {
    let result = 0n, shift = 0n;
    for (;;) {
      const byte = buffer[at++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (at < buffer.length) {
    const key = Number(varint());
    const field = key >>> 3, wire = key & 7;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) { out.push({ field, wire, value: buffer.readBigUInt64LE(at) }); at += 8; }
    else if (wire === 5) { out.push({ field, wire, value: buffer.readUInt32LE(at) }); at += 4; }
    else if (wire === 2) {
      const length = Number(varint());
      out.push({ field, wire, value: buffer.subarray(at, at + length) });
      at += length;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

const all = (buffer, field) => fields(buffer).filter((f) => f.field === field).map((f) => f.value);
const one = (buffer, field) => all(buffer, field)[0];

function attributes(buffer, field) {
  const result = {};
  for (const kv of all(buffer, field)) {
    const key = one(kv, 1)?.toString('utf8');
    const value = one(kv, 2);
    const text = value && one(value, 1); // AnyValue.string_value
    if (key) result[key] = text ? text.toString('utf8') : undefined;
  }
  return result;
}

const KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

/** The spans of an ExportTraceServiceRequest, each with its service.name. */
export function decodeSpans(body) {
  const spans = [];
  for (const resourceSpans of all(body, 1)) {
    const resource = one(resourceSpans, 1);
    const service = resource ? attributes(resource, 1)['service.name'] : undefined;
    for (const scopeSpans of all(resourceSpans, 2)) {
      for (const span of all(scopeSpans, 2)) {
        const parent = one(span, 4);
        spans.push({
          service,
          traceId: one(span, 1).toString('hex'),
          spanId: one(span, 2).toString('hex'),
          parentSpanId: parent && parent.length ? parent.toString('hex') : null,
          name: one(span, 5)?.toString('utf8') ?? '',
          kind: KINDS[Number(one(span, 6) ?? 0n)],
          attributes: attributes(span, 9),
        });
      }
    }
  }
  return spans;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [portFile, spansFile] = process.argv.slice(2);
  writeFileSync(spansFile, '');
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        let body = Buffer.concat(chunks);
        if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        if (request.method === 'POST' && request.url === '/v1/traces') {
          const lines = decodeSpans(body).map((span) => JSON.stringify(span) + '\n').join('');
          if (lines) appendFileSync(spansFile, lines);
        }
        response.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
      } catch (e) {
        console.error(`otlp-receiver: ${e.stack}`);
        response.writeHead(400).end();
      }
    });
  });
  server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
}
