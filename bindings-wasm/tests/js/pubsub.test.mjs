// PubSub against the mock: listenChannelPoints and listenWhispers, a message
// each, Twitch's RECONNECT (the topics are listened to again), a missing scope.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PubSub } from "twitchapi";
import { client, MOCK_URL, TWITCHDEV_ID, userToken } from "./mock.mjs";

const PUBSUB_URL = `${MOCK_URL.replace(/^http/, "ws")}/pubsub`;

async function mockPost(path) {
  const response = await fetch(MOCK_URL + path, { method: "POST" });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return text === "" ? null : JSON.parse(text);
}

async function until(check, what) {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test("PubSub: messages arrive, and again after a RECONNECT", async () => {
  const scopes = ["channel:read:redemptions", "whispers:read"];
  const { accessToken, refreshToken } = await userToken(scopes.join(","));
  const twitch = client();
  twitch.setUserAuthentication(accessToken, scopes, refreshToken);
  const pubsub = new PubSub(twitch, { url: PUBSUB_URL });
  const seen = [];
  pubsub.onEvent((event) => seen.push(event.type));
  pubsub.start();

  const redemptions = [];
  const uuid = await pubsub.listenChannelPoints(TWITCHDEV_ID, (id, data) => redemptions.push({ id, data }));
  const whispers = [];
  await pubsub.listenWhispers(TWITCHDEV_ID, (_, data) => whispers.push(data));

  const title = encodeURIComponent("Hydrate");
  assert.equal((await mockPost(`/mock/pubsub/channel_points?channel_id=${TWITCHDEV_ID}&title=${title}`)).count, 1);
  await until(() => redemptions.length === 1, "the redemption");
  assert.equal(redemptions[0].id, uuid);
  assert.equal(redemptions[0].data.data.redemption.reward.title, "Hydrate", "keys camelCase, Twitch's shape");
  await mockPost(`/mock/pubsub/whisper?to_user_id=${TWITCHDEV_ID}&from_login=user2&text=hi`);
  await until(() => whispers.length === 1, "the whisper");

  // Twitch asks to reconnect: the session comes back and listens again
  await mockPost("/mock/pubsub/reconnect");
  await until(() => seen.includes("reconnected"), "the reconnect");
  const topic = `channel-points-channel-v1.${TWITCHDEV_ID}`;
  await until(
    async () => (await (await fetch(`${MOCK_URL}/mock/pubsub/listening?topic=${topic}`)).json()).count === 1,
    "the LISTEN after the reconnect",
  );
  await mockPost(`/mock/pubsub/channel_points?channel_id=${TWITCHDEV_ID}&title=${title}`);
  await until(() => redemptions.length === 2, "the redemption after the reconnect");

  pubsub.unlisten(uuid);
  pubsub.stop();
  twitch.close();
});

test("PubSub: a missing scope and bad arguments reject before anything is sent", async () => {
  const { accessToken, refreshToken } = await userToken("");
  const twitch = client();
  twitch.setUserAuthentication(accessToken, [], refreshToken);
  const pubsub = new PubSub(twitch, { url: PUBSUB_URL });
  await assert.rejects(pubsub.listenWhispers(TWITCHDEV_ID, () => {}), { kind: "missingScope" });
  await assert.rejects(pubsub.listenBits(42, () => {}), { kind: "invalidArgument" });
  await assert.rejects(pubsub.listenChannelPoints(TWITCHDEV_ID, null), { kind: "invalidArgument" });
  assert.throws(() => new PubSub({}), { kind: "invalidArgument" });
  pubsub.stop();
  // a stopped PubSub is done
  await assert.rejects(pubsub.listenWhispers(TWITCHDEV_ID, () => {}), { kind: "invalidArgument" });
  assert.throws(() => pubsub.start(), { kind: "invalidArgument" });
  twitch.close();
});
