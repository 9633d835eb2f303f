// The realtime API with Rocket.Chat's own client, @rocket.chat/ddp-client's DDPSDK (as Rocket.Chat's newer code and
// its mobile app use it): logging in with a REST token and with a password digest, a room's call events, the
// ringing exchange of two users in a direct room, and a bot hearing the start message of a call.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, login } from '../support/api.js';
import { connect, digest, listen } from '../support/realtime.js';
import { admin, startServer } from '../support/server.js';

describe('realtime API through DDPSDK', () => {
  let server;
  let alice;
  let bob;
  const sdks = [];

  const sdkFor = async (client) => {
    const sdk = await connect(server);
    sdks.push(sdk);
    await sdk.account.loginWithToken(client.token);
    return sdk;
  };

  before(async () => {
    server = await startServer();
    const adminClient = await login(server, admin.username, admin.password);
    alice = await createUser(server, adminClient, 'rt-alice');
    bob = await createUser(server, adminClient, 'rt-bob');
  });

  after(async () => {
    for (const sdk of sdks) {
      const { ws } = sdk.connection;
      const closed = !ws || ws.readyState === ws.CLOSED ? Promise.resolve() : new Promise((done) => ws.addEventListener('close', done));
      sdk.connection.close();
      await closed;
      // The SDK's heartbeat timers outlive a closed connection (every message restarts them); stop them once the
      // socket is closed so the test process can end.
      sdk.timeoutControl.stop();
    }
    await server?.stop();
  });

  test('loginWithToken resumes a REST login', async () => {
    const sdk = await connect(server);
    sdks.push(sdk);
    const result = await sdk.account.loginWithToken(alice.token);

    assert.equal(sdk.account.uid, alice.me._id);
    assert.equal(result.token, alice.token);
    assert.equal(result.type, 'resume');
    assert.ok(sdk.account.user.tokenExpires > new Date());
  });

  test('loginWithPassword logs in with the SHA-256 digest and gets a token REST accepts', async () => {
    const sdk = await connect(server);
    sdks.push(sdk);
    await sdk.account.loginWithPassword('rt-bob', digest('pw-rt-bob-secret'));

    assert.equal(sdk.account.uid, bob.me._id);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { 'X-User-Id': sdk.account.uid, 'X-Auth-Token': sdk.account.user.token } });
    assert.equal((await me.json())._id, bob.me._id);
  });

  test('a wrong password is refused with Meteor\'s 403', async () => {
    const sdk = await connect(server);
    sdks.push(sdk);
    await assert.rejects(sdk.account.loginWithPassword('rt-bob', digest('wrong')), (error) => {
      assert.equal(error.error, 403);
      assert.equal(error.reason, 'Incorrect password');
      return true;
    });
  });

  test('a room subscriber sees start, join and cancel of a call', async () => {
    const room = (await alice.post('/v1/im.create', { username: 'rt-bob' })).room;
    const sdk = await sdkFor(bob);
    const videoconf = await listen(sdk, 'notify-room', `${room._id}/videoconf`);

    const { data } = await alice.post('/v1/video-conference.start', { roomId: room._id, allowRinging: true });
    assert.deepEqual(await videoconf.next(), [data.callId]);
    await alice.post('/v1/video-conference.join', { callId: data.callId });
    assert.deepEqual(await videoconf.next(), [data.callId]);
    await bob.post('/v1/video-conference.cancel', { callId: data.callId });
    assert.deepEqual(await videoconf.next(), [data.callId]);

    const call = await bob.get('/v1/video-conference.info', { callId: data.callId });
    assert.equal(call.status, 4);
    videoconf.stop();
  });

  test('two users ring each other as Rocket.Chat clients do: call, accepted, confirmed, and the server\'s join', async () => {
    const room = (await alice.post('/v1/im.create', { username: 'rt-bob' })).room;
    const caller = await sdkFor(alice);
    const callee = await sdkFor(bob);
    const callerEvents = await listen(caller, 'notify-user', `${alice.me._id}/video-conference`);
    const calleeEvents = await listen(callee, 'notify-user', `${bob.me._id}/video-conference`);
    const notify = (sdk, uid, action, params) => sdk.call('stream-notify-user', `${uid}/video-conference`, { action, params });

    const { data } = await alice.post('/v1/video-conference.start', { roomId: room._id, allowRinging: true });
    assert.equal(data.type, 'direct');
    const params = { callId: data.callId, uid: alice.me._id, rid: room._id };

    // The caller rings every 3 seconds until the callee answers.
    await notify(caller, bob.me._id, 'call', params);
    const ringing = setInterval(() => notify(caller, bob.me._id, 'call', params), 3000);
    try {
      const [incoming] = await calleeEvents.next((e) => e.action === 'call');
      assert.deepEqual(incoming, { action: 'call', params });
      await notify(callee, alice.me._id, 'accepted', { callId: data.callId, uid: bob.me._id, rid: room._id });
      const [accepted] = await callerEvents.next((e) => e.action === 'accepted');
      assert.equal(accepted.params.uid, bob.me._id);
    } finally {
      clearInterval(ringing);
    }

    await alice.post('/v1/video-conference.join', { callId: data.callId });
    const [callerJoin] = await callerEvents.next((e) => e.action === 'join');
    assert.deepEqual(callerJoin, { action: 'join', params: { callId: data.callId, uid: alice.me._id, rid: room._id } });
    await notify(caller, bob.me._id, 'confirmed', params);
    assert.deepEqual((await calleeEvents.next((e) => e.action === 'confirmed'))[0], { action: 'confirmed', params });

    await bob.post('/v1/video-conference.join', { callId: data.callId });
    const joined = { action: 'join', params: { callId: data.callId, uid: bob.me._id, rid: room._id } };
    assert.deepEqual((await callerEvents.next((e) => e.action === 'join'))[0], joined);
    assert.deepEqual((await calleeEvents.next((e) => e.action === 'join'))[0], joined);
    assert.equal((await alice.get('/v1/video-conference.info', { callId: data.callId })).status, 1);
  });

  test('a bot in the room hears the call\'s start message on stream-room-messages', async () => {
    const adminClient = await login(server, admin.username, admin.password);
    await adminClient.post('/v1/users.create', {
      username: 'rt-bot', email: 'rt-bot@videoconf.test', password: 'pw-rt-bot-secret', name: 'Call bot', roles: ['bot'],
    });
    const room = (await alice.post('/v1/groups.create', { name: 'rt-bot-room', members: ['rt-bot'] })).group;
    const bot = await connect(server);
    sdks.push(bot);
    await bot.account.loginWithPassword('rt-bot', digest('pw-rt-bot-secret'));
    const messages = await listen(bot, 'room-messages', room._id);

    const { data } = await alice.post('/v1/video-conference.start', { roomId: room._id });

    const [message] = await messages.next((m) => m.t === 'videoconf');
    assert.equal(message.rid, room._id);
    assert.equal(message.u._id, alice.me._id);
    assert.deepEqual(message.blocks, [{ type: 'video_conf', blockId: data.callId, callId: data.callId, appId: 'videoconf-core' }]);
    assert.equal(typeof message.ts.$date, 'number');
    const call = await alice.get('/v1/video-conference.info', { callId: data.callId });
    assert.equal(message._id, call.messages.started);
  });

  test('a rejected call ends: the callee says rejected, the caller cancels, and the server sends end to both', async () => {
    const room = (await alice.post('/v1/im.create', { username: 'rt-bob' })).room;
    const caller = await sdkFor(alice);
    const callee = await sdkFor(bob);
    const callerEvents = await listen(caller, 'notify-user', `${alice.me._id}/video-conference`);
    const calleeEvents = await listen(callee, 'notify-user', `${bob.me._id}/video-conference`);

    const { data } = await alice.post('/v1/video-conference.start', { roomId: room._id, allowRinging: true });
    await caller.call('stream-notify-user', `${bob.me._id}/video-conference`, { action: 'call', params: { callId: data.callId, uid: alice.me._id, rid: room._id } });
    await calleeEvents.next((e) => e.action === 'call');
    await callee.call('stream-notify-user', `${alice.me._id}/video-conference`, { action: 'rejected', params: { callId: data.callId, uid: bob.me._id, rid: room._id } });
    await callerEvents.next((e) => e.action === 'rejected');
    await alice.post('/v1/video-conference.cancel', { callId: data.callId });

    const end = { action: 'end', params: { callId: data.callId, uid: alice.me._id, rid: room._id } };
    assert.deepEqual((await callerEvents.next((e) => e.action === 'end'))[0], end);
    assert.deepEqual((await calleeEvents.next((e) => e.action === 'end'))[0], end);
  });
});
