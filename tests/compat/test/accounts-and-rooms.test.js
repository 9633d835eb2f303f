// Login, me and rooms through RestClient, each response checked against core-typings' IUser and IRoom.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymousClient, createUser, failure, login } from '../support/api.js';
import { assertSchema, assertSuccessSchema } from '../support/schemas.js';
import { admin, startServer } from '../support/server.js';

describe('accounts and rooms through RestClient', () => {
  let server;
  let adminClient;
  let bob;

  before(async () => {
    server = await startServer();
    adminClient = await login(server, admin.username, admin.password);
    bob = await createUser(server, adminClient, 'bob');
  });

  after(() => server?.stop());

  test('login returns the user as IUser', () => {
    assertSchema('IUser', adminClient.me);
    assert.equal(adminClient.me.username, admin.username);
  });

  test('me is an IUser with the fields the schema requires', async () => {
    const me = assertSchema('IUser', await adminClient.get('/v1/me'));
    assert.equal(me._id, adminClient.getCredentials()['X-User-Id']);
    assert.equal(me.type, 'user');
    assert.equal(me.active, true);
    assert.ok(me.roles.includes('admin'));
  });

  test('me without credentials is 401 with the unauthorized body', async () => {
    const { status, body } = await failure(anonymousClient(server).get('/v1/me'));
    assert.equal(status, 401);
    assert.equal(body.message, 'You must be logged in to do this.');
  });

  test('wrong password is 401', async () => {
    const { status, body } = await failure(anonymousClient(server).post('/v1/login', { user: 'bob', password: 'wrong' }));
    assert.equal(status, 401);
    assert.equal(body.error, 'Unauthorized');
  });

  test('users.info returns an IUser', async () => {
    const body = await adminClient.get('/v1/users.info', { username: 'bob' });
    assertSchema('IUser', body.user);
  });

  test('channels.create, groups.create and im.create return IRoom', async () => {
    const channel = await adminClient.post('/v1/channels.create', { name: 'compat-rooms-channel', members: ['bob'] });
    assertSchema('IRoom', channel.channel);
    assert.equal(channel.channel.t, 'c');

    const group = await adminClient.post('/v1/groups.create', { name: 'compat-rooms-group', members: ['bob'] });
    assertSchema('IRoom', group.group);
    assert.equal(group.group.t, 'p');

    const direct = await adminClient.post('/v1/im.create', { username: 'bob' });
    assertSchema('IRoom', direct.room);
    assert.equal(direct.room.t, 'd');
    assert.deepEqual([...direct.room.usernames].sort(), [admin.username, 'bob'].sort());
  });

  test('channels.list, channels.list.joined, groups.list, groups.listAll and im.list return pages of IRoom', async () => {
    const { channel } = await adminClient.post('/v1/channels.create', { name: 'compat-rooms-list', members: ['bob'] });
    const { group } = await adminClient.post('/v1/groups.create', { name: 'compat-rooms-list-group', members: ['bob'] });
    const direct = await bob.post('/v1/im.create', { username: admin.username });
    const lists = [
      [bob, 'channels.list', 'channels', channel._id],
      [bob, 'channels.list.joined', 'channels', channel._id],
      [bob, 'groups.list', 'groups', group._id],
      [adminClient, 'groups.listAll', 'groups', group._id],
      [bob, 'im.list', 'ims', direct.room._id],
    ];
    for (const [client, route, key, id] of lists) {
      const body = await client.get(`/v1/${route}`, { count: 0 });
      assertSuccessSchema(route, body);
      assert.ok(body[key].some((room) => room._id === id), `${route} lists ${id}`);
      assert.equal(body.total, body[key].length);
    }
  });

  test('channels.info and groups.info return IRoom by id and by name', async () => {
    const { channel } = await adminClient.post('/v1/channels.create', { name: 'compat-rooms-cinfo' });
    const { group } = await adminClient.post('/v1/groups.create', { name: 'compat-rooms-ginfo', members: ['bob'] });
    assertSchema('IRoom', (await bob.get('/v1/channels.info', { roomId: channel._id })).channel);
    assertSchema('IRoom', (await bob.get('/v1/channels.info', { roomName: channel.name })).channel);
    const byName = await bob.get('/v1/groups.info', { roomName: group.name });
    assertSuccessSchema('groups.info', byName);
    assert.equal(byName.group._id, group._id);
  });

  test('rooms.info returns an IRoom to a member', async () => {
    const { group } = await adminClient.post('/v1/groups.create', { name: 'compat-rooms-info', members: ['bob'] });
    const body = await bob.get('/v1/rooms.info', { roomId: group._id });
    assertSchema('IRoom', body.room);
    assert.equal(body.room._id, group._id);
  });

  test('channels.invite returns the channel as IRoom', async () => {
    const { channel } = await adminClient.post('/v1/channels.create', { name: 'compat-rooms-invite' });
    const body = await adminClient.post('/v1/channels.invite', { roomId: channel._id, userId: bob.me._id });
    assertSchema('IRoom', body.channel);
  });

  test('a duplicate channel name is a 400 with its error code', async () => {
    await adminClient.post('/v1/channels.create', { name: 'compat-rooms-duplicate' });
    const { status, body } = await failure(adminClient.post('/v1/channels.create', { name: 'compat-rooms-duplicate' }));
    assert.equal(status, 400);
    assert.equal(body.errorType, 'error-duplicate-channel-name');
  });
});
