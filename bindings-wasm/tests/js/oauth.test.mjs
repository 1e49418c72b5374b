// OAuth for pages and Node against the mock: the implicit flow's URL and
// redirect (with its state check), and the device code flow.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ImplicitFlow } from "twitchapi";
import { admin, client, CLIENT_ID, MOCK_URL, TWITCHDEV_ID } from "./mock.mjs";

const REDIRECT = "http://127.0.0.1:9/overlay/auth";

/** Where the mock's authorize page sends the browser (not followed). */
async function redirectOf(url) {
  const response = await fetch(url, { redirect: "manual" });
  assert.equal(response.status, 302, await response.text());
  return response.headers.get("location");
}

function flow(options = {}) {
  return new ImplicitFlow({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    scopes: ["user:read:email"],
    authUrl: MOCK_URL,
    ...options,
  });
}

test("the implicit flow: URL, redirect with the token, state checked", async () => {
  const first = flow();
  assert.match(first.state, /^[0-9a-f]{32}$/, "a fresh random state");
  assert.notEqual(flow().state, first.state);
  const url = new URL(first.authorizeUrl);
  assert.equal(url.origin + url.pathname, `${MOCK_URL}/oauth2/authorize`);
  assert.equal(url.searchParams.get("response_type"), "token");
  assert.equal(url.searchParams.get("state"), first.state);
  assert.equal(url.searchParams.get("redirect_uri"), REDIRECT);

  const landed = await redirectOf(first.authorizeUrl);
  assert.ok(landed.startsWith(`${REDIRECT}#`), landed);
  // the page Twitch redirects to makes the flow again with the kept state
  const token = flow({ state: first.state }).handleRedirect(landed);
  assert.deepEqual(token.scopes, ["user:read:email"]);
  const twitch = client({ clientSecret: undefined });
  twitch.setUserAuthentication(token.accessToken, token.scopes);
  const me = await twitch.getUsers();
  assert.equal(me.data[0].id, TWITCHDEV_ID);
  twitch.close();

  // another flow's redirect, or a forged fragment: stateMismatch, before anything else
  assert.throws(() => flow().handleRedirect(landed), { name: "TwitchError", kind: "stateMismatch" });
  assert.throws(() => first.handleRedirect(`#access_token=x&state=${"f".repeat(32)}`), {
    kind: "stateMismatch",
  });
  // the user refuses: accessDenied
  const refused = await fetch(`${MOCK_URL}/mock/oauth/faults`, {
    method: "POST",
    body: JSON.stringify({ deny_next: true }),
  });
  assert.ok(refused.ok);
  const denied = flow();
  const deniedAt = await redirectOf(denied.authorizeUrl);
  assert.throws(() => denied.handleRedirect(deniedAt), { kind: "accessDenied" });
});

test("implicit flow options are checked", () => {
  assert.throws(() => flow({ state: "short" }), { kind: "invalidArgument" });
  assert.throws(() => flow({ redirectUri: "" }), { kind: "invalidArgument" });
  assert.throws(() => flow({ forceVerify: "yes" }), { kind: "invalidArgument" });
  assert.throws(() => flow().handleRedirect(42), { kind: "invalidArgument" });
});

test("the device code flow: the code shown, pending polls, then the tokens", async () => {
  await admin("POST", "/mock/oauth/device/interval?secs=1");
  await admin("POST", "/mock/oauth/device/pending_polls?n=1");
  // a page's client: public, no secret
  const twitch = client({ clientId: "mock-public-client-id", clientSecret: undefined });
  const shown = [];
  const token = await twitch.deviceFlow(["user:read:email"], async (code) => {
    shown.push(code);
    // the user opens the page and approves
    const approved = await fetch(code.verificationUri);
    assert.ok(approved.ok, await approved.text());
  });
  assert.equal(shown.length, 1);
  assert.match(shown[0].userCode, /^[A-Z0-9]{8}$/);
  assert.ok(shown[0].expiresIn > 60);
  assert.equal(typeof token.accessToken, "string");
  assert.equal(typeof token.refreshToken, "string");
  assert.deepEqual(token.scopes, ["user:read:email"]);
  twitch.setUserAuthentication(token.accessToken, token.scopes, token.refreshToken);
  assert.equal((await twitch.getUsers()).data[0].id, TWITCHDEV_ID);

  // the user refuses: accessDenied
  const refused = twitch.deviceFlow([], () => {
    admin("POST", "/mock/oauth/device/deny");
  });
  await assert.rejects(refused, { name: "TwitchError", kind: "accessDenied" });
  await assert.rejects(twitch.deviceFlow([], "not a function"), { kind: "invalidArgument" });
  twitch.close();
});
