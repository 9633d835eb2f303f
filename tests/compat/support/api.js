// Drives the server through @rocket.chat/api-client's RestClient, as Rocket.Chat's web client does: one client per
// user, credentials set from the login response, endpoints named '/v1/<route>'.
import assert from 'node:assert/strict';
import apiClient from '@rocket.chat/api-client';
import { assertErrorSchema, assertSchema } from './schemas.js';

const { RestClient } = apiClient;

export function anonymousClient(server) {
  return new RestClient({ baseUrl: server.url });
}

/** Logs in through POST /v1/login and returns a client carrying that session's credentials. */
export async function login(server, user, password) {
  const client = anonymousClient(server);
  const body = assertSchema('login', await client.post('/v1/login', { user, password }));
  client.setCredentials({ 'X-User-Id': body.data.userId, 'X-Auth-Token': body.data.authToken });
  client.me = body.data.me;
  return client;
}

/** Creates a user (as admin) through users.create and logs in as them. */
export async function createUser(server, adminClient, username) {
  const password = `pw-${username}-secret`;
  const body = await adminClient.post('/v1/users.create', {
    username,
    email: `${username}@videoconf.test`,
    password,
    name: `Name of ${username}`,
  });
  assertSchema('IUser', body.user);
  return login(server, username, password);
}

/**
 * Awaits a request that must fail and returns { status, body }. RestClient rejects with the fetch Response for
 * every status that is not 2xx; the error body is checked against rest-typings' error-response validators.
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
  const body = await response.json();
  assertErrorSchema(response.status, body);
  return { status: response.status, body };
}
