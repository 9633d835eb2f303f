// Starts the already-built VideoConf server as a separate process on a free loopback port with a fresh SQLite
// store in a temporary directory, and waits until it reports ready.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const defaultDll = join(repositoryRoot, 'src/VideoConf.Server/bin/Debug/net10.0/VideoConf.Server.dll');

export const admin = { username: 'compat-admin', password: 'compat-admin-password', email: 'compat-admin@videoconf.test' };

async function freePort() {
  const probe = createServer();
  await new Promise((done, fail) => probe.once('error', fail).listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

async function waitUntilReady(url, exited, deadline) {
  while (Date.now() < deadline) {
    if (exited.code !== undefined) {
      throw new Error(`the server exited with ${exited.code} before it was ready`);
    }
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the server was not ready within 60 seconds');
}

/** Returns { url, stop() }; the log (JSON lines) is in the temporary directory until stop() removes it. */
export async function startServer() {
  const dll = process.env.VIDEOCONF_SERVER_DLL ?? defaultDll;
  await access(dll).catch(() => {
    throw new Error(`${dll} not found: build the server first (dotnet build VideoConf.slnx)`);
  });
  const directory = await mkdtemp(join(tmpdir(), 'videoconf-compat-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = join(directory, 'server.log');
  const log = createWriteStream(logPath);
  const child = spawn('dotnet', [dll], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_URLS: url,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Sqlite: `Data Source=${join(directory, 'videoconf.db')}`,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASS: admin.password,
      ADMIN_EMAIL: admin.email,
      Accounts__PasswordWorkFactor: '4',
      Settings__API_Enable_Rate_Limiter: 'false',
    },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = {};
  const exit = new Promise((done) => child.once('exit', (code, signal) => {
    exited.code = code ?? signal;
    done();
  }));

  try {
    await waitUntilReady(url, exited, Date.now() + 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exit;
    const text = await readFile(logPath, 'utf8').catch(() => '');
    await rm(directory, { recursive: true, force: true });
    throw new Error(`${error.message}\n--- server log ---\n${text.slice(-4000)}`);
  }

  return {
    url,
    async stop() {
      if (exited.code === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
