// Reads requests/videoconf.http (the REST Client / Visual Studio format) and sends its requests in order, resolving
// {{variables}} as those tools do: file variables (@name = value), named requests' responses
// ({{login.response.body.$.data.userId}}), and the $randomInt and $guid system variables.
import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Returns { variables, requests: [{ title, name, method, url, headers, body }] }. */
export async function readHttpFile(path) {
  const text = await readFile(path, 'utf8');
  const [preamble, ...blocks] = text.split(/^###.*$/m);
  const variables = {};
  for (const line of preamble.split('\n')) {
    const match = /^@(\w+)\s*=\s*(.*)$/.exec(line.trim());
    if (match) {
      variables[match[1]] = match[2];
    }
  }
  const titles = [...text.matchAll(/^###\s*(.*)$/gm)].map((m) => m[1]);
  const requests = blocks.map((block, index) => parseRequest(block, titles[index]));
  return { variables, requests };
}

function parseRequest(block, title) {
  const lines = block.split('\n');
  let name;
  let position = 0;
  for (; position < lines.length; position++) {
    const line = lines[position].trim();
    const named = /^(#|\/\/)\s*@name\s+(\S+)/.exec(line);
    if (named) {
      name = named[2];
    } else if (line !== '' && !line.startsWith('#') && !line.startsWith('//')) {
      break;
    }
  }
  const [method, url] = lines[position++].trim().split(/\s+/);
  const headers = {};
  for (; position < lines.length && lines[position].trim() !== ''; position++) {
    const [, header, value] = /^([^:]+):\s*(.*)$/.exec(lines[position].trim());
    headers[header] = value;
  }
  const body = lines.slice(position).join('\n').trim();
  return { title, name, method, url, headers, body: body === '' ? undefined : body };
}

function jsonPath(value, path) {
  return path.replace(/^\$\.?/, '').split('.').filter(Boolean).reduce((current, key) => current?.[key], value);
}

/** Replaces every {{...}} in text; fails on a variable it cannot resolve. */
export function resolve(text, variables, responses) {
  return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, expression) => {
    const [head, ...args] = expression.split(/\s+/);
    if (head === '$randomInt') {
      return String(randomInt(Number(args[0]), Number(args[1])));
    }
    if (head === '$guid') {
      return randomUUID();
    }
    const reference = /^(\w+)\.response\.body\.(\$.*)$/.exec(head);
    if (reference) {
      const value = jsonPath(responses[reference[1]], reference[2]);
      if (value === undefined) {
        throw new Error(`${head} is not in the response of ${reference[1]}`);
      }
      return String(value);
    }
    if (!(head in variables)) {
      throw new Error(`unknown variable ${head}`);
    }
    return resolve(variables[head], variables, responses);
  });
}
