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

const wrapped = (key, schema) => ({
  type: 'object',
  properties: { [key]: ref(schema), success },
  required: [key, 'success'],
});

/** A page of a list: the items under key, each of the named schema, with count, offset and total. */
const paged = (key, schema) => ({
  type: 'object',
  properties: {
    [key]: { type: 'array', items: ref(schema) },
    count: { type: 'integer' },
    offset: { type: 'integer' },
    total: { type: 'integer' },
    success,
  },
  required: [key, 'count', 'offset', 'total', 'success'],
});

const emptySuccess = { type: 'object', properties: { success }, required: ['success'], additionalProperties: false };
const setting = { type: 'object', properties: { _id: { type: 'string' }, value: {} }, required: ['_id', 'value'] };

/** Which schema each success body is checked against, by route ('GET route' where the method matters). */
const successSchemas = {
  'info': { type: 'object', properties: { version: { type: 'string' }, success }, required: ['version', 'success'] },
  'login': 'login',
  'logout': {
    type: 'object',
    properties: { status: { enum: ['success'] }, data: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }, success },
    required: ['status', 'data', 'success'],
  },
  'me': 'IUser',
  'users.create': wrapped('user', 'IUser'),
  'users.register': wrapped('user', 'IUser'),
  'users.info': wrapped('user', 'IUser'),
  'users.generatePersonalAccessToken': { type: 'object', properties: { token: { type: 'string' }, success }, required: ['token', 'success'] },
  'channels.create': wrapped('channel', 'IRoom'),
  'channels.invite': wrapped('channel', 'IRoom'),
  'channels.join': wrapped('channel', 'IRoom'),
  'channels.kick': wrapped('channel', 'IRoom'),
  'groups.create': wrapped('group', 'IRoom'),
  'groups.invite': wrapped('group', 'IRoom'),
  'groups.kick': emptySuccess,
  'im.create': wrapped('room', 'IRoom'),
  'channels.info': wrapped('channel', 'IRoom'),
  'groups.info': wrapped('group', 'IRoom'),
  'channels.list': paged('channels', 'IRoom'),
  'channels.list.joined': paged('channels', 'IRoom'),
  'groups.list': paged('groups', 'IRoom'),
  'groups.listAll': paged('groups', 'IRoom'),
  'im.list': paged('ims', 'IRoom'),
  'rooms.info': wrapped('room', 'IRoom'),
  'subscriptions.getOne': {
    type: 'object',
    properties: { subscription: { oneOf: [ref('ISubscription'), { type: 'null' }] }, success },
    required: ['subscription', 'success'],
  },
  'chat.getMessage': wrapped('message', 'IMessage'),
  'settings.public': {
    type: 'object',
    properties: {
      settings: { type: 'array', items: setting },
      count: { type: 'integer' },
      offset: { type: 'integer' },
      total: { type: 'integer' },
      success,
    },
    required: ['settings', 'count', 'offset', 'total', 'success'],
  },
  'GET settings/{id}': { ...setting, properties: { ...setting.properties, success }, required: [...setting.required, 'success'] },
  'POST settings/{id}': emptySuccess,
  'video-conference.start': 'video-conference.start',
  'video-conference.join': 'video-conference.join',
  'video-conference.cancel': 'video-conference.cancel',
  'video-conference.list': 'video-conference.list',
  'video-conference.providers': 'video-conference.providers',
  'video-conference.capabilities': 'video-conference.capabilities',
};

const compiled = new Map();

function validatorFor(schema) {
  if (!compiled.has(schema)) {
    compiled.set(schema, typeof schema === 'object' ? ajv.compile(schema)
      : envelopes[schema] ? ajv.compile(envelopes[schema]) : ajv.getSchema(`#/components/schemas/${schema}`));
  }
  const validate = compiled.get(schema);
  assert.ok(validate, `no schema named ${schema}`);
  return validate;
}

/** Fails the test, naming every violation, unless value matches the core-typings schema or envelope (name or schema). */
export function assertSchema(schema, value) {
  const validate = validatorFor(schema);
  const valid = validate(value);
  const name = typeof schema === 'object' ? JSON.stringify(schema.properties && Object.keys(schema.properties)) : schema;
  assert.ok(valid, `${name}: ${ajv.errorsText(validate.errors, { separator: '; ' })}\n${JSON.stringify(value, null, 2)}`);
  return value;
}

/** Checks a 200 body of a route ('video-conference.info', without '/v1/' or query) against its published schema. */
export function assertSuccessSchema(route, body, method = 'GET') {
  route = route.replace(/^settings\/.+/, 'settings/{id}');
  if (route === 'video-conference.info') {
    assertCallSchema(body);
    assertSchema('VideoConferenceCapabilities', body.capabilities);
    assert.equal(body.success, true);
    return body;
  }
  const schema = successSchemas[`${method} ${route}`] ?? successSchemas[route];
  assert.ok(schema, `no published schema is mapped to the route ${method} ${route}`);
  return assertSchema(schema, body);
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
