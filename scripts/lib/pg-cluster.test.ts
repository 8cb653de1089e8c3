import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HBA, asPgUser, clusterConfig, startPgCluster } from './pg-cluster.mjs';
import { findPgBinDir } from './system-deps.mjs';

describe('cluster settings', () => {
  it('runs server binaries as the postgres user only when root', () => {
    expect(asPgUser(true, '/bin/initdb', ['-D', 'x'])).toEqual(['runuser', ['-u', 'postgres', '--', '/bin/initdb', '-D', 'x']]);
    expect(asPgUser(false, '/bin/initdb', ['-D', 'x'])).toEqual(['/bin/initdb', ['-D', 'x']]);
  });
  it('listens on loopback only, with a private socket dir and without fsync', () => {
    const conf = clusterConfig({ port: 5555, socketDir: '/tmp/x' });
    expect(conf).toContain('port = 5555');
    expect(conf).toContain("listen_addresses = '127.0.0.1'");
    expect(conf).toContain("unix_socket_directories = '/tmp/x'");
    expect(conf).toContain('fsync = off');
    expect(HBA.trim().split('\n')).toEqual(['local all all trust', 'host all all 127.0.0.1/32 trust']);
  });
  it('keeps synchronous commits only for a crash-safe cluster (acknowledged commits survive kill -9)', () => {
    expect(clusterConfig({ port: 5555, socketDir: '/tmp/x' })).toContain('synchronous_commit = off');
    expect(clusterConfig({ port: 5555, socketDir: '/tmp/x', crashSafe: true })).toContain('synchronous_commit = on');
  });
});

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

// Needs Debian's postgresql; `npm test` installs it as root and reports the skip otherwise.
describe.skipIf(findPgBinDir() === null)('startPgCluster (real PostgreSQL)', () => {
  it('starts a cluster that accepts connections, and stop() removes it completely', async () => {
    const cluster = await startPgCluster();
    try {
      expect(cluster.adminUrl).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
      const client = new pg.Client({ connectionString: cluster.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ fsync: string }>('SHOW fsync');
      expect(rows[0]?.fsync).toBe('off');
      await client.query('CREATE DATABASE scratch');
      await client.end();
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.dir)).toBe(false);
    expect(await portOpen(cluster.port)).toBe(false);
  });
});
