// One browser and one fixture server for a suite: started before its tests, stopped after.
import { LAUNCHERS } from "./browsers.mjs";
import { startFixtureServer } from "./fixture-server.mjs";

/** Starts the fixture server and the named browser with the extension loaded. */
export async function openSession(browserName, options = {}) {
  const server = await startFixtureServer();
  const browser = await LAUNCHERS[browserName](options);
  return { server, browser, driver: browser.driver };
}

/** Stops what `openSession` started, whatever got started. */
export async function closeSession(session) {
  await session?.driver?.quit();
  await session?.server?.close();
}
