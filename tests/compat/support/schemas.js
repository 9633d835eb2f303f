// Validation of every response against Rocket.Chat's published JSON schemas: the component schemas that
// @rocket.chat/core-typings ships (dist/Ajv.js), registered under their '#/components/schemas/<name>' URIs as
// Rocket.Chat registers them, and the error-body validators of @rocket.chat/rest-typings.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import coreTypings from '@rocket.chat/core-typings/dist/Ajv.js';
import {
  validateBadRequestErrorResponse,
  validateForbiddenErrorResponse,
  validateNotFoundErrorResponse,
  validateUnauthorizedErrorResponse,
} from '@rocket.chat/rest-typings';

const ajv = new Ajv({ allErrors: true, discriminator: true });
addFormats(ajv);
for (const [name, schema] of Object.entries(coreTypings.schemas.components.schemas)) {
  ajv.addSchema(schema, `#/components/schemas/${name}`);
}

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const success = { type: 'boolean', enum: [true] };

/** Success envelopes of endpoints whose body core-typings has no schema for; their parts refer to core-typings'. */
const envelopes = {
  'login': {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['success'] },
      data: {
        type: 'object',
        properties: { userId: { type: 'string' }, authToken: { type: 'string' }, me: ref('IUser') },
        required: ['userId', 'authToken', 'me'],
      },
      success,
    },
    required: ['status', 'data', 'success'],
  },
  'video-conference.start': {
    type: 'object',
    properties: { data: { oneOf: [ref('ConferenceInstructions'), ref('DirectCallInstructions')] }, success },
    required: ['data', 'success'],
  },
  'video-conference.join': {
    type: 'object',
    properties: { url: { type: 'string', format: 'uri' }, providerName: { type: 'string' }, success },
    required: ['url', 'providerName', 'success'],
    additionalProperties: false,
  },
  'video-conference.cancel': {
    type: 'object', properties: { success }, required: ['success'], additionalProperties: false,
  },
  'video-conference.list': {
    type: 'object',
    properties: {
      data: { type: 'array', items: { oneOf: [ref('IGroupVideoConference'), ref('IDirectVideoConference')] } },
      offset: { type: 'integer' },
      count: { type: 'integer' },
      total: { type: 'integer' },
      success,
    },
    required: ['data', 'offset', 'count', 'total', 'success'],
  },
  'video-conference.providers': {
    type: 'object',
    properties: {
      data: {
        type: 'array',
        items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' } }, required: ['key', 'label'] },
      },
      success,
    },
    required: ['data', 'success'],
  },
  'video-conference.capabilities': {
    type: 'object',
    properties: { providerName: { type: 'string' }, capabilities: ref('VideoConferenceCapabilities'), success },
    required: ['providerName', 'capabilities', 'success'],
  },
};

const compiled = new Map();

function validatorFor(name) {
  if (!compiled.has(name)) {
    compiled.set(name, envelopes[name] ? ajv.compile(envelopes[name]) : ajv.getSchema(`#/components/schemas/${name}`));
  }
  const validate = compiled.get(name);
  assert.ok(validate, `no schema named ${name}`);
  return validate;
}

/** Fails the test, naming every violation, unless value matches the named core-typings schema or envelope. */
export function assertSchema(name, value) {
  const validate = validatorFor(name);
  const valid = validate(value);
  assert.ok(valid, `${name}: ${ajv.errorsText(validate.errors, { separator: '; ' })}\n${JSON.stringify(value, null, 2)}`);
  return value;
}

/** The core-typings schema of a call record, chosen by its type as the union type in core-typings does. */
export function assertCallSchema(call) {
  return assertSchema(call.type === 'direct' ? 'IDirectVideoConference' : 'IGroupVideoConference', call);
}

const errorValidators = {
  400: validateBadRequestErrorResponse,
  401: validateUnauthorizedErrorResponse,
  403: validateForbiddenErrorResponse,
  404: validateNotFoundErrorResponse,
};

/** Error bodies must satisfy rest-typings' own error-response validators for their status. */
export function assertErrorSchema(status, body) {
  const validate = errorValidators[status];
  assert.ok(validate, `no error-body validator for status ${status}`);
  assert.ok(validate(body), `${status} body: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`);
  return body;
}
