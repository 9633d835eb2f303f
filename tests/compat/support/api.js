// Drives the server through @rocket.chat/api-client's RestClient, as Rocket.Chat's web client does: one client per
// user, credentials set from the login response, endpoints named '/v1/<route>'. A RestClient middleware checks
// every response: success bodies against the published schema of their route, error bodies against rest-typings'
// error-response validators.
import assert from 'node:assert/strict';
import apiClient from '@rocket.chat/api-client';
import { assertErrorSchema, assertSuccessSchema } from './schemas.js';

const { RestClient } = apiClient;

const routeOf = (endpoint) => endpoint.replace(/^\/?(v1\/)?/, '').replace(/\?.*$/, '');

export function anonymousClient(server) {
  const client = new RestClient({ baseUrl: server.url });
  client.use(async (context, next) => {
    const [endpoint, method] = context;
    let response;
    try {
      response = await next(...context);
    } catch (error) {
      if (error instanceof Response) {
        assertErrorSchema(error.status, await error.clone().json());
      }
      throw error;
    }
    assertSuccessSchema(routeOf(endpoint), await response.clone().json(), method);
    return response;
  });
  return client;
}

/** Logs in through POST /v1/login and returns a client carrying that session's credentials. */
export async function login(server, user, password) {
  const client = anonymousClient(server);
  const body = await client.post('/v1/login', { user, password });
  client.setCredentials({ 'X-User-Id': body.data.userId, 'X-Auth-Token': body.data.authToken });
  client.me = body.data.me;
  client.token = body.data.authToken;
  return client;
}

/** Creates a user (as admin) through users.create and logs in as them. */
export async function createUser(server, adminClient, username) {
  const password = `pw-${username}-secret`;
  await adminClient.post('/v1/users.create', {
    username,
    email: `${username}@videoconf.test`,
    password,
    name: `Name of ${username}`,
  });
  return login(server, username, password);
}

/**
 * Awaits a request that must fail and returns { status, body }. RestClient rejects with the fetch Response for
 * every status that is not 2xx (its body already checked by the middleware).
 */
export async function failure(request) {
  let response;
  try {
    const body = await request;
    assert.fail(`expected a failure, got ${JSON.stringify(body)}`);
  } catch (error) {
    if (!(error instanceof Response)) {
      throw error;
    }
    response = error;
  }
  return { status: response.status, body: await response.json() };
}
