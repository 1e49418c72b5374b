// Token refresh: an expired user token is refreshed once for the calls that
// need it, and onTokenRefresh sees the new tokens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, client, count, TWITCHDEV_ID, userToken } from "./mock.mjs";

test("an expired user token is refreshed once and reported", async () => {
  const { accessToken, refreshToken } = await userToken("user:read:email");
  const twitch = client();
  twitch.setUserAuthentication(accessToken, ["user:read:email"], refreshToken);
  const updates = [];
  twitch.onTokenRefresh((update) => updates.push(update));
  await admin("POST", `/mock/tokens/${accessToken}/expire`);
  await admin("POST", "/mock/requests/clear");

  const answers = await Promise.all([1, 2, 3].map(() => twitch.getUsers({ logins: ["twitchdev"] })));
  for (const answer of answers) {
    assert.equal(answer.data[0].id, TWITCHDEV_ID);
  }
  assert.equal(await count("method=POST&path=/oauth2/token&grant_type=refresh_token"), 1);

  assert.equal(updates.length, 1);
  const [update] = updates;
  assert.equal(update.kind, "user");
  assert.notEqual(update.accessToken, accessToken);
  assert.equal(update.accessToken, twitch.getUserAuthToken());
  assert.equal(typeof update.refreshToken, "string");
  assert.deepEqual(update.scopes, ["user:read:email"]);
  twitch.close();
});

test("without auto refresh a refresh token is optional, and required with it", () => {
  const plain = client({ autoRefresh: false });
  plain.setUserAuthentication("token", []);
  assert.equal(plain.getUserAuthToken(), "token");
  plain.close();
  const refreshing = client();
  assert.throws(() => refreshing.setUserAuthentication("token", []), { kind: "invalidArgument" });
  refreshing.close();
});
