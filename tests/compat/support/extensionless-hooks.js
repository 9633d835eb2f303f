// @rocket.chat/rest-typings 8.8.1 ships ES-module files whose imports have no extension ('./v1/roles',
// 'ajv/dist/2020') and a package.json without "type": "module", so Node 20 can load it neither by require nor by
// import. For imports made from that package, this hook retries a failed resolution with '.js' and '/index.js',
// and it loads the package's own files as ES modules. Everything else resolves and loads as usual.
const restTypings = '/node_modules/@rocket.chat/rest-typings/';

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromRestTypings = context.parentURL?.includes(restTypings);
    if (!fromRestTypings || (error?.code !== 'ERR_MODULE_NOT_FOUND' && error?.code !== 'ERR_UNSUPPORTED_DIR_IMPORT')) {
      throw error;
    }
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.includes(restTypings) && url.endsWith('.js')) {
    return nextLoad(url, { ...context, format: 'module' });
  }
  return nextLoad(url, context);
}
