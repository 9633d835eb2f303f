// Every video-conference endpoint through RestClient, as Rocket.Chat's web client calls them: start in a channel
// and in a direct room (ringing), join, cancel, info, list, providers and capabilities, with the error paths.
// Every body is checked against core-typings' schemas and every error body against rest-typings' validators.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymousClient, createUser, failure, login } from '../support/api.js';
import { assertCallSchema, assertSchema } from '../support/schemas.js';
import { admin, startServer } from '../support/server.js';

const Status = { CALLING: 0, STARTED: 1, EXPIRED: 2, ENDED: 3, DECLINED: 4 };

describe('video conferences through RestClient', () => {
  let server;
  let alice;
  let bob;
  let carol;
  let channel;
  let direct;
  let group;

  const start = async (client, params) => assertSchema('video-conference.start', await client.post('/v1/video-conference.start', params)).data;
  const info = async (client, callId) => {
    const call = assertCallSchema(await client.get('/v1/video-conference.info', { callId }));
    assertSchema('VideoConferenceCapabilities', call.capabilities);
    return call;
  };
  const list = async (client, params) => assertSchema('video-conference.list', await client.get('/v1/video-conference.list', params));

  before(async () => {
    server = await startServer();
    const adminClient = await login(server, admin.username, admin.password);
    alice = await createUser(server, adminClient, 'alice');
    bob = await createUser(server, adminClient, 'bob');
    carol = await createUser(server, adminClient, 'carol');
    channel = assertSchema('IRoom', (await alice.post('/v1/channels.create', { name: 'compat-calls', members: ['bob'] })).channel);
    group = assertSchema('IRoom', (await alice.post('/v1/groups.create', { name: 'compat-calls-group', members: ['bob'] })).group);
    direct = assertSchema('IRoom', (await alice.post('/v1/im.create', { username: 'bob' })).room);
  });

  after(() => server?.stop());

  test('providers lists the enabled providers', async () => {
    const body = assertSchema('video-conference.providers', await alice.get('/v1/video-conference.providers'));
    assert.deepEqual(body.data, [{ key: 'jitsi', label: 'Jitsi' }]);
  });

  test('capabilities are VideoConferenceCapabilities of the active provider', async () => {
    const body = assertSchema('video-conference.capabilities', await alice.get('/v1/video-conference.capabilities'));
    assert.equal(body.providerName, 'jitsi');
    assert.deepEqual(body.capabilities, { mic: true, cam: true, title: true, persistentChat: false });
  });

  test('start in a channel returns ConferenceInstructions, and info an IGroupVideoConference', async () => {
    const data = await start(alice, { roomId: channel._id, title: 'Standup' });
    assertSchema('ConferenceInstructions', data);
    assert.equal(data.type, 'videoconference');
    assert.equal(data.rid, channel._id);

    const call = await info(alice, data.callId);
    assert.equal(call.type, 'videoconference');
    assert.equal(call.status, Status.STARTED);
    assert.equal(call.title, 'Standup');
    assert.deepEqual(call.users, []);
    assert.equal(call.createdBy.username, 'alice');
  });

  test('the start message is an IMessage carrying the video_conf block', async () => {
    const { callId } = await start(alice, { roomId: channel._id });
    const call = await info(alice, callId);
    const { message } = await alice.get('/v1/chat.getMessage', { msgId: call.messages.started });
    assertSchema('IMessage', message);
    assert.equal(message.t, 'videoconf');
    assert.equal(message.rid, channel._id);
    assert.deepEqual(message.blocks, [{ type: 'video_conf', blockId: callId, callId, appId: 'videoconf-core' }]);
  });

  test('join returns a per-user URL and adds the user once as an IVideoConferenceUser', async () => {
    const { callId } = await start(alice, { roomId: channel._id });
    const joined = assertSchema('video-conference.join', await bob.post('/v1/video-conference.join', { callId, state: { mic: true, cam: false } }));
    assert.equal(joined.providerName, 'jitsi');
    assert.match(joined.url, /#config\.startWithAudioMuted=false&config\.startWithVideoMuted=true&userInfo\.displayName=/);
    await bob.post('/v1/video-conference.join', { callId });

    const call = await info(bob, callId);
    assert.deepEqual(call.users.map((u) => u.username), ['bob']);
    assertSchema('IVideoConferenceUser', call.users[0]);
  });

  test('start in a direct room with ringing returns DirectCallInstructions and a ringing IDirectVideoConference', async () => {
    const data = await start(alice, { roomId: direct._id, allowRinging: true });
    assertSchema('DirectCallInstructions', data);
    assert.equal(data.calleeId, bob.me._id);

    const call = await info(bob, data.callId);
    assert.equal(call.type, 'direct');
    assert.equal(call.status, Status.CALLING);
    assert.equal(call.ringing, true);
  });

  test('the callee joining a ringing call starts it and stops the ringing', async () => {
    const { callId } = await start(alice, { roomId: direct._id, allowRinging: true });
    await bob.post('/v1/video-conference.join', { callId });

    const call = await info(alice, callId);
    assert.equal(call.status, Status.STARTED);
    assert.equal(call.ringing, false);
  });

  test('cancel declines a ringing direct call', async () => {
    const { callId } = await start(alice, { roomId: direct._id, allowRinging: true });
    assertSchema('video-conference.cancel', await bob.post('/v1/video-conference.cancel', { callId }));

    const call = await info(alice, callId);
    assert.equal(call.status, Status.DECLINED);
    assert.equal(call.ringing, false);
    assert.equal(call.endedBy.username, 'bob');
    assert.ok(call.endedAt);
  });

  test('cancel of a call no longer ringing is invalid-call-status, of a group call invalid-call', async () => {
    const ringing = await start(alice, { roomId: direct._id, allowRinging: true });
    await alice.post('/v1/video-conference.cancel', { callId: ringing.callId });
    assert.deepEqual((await failure(bob.post('/v1/video-conference.cancel', { callId: ringing.callId }))).body,
      { success: false, error: 'invalid-call-status' });

    const conference = await start(alice, { roomId: channel._id });
    assert.deepEqual((await failure(alice.post('/v1/video-conference.cancel', { callId: conference.callId }))).body,
      { success: false, error: 'invalid-call' });
  });

  test('join of an ended call is invalid-call', async () => {
    const { callId } = await start(alice, { roomId: direct._id, allowRinging: true });
    await alice.post('/v1/video-conference.cancel', { callId });
    const { status, body } = await failure(bob.post('/v1/video-conference.join', { callId }));
    assert.equal(status, 400);
    assert.deepEqual(body, { success: false, error: 'invalid-call' });
  });

  test('list returns every call of the room, newest first, each an IGroupVideoConference or IDirectVideoConference', async () => {
    const body = await list(alice, { roomId: direct._id });
    assert.ok(body.total >= 5);
    assert.equal(body.count, body.data.length);
    assert.equal(body.offset, 0);
    assert.ok(body.data.every((call) => call.type === 'direct' && call.rid === direct._id));
    const created = body.data.map((call) => call.createdAt);
    assert.deepEqual(created, [...created].sort().reverse());
  });

  test('list pages with offset and count as numbers', async () => {
    await start(alice, { roomId: group._id, title: 'one' });
    await start(alice, { roomId: group._id, title: 'two' });
    await start(alice, { roomId: group._id, title: 'three' });

    const page = await list(bob, { roomId: group._id, offset: 1, count: 1 });
    assert.deepEqual({ offset: page.offset, count: page.count, total: page.total }, { offset: 1, count: 1, total: 3 });
    assert.equal(page.data[0].title, 'two');
  });

  test('a room the caller cannot access is invalid-params for start, list, info and join', async () => {
    const { callId } = await start(alice, { roomId: group._id });
    for (const request of [
      () => carol.post('/v1/video-conference.start', { roomId: group._id }),
      () => carol.get('/v1/video-conference.list', { roomId: group._id }),
      () => carol.get('/v1/video-conference.info', { callId }),
      () => carol.post('/v1/video-conference.join', { callId }),
    ]) {
      const { status, body } = await failure(request());
      assert.equal(status, 400);
      assert.deepEqual(body, { success: false, error: 'invalid-params' });
    }
  });

  test('an unknown call is invalid-params', async () => {
    const { body } = await failure(alice.get('/v1/video-conference.info', { callId: '000000000000000000000000' }));
    assert.deepEqual(body, { success: false, error: 'invalid-params' });
  });

  test('a read-only room refuses start to a member who is not its owner', async () => {
    const { channel: readOnly } = await alice.post('/v1/channels.create', { name: 'compat-calls-ro', members: ['bob'], readOnly: true });
    const { body } = await failure(bob.post('/v1/video-conference.start', { roomId: readOnly._id }));
    assert.deepEqual(body, { success: false, error: 'error-not-allowed-to-start-video-conference' });
  });

  test('coerced parameters reach the handler as the validators coerce them', async () => {
    const titled = await start(alice, { roomId: channel._id, title: 5, allowRinging: '' });
    const call = await info(alice, titled.callId);
    assert.equal(call.title, '5');
    assert.equal(call.ringing, undefined);

    const notRinging = await start(alice, { roomId: direct._id, allowRinging: 'false' });
    assert.equal(notRinging.type, 'videoconference');

    const joined = await bob.post('/v1/video-conference.join', { callId: titled.callId, state: 0 });
    assert.doesNotMatch(joined.url, /startWith/);
    const muted = await bob.post('/v1/video-conference.join', { callId: titled.callId, state: { mic: 0, cam: 'true' } });
    assert.match(muted.url, /config\.startWithAudioMuted=true&config\.startWithVideoMuted=false/);
  });

  test('invalid parameters answer with the validator message', async () => {
    const { status, body } = await failure(alice.get('/v1/video-conference.list', {}));
    assert.equal(status, 400);
    assert.deepEqual(body, {
      success: false,
      error: "must have required property 'roomId' [invalid-params]",
      errorType: 'invalid-params',
    });
  });

  test('every endpoint needs credentials', async () => {
    const anonymous = anonymousClient(server);
    for (const request of [
      () => anonymous.post('/v1/video-conference.start', { roomId: channel._id }),
      () => anonymous.post('/v1/video-conference.cancel', { callId: 'x' }),
      () => anonymous.get('/v1/video-conference.info', { callId: 'x' }),
      () => anonymous.get('/v1/video-conference.list', { roomId: channel._id }),
      () => anonymous.get('/v1/video-conference.providers'),
      () => anonymous.get('/v1/video-conference.capabilities'),
      () => anonymous.post('/v1/video-conference.join', { callId: 'x' }),
    ]) {
      const { status, body } = await failure(request());
      assert.equal(status, 401);
      assert.equal(body.message, 'You must be logged in to do this.');
    }
  });
});
