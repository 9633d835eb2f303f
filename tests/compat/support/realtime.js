// Rocket.Chat's own realtime client, @rocket.chat/ddp-client's DDPSDK, against the server: Node 20 has no global
// WebSocket, so the `ws` package provides it, as Rocket.Chat's documentation for Node suggests.
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import ddpClient from '@rocket.chat/ddp-client';

globalThis.WebSocket ??= WebSocket;

const { DDPSDK } = ddpClient;

/** The SHA-256 hex of a password: what DDPSDK's loginWithPassword sends as the digest. */
export const digest = (password) => createHash('sha256').update(password).digest('hex');

/** A connected DDPSDK; close it with sdk.connection.close(). */
export const connect = (server) => DDPSDK.createAndConnect(server.url);

/**
 * Subscribes with sdk.stream and records every event; returns { events, next(match) }. next waits (at most 10 s)
 * for the first event not yet taken that matches.
 */
export async function listen(sdk, name, key) {
  const events = [];
  const waiters = [];
  const subscription = sdk.stream(name, key, (...args) => {
    events.push(args);
    for (const waiter of [...waiters]) {
      waiter.check();
    }
  });
  await subscription.ready();
  let taken = 0;
  const next = (match = () => true) => new Promise((resolve, reject) => {
    const waiter = {
      check() {
        for (let i = taken; i < events.length; i++) {
          if (match(...events[i])) {
            taken = i + 1;
            waiters.splice(waiters.indexOf(waiter), 1);
            clearTimeout(waiter.timer);
            resolve(events[i]);
            return;
          }
        }
      },
    };
    waiter.timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(waiter), 1);
      reject(new Error(`no matching ${name} ${key} event within 10 s; seen ${JSON.stringify(events)}`));
    }, 10_000);
    waiters.push(waiter);
    waiter.check();
  });
  return { events, next, stop: () => subscription.stop() };
}
