// Runs the imitation Defender portal until interrupted.
//   npx tsx tests/portal/cli.ts [--port 8443] [--host 127.0.0.1] [--cert cert.pem --key key.pem] [--markup bare|alt]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseMarkup } from './src/markup';
import { startPortal } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    cert: { type: 'string' },
    key: { type: 'string' },
    markup: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: npx tsx tests/portal/cli.ts [--port 8443] [--host 127.0.0.1] [--cert cert.pem --key key.pem] [--markup default|bare|alt]');
  process.exit(0);
}
if (!!values.cert !== !!values.key) {
  console.error('portal: --cert and --key go together');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`portal: bad --port ${values.port}`);
  process.exit(2);
}

const markup = values.markup === undefined ? undefined : parseMarkup(values.markup);
if (values.markup !== undefined && !markup) {
  console.error(`portal: bad --markup ${values.markup} (default, bare or alt)`);
  process.exit(2);
}

const tls = values.cert && values.key ? { cert: readFileSync(values.cert, 'utf8'), key: readFileSync(values.key, 'utf8') } : undefined;
const server = await startPortal({ port, host: values.host, tls, switches: markup ? { markup } : undefined });
console.log(`Imitation Defender portal at ${server.url}/  (switches: ?lang=de&rerender=1&slow=1&churn=1&sharebutton=standalone&markup=bare)`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
