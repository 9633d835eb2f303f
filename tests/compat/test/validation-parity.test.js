// Validation parity (contract §1.2: the validators win). Each input of the table is given to rest-typings' own
// validator for the endpoint and sent, as is, to the server: the server must accept exactly what the validator
// accepts, and refuse the rest with the validator's first error message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as restTypings from '@rocket.chat/rest-typings';
import { login } from '../support/api.js';
import { parityCases } from '../support/parity-cases.js';
import { assertErrorSchema, assertSuccessSchema } from '../support/schemas.js';
import { admin, startServer } from '../support/server.js';

/**
 * What Rocket.Chat's router hands the validator for a query string (it parses with qs): a name given once is a
 * string, a name given more than once an array of its values.
 */
function parseQuery(text) {
  const values = {};
  for (const [name, value] of new URLSearchParams(text)) {
    values[name] = name in values ? [values[name], value].flat() : value;
  }
  return values;
}

function validatorVerdict(validatorName, input) {
  const validate = restTypings[validatorName];
  assert.equal(typeof validate, 'function', `rest-typings exports no ${validatorName}`);
  const value = structuredClone(input);
  return validate(value) ? { accepted: true } : { accepted: false, message: validate.errors[0].message };
}

describe('validation parity with rest-typings validators', () => {
  let server;
  let headers;
  const fixtures = {};

  before(async () => {
    server = await startServer();
    const client = await login(server, admin.username, admin.password);
    headers = client.getCredentials();
    fixtures.room = (await client.post('/v1/channels.create', { name: 'compat-parity' })).channel._id;
    fixtures.call = (await client.post('/v1/video-conference.start', { roomId: fixtures.room })).data.callId;
  });

  after(() => server?.stop());

  // The table needs the fixtures' ids, so it is built with placeholders first only to name the tests.
  const placeholders = { room: '<room>', call: '<call>' };
  const named = parityCases(placeholders);

  for (const [index, endpoint] of named.entries()) {
    describe(endpoint.route, () => {
      for (const [caseIndex, label] of endpoint.inputs.entries()) {
        test(label === '' ? '(empty)' : label, async () => {
          const input = parityCases(fixtures)[index].inputs[caseIndex];
          const send = (init) => fetch(`${server.url}/api/v1/${endpoint.route}${init.query ?? ''}`, {
            method: endpoint.method,
            headers: { ...headers, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            body: init.body,
          });
          const response = endpoint.method === 'GET'
            ? await send({ query: input === '' ? '' : `?${input}` })
            : await send({ body: input });
          const verdict = validatorVerdict(endpoint.validator, endpoint.method === 'GET' ? parseQuery(input) : JSON.parse(input));
          const body = await response.json();

          if (verdict.accepted) {
            assert.ok(response.status < 500, `server fault ${response.status}: ${JSON.stringify(body)}`);
            assert.notEqual(body.errorType, 'invalid-params',
              `the validator accepts this input, the server refused it: ${JSON.stringify(body)}`);
            if (response.status === 200) {
              assertSuccessSchema(endpoint.route, body, endpoint.method);
            } else {
              assertErrorSchema(response.status, body);
            }
          } else {
            assert.equal(response.status, 400, `the validator refuses this input (${verdict.message}), the server answered ${response.status}`);
            assertErrorSchema(400, body);
            assert.deepEqual(body, {
              success: false,
              error: `${verdict.message} [invalid-params]`,
              errorType: 'invalid-params',
            });
          }
        });
      }
    });
  }
});
