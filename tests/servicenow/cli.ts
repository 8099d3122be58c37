/// <reference types="node" />
// Starts the ServiceNow stand-in from the command line (demo, manual testing):
//   npx tsx tests/servicenow/cli.ts --port 8444 [--host 127.0.0.1] [--cert cert.pem --key key.pem] [--allow-service-account-login]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PRIVATE_CLIENT, PUBLIC_CLIENT, SEED_PASSWORD, SEED_USERS, INSTANCE_HOST } from './seed.ts';
import { startServiceNow } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8444' },
    host: { type: 'string', default: '127.0.0.1' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'allow-service-account-login': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npx tsx tests/servicenow/cli.ts --port 8444 [--host 127.0.0.1] [--cert cert.pem --key key.pem] [--allow-service-account-login]');
  process.exit(0);
}
if ((values.cert === undefined) !== (values.key === undefined)) {
  console.error('--cert and --key go together');
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}`);
  process.exit(2);
}

const tls = values.cert && values.key ? { cert: readFileSync(values.cert, 'utf8'), key: readFileSync(values.key, 'utf8') } : undefined;
const standIn = await startServiceNow({
  port,
  host: values.host,
  tls,
  settings: values['allow-service-account-login'] ? { blockUiLoginForServiceAccounts: false } : undefined,
});

console.log(`ServiceNow stand-in listening on ${standIn.url}`);
console.log(`  instance: ${INSTANCE_HOST} (map it to this port, e.g. --host-resolver-rules="MAP ${INSTANCE_HOST}:443 127.0.0.1:${standIn.port}")`);
console.log(`  users (password ${SEED_PASSWORD}): ${SEED_USERS.map((u) => u.user_name).join(', ')}`);
console.log(`  OAuth clients: ${PRIVATE_CLIENT.client_id} (secret ${PRIVATE_CLIENT.client_secret}), ${PUBLIC_CLIENT.client_id} (public, PKCE)`);
console.log(`  admin: ${standIn.url}/__admin/…`);

const stop = () => {
  void standIn.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
