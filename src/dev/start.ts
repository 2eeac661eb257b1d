import type { DevServer, DevServerOptions } from './server.js';

export type { DevEvent, DevServer, DevServerOptions } from './server.js';

/**
 * Starts the preview server (dev/server.ts). Its modules (the watcher, the reload client, the CMS
 * backend) are loaded when a server starts, not with the library or the command line: a build
 * does not need them.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  return (await import('./server.js')).startDevServer(options);
}
