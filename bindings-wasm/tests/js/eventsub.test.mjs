// EventSub over WebSocket against the mock: a typed listen method, an event
// triggered on the mock, Twitch's session_reconnect handoff, stop().
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventSubWs } from "twitchapi";
import { client, MOCK_URL, TWITCHDEV_ID, userToken } from "./mock.mjs";

const WS_URL = `${MOCK_URL.replace(/^http/, "ws")}/eventsub/ws`;

async function mockPost(path, body) {
  const response = await fetch(MOCK_URL + path, { method: "POST", body: JSON.stringify(body ?? {}) });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return text === "" ? null : JSON.parse(text);
}

/** Waits (up to 10 s) until `check()` is true. */
async function until(check, what) {
  for (let i = 0; i < 200; i += 1) {
    if (check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test("EventSub WebSocket: listen, receive, receive again after session_reconnect, stop", async () => {
  const { accessToken, refreshToken } = await userToken("moderator:read:followers");
  const twitch = client();
  twitch.setUserAuthentication(accessToken, ["moderator:read:followers"], refreshToken);
  const eventsub = new EventSubWs(twitch, { url: WS_URL });
  const seen = [];
  eventsub.onEvent((event) => seen.push(event.type));
  const follows = [];
  const id = await eventsub.listenChannelFollow(
    { broadcasterUserId: TWITCHDEV_ID, moderatorUserId: TWITCHDEV_ID },
    (event, notification) => follows.push({ event, notification }),
  );
  assert.equal(typeof id, "string");
  assert.deepEqual(seen.slice(0, 2), ["welcome", "subscribed"]);

  assert.equal((await mockPost("/mock/eventsub/trigger", { type: "channel.follow", version: "2" })).count, 1);
  await until(() => follows.length === 1, "the first follow");
  const [{ event, notification }] = follows;
  assert.equal(typeof event.userLogin, "string", "event keys camelCase");
  assert.equal(event.broadcasterUserId, TWITCHDEV_ID);
  assert.equal(notification.type, "channel.follow");
  assert.equal(notification.version, "2");

  // Twitch moves the session: the handoff keeps the subscription
  await mockPost("/mock/eventsub/reconnect");
  await until(() => seen.includes("reconnected"), "the reconnect");
  assert.equal((await mockPost("/mock/eventsub/trigger", { type: "channel.follow", version: "2" })).count, 1);
  await until(() => follows.length === 2, "the follow after the reconnect");
  assert.notEqual(follows[1].notification.messageId, follows[0].notification.messageId);

  await eventsub.stop();
  const left = await (await fetch(`${MOCK_URL}/mock/eventsub/subscriptions`)).json();
  assert.equal(left.filter((s) => s.status === "enabled").length, 0, JSON.stringify(left));
  twitch.close();
});

test("EventSub listen checks its arguments and Twitch's refusal rejects", async () => {
  const twitch = client();
  const { accessToken, refreshToken } = await userToken("");
  twitch.setUserAuthentication(accessToken, [], refreshToken);
  assert.throws(() => new EventSubWs({}), { kind: "invalidArgument" });
  const eventsub = new EventSubWs(twitch, { url: WS_URL });
  await assert.rejects(eventsub.listenChannelFollow(null, () => {}), { kind: "invalidArgument" });
  await assert.rejects(eventsub.listenStreamOnline({ broadcasterUserId: TWITCHDEV_ID }, "no"), {
    kind: "invalidArgument",
  });
  // no moderator:read:followers: Twitch refuses the subscription
  await assert.rejects(
    eventsub.listenChannelFollow({ broadcasterUserId: TWITCHDEV_ID, moderatorUserId: TWITCHDEV_ID }, () => {}),
    (error) => error.name === "TwitchError" && typeof error.kind === "string",
  );
  await eventsub.stop();
  twitch.close();
});
