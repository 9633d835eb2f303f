// requests/videoconf.http holds one ready request per endpoint. Sent in order to a fresh server, every one of them
// succeeds with a body that matches its route's published schema, and together they cover every operation of the
// OpenAPI document.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { readHttpFile, resolve } from '../support/http-file.js';
import { assertSuccessSchema } from '../support/schemas.js';
import { admin, startServer } from '../support/server.js';

const httpFile = fileURLToPath(new URL('../../../requests/videoconf.http', import.meta.url));
const { variables, requests } = await readHttpFile(httpFile);

const operationOf = (request) => {
  const path = new URL(request.url.replace(/^\{\{host\}\}/, 'http://host')).pathname;
  return `${request.method.toLowerCase()} ${path.replace(/^\/api\/v1\/settings\/[^/]+$/, '/api/v1/settings/{id}')}`;
};

describe('requests/videoconf.http against a real server', () => {
  let server;
  const responses = {};
  let fileVariables;

  before(async () => {
    server = await startServer();
    fileVariables = { ...variables, host: server.url, adminUser: admin.username, adminPassword: admin.password };
  });

  after(() => server?.stop());

  for (const request of requests) {
    test(`${request.title}: ${request.method} ${request.url.replace(/\?.*$/, '')}`, async () => {
      const url = resolve(request.url, fileVariables, responses);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, resolve(v, fileVariables, responses)]));
      const body = request.body === undefined ? undefined : resolve(request.body, fileVariables, responses);
      const response = await fetch(url, { method: request.method, headers, body });
      const json = await response.json();
      assert.equal(response.status, 200, JSON.stringify(json));
      if (request.name) {
        responses[request.name] = json;
      }
      const path = new URL(url).pathname;
      if (path === '/api/openapi.json') {
        assert.match(json.openapi, /^3\.0/);
        return;
      }
      assertSuccessSchema(path.replace(/^\/api\/(v1\/)?/, ''), json, request.method);
    });
  }

  test('the file has a request for every operation of the OpenAPI document', async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    const covered = new Set(requests.map(operationOf));
    assert.deepEqual(documented.filter((operation) => !covered.has(operation)), []);
  });
});
