// Runs s3rver in the foreground; started by start-s3rver.sh.
//   usage: node --openssl-legacy-provider s3rver-launch.js PACKAGE_DIR PORT DATA_DIR
//   env:   S3_ACCESS_KEY, S3_SECRET_KEY (the key pair to accept besides S3RVER/S3RVER)
'use strict';

const [packageDir, port, dataDir] = process.argv.slice(2);
if (!packageDir || !port || !dataDir) {
  console.error('usage: s3rver-launch.js PACKAGE_DIR PORT DATA_DIR');
  process.exit(2);
}

const S3rver = require(packageDir);

// s3rver has a single built-in account with the key pair S3RVER/S3RVER. Give that account
// our key pair too, so that every test server accepts the same credentials.
const { DUMMY_ACCOUNT } = require(`${packageDir}/lib/models/account`);
DUMMY_ACCOUNT.createKeyPair(
  process.env.S3_ACCESS_KEY || 'AKIDEXAMPLE',
  process.env.S3_SECRET_KEY || 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory: dataDir,
  silent: false,
  // virtual-hosted style requests: Host: <bucket>.s3.localhost:PORT
  serviceEndpoint: 'localhost',
});

server.run().then(
  (address) => console.log('s3rver listening on', address),
  (error) => {
    console.error(error);
    process.exit(1);
  });

// Stopped by PID with SIGTERM (stop-*.sh). A Ctrl-C in the terminal that runs the tests is
// ignored, like the other servers do: the test script stops every server itself, and the
// tests still running at that moment should not see this one vanish first.
process.on('SIGTERM', () => server.close().finally(() => process.exit(0)));
process.on('SIGINT', () => {});
