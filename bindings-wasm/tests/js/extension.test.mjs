// An extension's front end against the mock: the token onAuthorized hands
// over goes out as `Authorization: Extension`, serves only calls that need no
// scope, and the next token Twitch hands over replaces it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Twitch } from "twitchapi";
import { admin, CLIENT_ID, count, MOCK_URL, TWITCHDEV_ID } from "./mock.mjs";

const VIEWER = "12826";

async function helixToken() {
  return (await admin("POST", `/mock/users/${VIEWER}/extension_token`)).helix_token;
}

/** What `window.Twitch.ext.onAuthorized` hands an extension. */
function authorization(token) {
  return { channelId: TWITCHDEV_ID, clientId: CLIENT_ID, helixToken: token, token: "ebs-jwt", userId: `U${VIEWER}` };
}

function frontEnd() {
  return new Twitch({ clientId: CLIENT_ID, helixUrl: `${MOCK_URL}/helix`, authUrl: MOCK_URL });
}

test("an extension's Helix token: its scheme, its calls, its next token", async () => {
  const first = await helixToken();
  // the same token as a Bearer token is refused: the scheme matters
  const asBearer = frontEnd();
  asBearer.setUserAuthentication(first, []);
  await assert.rejects(asBearer.getStreams({ first: 1 }), { kind: "unauthorized" });
  asBearer.close();

  const twitch = frontEnd();
  twitch.setExtensionAuthorization(authorization(first));
  const streams = await twitch.getStreams({ first: 3 });
  assert.equal(streams.data.length, 3);
  const users = await twitch.getUsers({ logins: ["twitchdev"] });
  assert.equal(users.data[0].id, TWITCHDEV_ID);

  // a scoped call and an app-token call are refused before sending
  await admin("POST", "/mock/requests/clear");
  await assert.rejects(
    twitch.createCustomReward({ broadcasterId: TWITCHDEV_ID, title: "t", prompt: "", cost: 1 }),
    (error) => error.kind === "authorization" && /need no scope/.test(error.message),
  );
  await assert.rejects(twitch.getExtensionTransactions({ extensionId: "ext" }), {
    kind: "authorization",
  });
  assert.equal(await count("method=POST&path=/helix/channel_points/custom_rewards"), 0);
  assert.equal(await count("method=GET&path=/helix/extensions/transactions"), 0);

  // Twitch hands a new token (the old one stops working): calls carry it
  const second = await helixToken();
  await admin("POST", `/mock/tokens/${first}/revoke`);
  twitch.setExtensionAuthorization(authorization(second));
  assert.equal((await twitch.getStreams({ first: 1 })).data.length, 1);
  twitch.close();
});

test("extension options and authorizations are checked", () => {
  assert.throws(() => new Twitch({ clientId: CLIENT_ID, extensionRequestsPerMinute: 0 }), {
    kind: "invalidArgument",
  });
  const twitch = frontEnd();
  assert.throws(() => twitch.setExtensionAuthorization({ clientId: CLIENT_ID }), {
    kind: "invalidArgument",
  });
  assert.throws(() => twitch.setExtensionAuthorization(null), { kind: "invalidArgument" });
  twitch.close();
});
