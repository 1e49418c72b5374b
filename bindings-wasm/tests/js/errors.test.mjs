// Errors as TwitchError with the Rust variant as `kind`: bad arguments and
// missing scopes before anything is sent, 404, 401 and 5xx from the mock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TwitchError } from "twitchapi";
import { admin, client, count, TWITCHDEV_ID, userToken } from "./mock.mjs";

/** Asserts that `promise` rejects with a TwitchError of `kind`; returns it. */
async function rejects(promise, kind) {
  let caught;
  await assert.rejects(promise, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof TwitchError, `not a TwitchError: ${caught}`);
  assert.equal(caught.kind, kind, caught.message);
  return caught;
}

test("bad arguments reject before any request", async () => {
  const twitch = client();
  await twitch.authenticateApp();
  await admin("POST", "/mock/requests/clear");
  const logins = Array.from({ length: 101 }, (_, i) => `user${i}`);
  await rejects(twitch.getUsers({ logins }), "invalidArgument");
  await rejects(twitch.getUsers({ nickname: ["x"] }), "invalidArgument");
  await rejects(twitch.getUsers({ logins: "twitchdev" }), "invalidArgument");
  await rejects(twitch.getStreams({ first: 0 }), "invalidArgument");
  await rejects(twitch.getUsers("twitchdev"), "invalidArgument");
  await rejects(twitch.call("get_nothing", {}), "invalidArgument");
  await rejects(twitch.createCustomReward({ broadcasterId: TWITCHDEV_ID, title: "x" }), "invalidArgument");
  assert.throws(() => client({ helixUrl: "not a url" }), TwitchError);
  assert.throws(() => twitch.setUserAuthentication(42), TwitchError);
  assert.equal(await count("method=GET&path=/helix/users"), 0);
  assert.equal(await count("method=GET&path=/helix/streams"), 0);
  twitch.close();
});

test("a missing scope rejects before sending and names the scope", async () => {
  const { accessToken, refreshToken } = await userToken("");
  const twitch = client();
  twitch.setUserAuthentication(accessToken, [], refreshToken);
  await admin("POST", "/mock/requests/clear");
  const error = await rejects(
    twitch.createCustomReward({ broadcasterId: TWITCHDEV_ID, title: "x", prompt: "", cost: 1 }),
    "missingScope",
  );
  assert.deepEqual(error.required, ["channel:manage:redemptions"]);
  assert.equal(await count("method=POST&path=/helix/channel_points/custom_rewards"), 0);
  twitch.close();
});

test("404, 401 and 5xx answers of the mock", async () => {
  const { accessToken } = await userToken("channel:manage:redemptions");
  // no secret, no auto refresh: a 401 stays a 401
  const twitch = client({ clientSecret: undefined });
  twitch.setUserAuthentication(accessToken, ["channel:manage:redemptions"]);

  const missing = await rejects(
    twitch.deleteCustomReward({ broadcasterId: TWITCHDEV_ID, rewardId: "no-such-reward" }),
    "notFound",
  );
  assert.match(missing.message, /not found/);

  await admin("POST", "/mock/faults?path=/helix/users&status=503&times=2");
  const backend = await rejects(twitch.getUsers({ logins: ["twitchdev"] }), "backend");
  assert.equal(backend.status, 503);

  await admin("POST", `/mock/tokens/${accessToken}/expire`);
  await rejects(twitch.getUsers({ logins: ["twitchdev"] }), "unauthorized");
  twitch.close();
});
