// Provider errors through RestClient: what start, join, info and capabilities answer when the administrator
// changes the enabled providers (settings changed through POST /v1/settings/<id>, as Rocket.Chat's admin UI does).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, failure, login } from '../support/api.js';
import { admin, startServer } from '../support/server.js';

describe('video-conference providers through RestClient', () => {
  let server;
  let adminClient;
  let alice;
  let roomId;

  const setProviders = async (enabled, active = '') => {
    await adminClient.post('/v1/settings/VideoConf_Enabled_Providers', { value: enabled });
    await adminClient.post('/v1/settings/VideoConf_Default_Provider', { value: active });
  };

  before(async () => {
    server = await startServer();
    adminClient = await login(server, admin.username, admin.password);
    alice = await createUser(server, adminClient, 'alice');
    roomId = (await alice.post('/v1/channels.create', { name: 'compat-providers' })).channel._id;
  });

  after(() => server?.stop());

  test('with no provider enabled, start and capabilities answer no-videoconf-provider-app', async () => {
    await setProviders('');
    for (const request of [
      () => alice.post('/v1/video-conference.start', { roomId }),
      () => alice.get('/v1/video-conference.capabilities'),
    ]) {
      const { status, body } = await failure(request());
      assert.equal(status, 400);
      assert.deepEqual(body, { success: false, error: 'no-videoconf-provider-app' });
    }
    assert.deepEqual((await alice.get('/v1/video-conference.providers')).data, []);
  });

  test('with several providers and no default, start answers no-active-video-conf-provider', async () => {
    await setProviders('jitsi,googlemeet');
    const { body } = await failure(alice.post('/v1/video-conference.start', { roomId }));
    assert.deepEqual(body, { success: false, error: 'no-active-video-conf-provider' });
  });

  test('a provider without its required settings answers video-conf-provider-not-configured', async () => {
    await setProviders('bigbluebutton');
    const { body } = await failure(alice.get('/v1/video-conference.capabilities'));
    assert.deepEqual(body, { success: false, error: 'video-conf-provider-not-configured' });
  });

  test('a call whose provider was disabled cannot be joined and shows empty capabilities', async () => {
    await setProviders('jitsi,googlemeet', 'googlemeet');
    const { data } = await alice.post('/v1/video-conference.start', { roomId });
    assert.equal(data.providerName, 'googlemeet');
    const joined = await alice.post('/v1/video-conference.join', { callId: data.callId });
    assert.equal(joined.url, `http://g.co/meet/RocketChat_${data.callId}`);

    await setProviders('jitsi');
    const { body } = await failure(alice.post('/v1/video-conference.join', { callId: data.callId }));
    assert.deepEqual(body, { success: false, error: 'video-conf-provider-unavailable' });
    const call = await alice.get('/v1/video-conference.info', { callId: data.callId });
    assert.deepEqual(call.capabilities, {});
  });
});
