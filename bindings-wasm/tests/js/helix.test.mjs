// Helix calls against the mock: app token, camelCase methods and `call`,
// camelCase answers, a POST with a body, an answer without a body.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, client, count, TWITCHDEV_ID, userToken } from "./mock.mjs";

test("getUsers and getStreams with an app token", async () => {
  await admin("POST", "/mock/requests/clear");
  const twitch = client();
  assert.equal(twitch.getAppToken(), null);
  await twitch.authenticateApp([]);
  assert.equal(typeof twitch.getAppToken(), "string");

  const users = await twitch.getUsers({ logins: ["twitchdev"] });
  assert.equal(users.data.length, 1);
  assert.equal(users.data[0].id, TWITCHDEV_ID);
  assert.equal(users.data[0].login, "twitchdev");
  // Twitch's snake_case keys arrive camelCase
  assert.equal(typeof users.data[0].displayName, "string");
  assert.equal(users.data[0].display_name, undefined);

  const byName = await twitch.call("get_users", { user_ids: [TWITCHDEV_ID] });
  assert.equal(byName.data[0].login, "twitchdev");
  const byCamelName = await twitch.call("getUsers", { userIds: [TWITCHDEV_ID] });
  assert.deepEqual(byCamelName, byName);

  const streams = await twitch.getStreams({ first: 5 });
  assert.equal(streams.data.length, 5);
  assert.equal(typeof streams.pagination.cursor, "string");
  const next = await twitch.getStreams({ first: 5, after: streams.pagination.cursor });
  assert.notEqual(next.data[0].id, streams.data[0].id);

  assert.equal(await count("method=POST&path=/oauth2/token&grant_type=client_credentials"), 1);
  assert.equal(await count("method=GET&path=/helix/users"), 3);
  assert.equal(twitch.callsInProgress, 0);
  twitch.close();
});

test("a custom reward is created, read and deleted with a user token", async () => {
  const { accessToken, refreshToken } = await userToken("channel:manage:redemptions");
  const twitch = client();
  twitch.setUserAuthentication(accessToken, ["channel:manage:redemptions"], refreshToken);
  assert.equal(twitch.getUserAuthToken(), accessToken);
  assert.deepEqual(twitch.getUserAuthScope(), ["channel:manage:redemptions"]);

  const title = `npm test ${Date.now()}`;
  const created = await twitch.createCustomReward({
    broadcasterId: TWITCHDEV_ID,
    title,
    prompt: "from the JS tests",
    cost: 123,
  });
  const reward = created.data[0];
  assert.equal(reward.title, title);
  assert.equal(reward.cost, 123);
  assert.equal(reward.broadcasterId, TWITCHDEV_ID);

  const read = await twitch.getCustomReward({ broadcasterId: TWITCHDEV_ID, rewardId: [reward.id] });
  assert.deepEqual(
    read.data.map((r) => r.id),
    [reward.id],
  );
  // 204 No Content: null
  assert.equal(
    await twitch.deleteCustomReward({ broadcasterId: TWITCHDEV_ID, rewardId: reward.id }),
    null,
  );
  const after = await twitch.getCustomReward({ broadcasterId: TWITCHDEV_ID });
  assert.ok(!after.data.some((r) => r.id === reward.id));
  twitch.close();
});
