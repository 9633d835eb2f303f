// Registers the resolve hook that lets Node 20 load @rocket.chat/rest-typings (see extensionless-hooks.js).
import { register } from 'node:module';

register('./extensionless-hooks.js', import.meta.url);
