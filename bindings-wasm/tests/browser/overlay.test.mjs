// End to end in a real browser: examples/overlay, served on 127.0.0.1 with
// the built package, in Debian's headless Chromium driven by playwright-core,
// against the mock Twitch server (TWITCHAPI_MOCK_URL, from scripts/with-mock).
// The page loads the package with no bundler, signs in through the implicit
// flow's redirect, shows the follower count and live status, and shows a
// redemption the mock sends through EventSub. Screenshots go to
// TWITCHAPI_TEST_OUTPUT (default target/browser-tests).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../../examples/overlay/serve.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MOCK_URL = process.env.TWITCHAPI_MOCK_URL;
const OUTPUT = resolve(ROOT, process.env.TWITCHAPI_TEST_OUTPUT ?? "target/browser-tests");
const CLIENT_ID = "mock-client-id";
const TWITCHDEV_ID = "141981764";
assert.ok(MOCK_URL, "TWITCHAPI_MOCK_URL names the mock server (scripts/test-browser sets it)");

let site;
let browser;

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  site = await serve({ packageDir: resolve(ROOT, process.env.TWITCHAPI_PACKAGE ?? "bindings-wasm/pkg") });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function mock(method, path, body) {
  const response = await fetch(MOCK_URL + path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text === "" ? null : JSON.parse(text);
}

/** A Helix GET as twitchdev, from Node: what the page should show. */
async function helix(path) {
  const token = await mock("POST", `/mock/users/${TWITCHDEV_ID}/token?scopes=`);
  const response = await fetch(`${MOCK_URL}/helix/${path}`, {
    headers: { authorization: `Bearer ${token.access_token}`, "client-id": CLIENT_ID },
  });
  assert.equal(response.status, 200);
  return response.json();
}

/** A page that fails the test on any uncaught error or failed request. */
async function newPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems };
}

function overlayUrl() {
  return `${site.url}?clientId=${CLIENT_ID}&mock=${encodeURIComponent(MOCK_URL)}`;
}

test("the overlay signs in, shows followers and live status, and shows a redemption as it arrives", async () => {
  const { page, problems } = await newPage();
  await page.goto(overlayUrl());
  // no token yet: the page offers Twitch's sign-in
  await page.locator('#overlay[data-state="signin"]').waitFor();
  await page.click("#connect");
  // the mock's authorize page redirects back with the token in the fragment
  await page.locator('#overlay[data-state="ready"], #overlay[data-state="error"]').waitFor();
  assert.equal(await page.textContent("#status"), "Listening for redemptions");
  const landed = new URL(page.url());
  assert.equal(landed.hash, "", "the token left the address bar");
  assert.equal(landed.searchParams.get("clientId"), CLIENT_ID, "the settings survived the redirect");

  const [user, follows, streams] = await Promise.all([
    helix(`users?id=${TWITCHDEV_ID}`),
    helix(`channels/followers?broadcaster_id=${TWITCHDEV_ID}&first=1`),
    helix(`streams?user_id=${TWITCHDEV_ID}`),
  ]);
  assert.equal(await page.textContent("#name"), user.data[0].display_name);
  assert.equal(await page.textContent("#followers"), String(follows.total));
  const live = streams.data.length > 0;
  assert.equal(await page.getAttribute("#live", "data-live"), String(live));

  const event = {
    id: "5b8f3d0e-8a47-4c55-9b0f-5f0b7a1f6c21",
    broadcaster_user_id: TWITCHDEV_ID,
    broadcaster_user_login: user.data[0].login,
    broadcaster_user_name: user.data[0].display_name,
    user_id: "9001",
    user_login: "cooler_user",
    user_name: "Cooler_User",
    user_input: "water please",
    status: "unfulfilled",
    reward: { id: "92af127c-7326-4483-a52b-b0da0be61c01", title: "Hydrate", cost: 100, prompt: "Drink water" },
    redeemed_at: "2026-12-01T20:00:00.17106713Z",
  };
  const sent = await mock("POST", "/mock/eventsub/trigger", {
    type: "channel.channel_points_custom_reward_redemption.add",
    version: "1",
    event,
  });
  assert.equal(sent.count, 1, "the page's subscription is the one the mock delivered to");
  const shown = page.locator(`#redemptions li[data-id="${event.id}"]`);
  await shown.waitFor();
  assert.equal(await shown.textContent(), "Cooler_User redeemed Hydrate: “water please”");

  // the live status follows stream.online / stream.offline
  const flip = live ? "stream.offline" : "stream.online";
  assert.equal((await mock("POST", "/mock/eventsub/trigger", { type: flip, version: "1" })).count, 1);
  await page.locator(`#live[data-live="${String(!live)}"]`).waitFor();

  await page.screenshot({ path: resolve(OUTPUT, "overlay.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the overlay refuses a redirect whose state is not the one it sent", async () => {
  const { page } = await newPage();
  // a forged fragment, as if another site sent the browser here with its token
  await page.goto(`${overlayUrl()}#access_token=forged&scope=&state=${"0".repeat(32)}&token_type=bearer`);
  await page.locator('#overlay[data-state="error"]').waitFor();
  assert.match(await page.textContent("#status"), /^TwitchError \(stateMismatch\)/);
  assert.equal(new URL(page.url()).hash, "", "the forged token left the address bar too");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("twitchapi.token")), null);
  await page.screenshot({ path: resolve(OUTPUT, "overlay-state-mismatch.png") });
  await page.close();
});

test("the overlay's server refuses bad paths and keeps serving", async () => {
  for (const path of ["%ZZ", "twitchapi/%2e%2e/%2e%2e/Cargo.toml", "..%2f..%2fCargo.toml", "nothing-here.js"]) {
    // a server that chokes on the path never answers: fail in 5 s rather than hang
    const response = await fetch(site.url + path, { signal: AbortSignal.timeout(5000) });
    assert.equal(response.status, 404, path);
  }
  const page = await fetch(site.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>twitchapi overlay<\/title>/);
  const wasm = await fetch(`${site.url}twitchapi/web/twitchapi_wasm_bg.wasm`);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
});
