// The Helix-only build (TWITCHAPI_NPM_HELIX_ONLY=1 scripts/build-npm DIR,
// DIR in TWITCHAPI_PACKAGE): Helix calls and HelixMachine work against the
// mock; EventSub and PubSub are absent and say so with a TwitchError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.env.TWITCHAPI_PACKAGE;
const MOCK_URL = process.env.TWITCHAPI_MOCK_URL;
assert.ok(dir && MOCK_URL, "TWITCHAPI_PACKAGE and TWITCHAPI_MOCK_URL (scripts/test-npm sets them)");
const { Twitch, TwitchError, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine } = await import(
  pathToFileURL(join(resolve(dir), "node.mjs")).href
);

class FakeSocket {}

test("the Helix-only build: Helix calls work, EventSub and PubSub are absent", async () => {
  const twitch = new Twitch({
    clientId: "mock-client-id",
    clientSecret: "mock-client-secret",
    helixUrl: `${MOCK_URL}/helix`,
    authUrl: MOCK_URL,
  });
  await twitch.authenticateApp();
  const users = await twitch.getUsers({ logins: ["twitchdev"] });
  assert.equal(users.data[0].login, "twitchdev");
  assert.equal(typeof EventSubWs.prototype.listenChannelFollow, "undefined", "no listen<Type> methods");
  const absent = (f) => assert.throws(f, (e) => e instanceof TwitchError && e.kind === "other" && /no (EventSub|PubSub)/.test(e.message));
  absent(() => new EventSubWs(twitch, { WebSocket: FakeSocket }));
  absent(() => new PubSub(twitch, { WebSocket: FakeSocket }));
  const machine = new HelixMachine({ clientId: "mock-client-id", now: 0 });
  absent(() => new EventSubWsMachine(machine, { now: 0 }));
  absent(() => new PubSubMachine(machine));
  machine.setAppToken("t", [], 0);
  machine.call("getStreams", { first: 1 }, 0);
  assert.equal(machine.pollTransmit().url, "https://api.twitch.tv/helix/streams?first=1");
  machine.free();
  twitch.close();
});
