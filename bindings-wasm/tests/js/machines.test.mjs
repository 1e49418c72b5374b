// The sans-IO machines with a transport of the test's own: fetch for the
// HelixMachine's requests, the host's WebSocket for EventSubWsMachine and
// PubSubMachine, against the mock; and on a virtual clock with no I/O.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HelixMachine, EventSubWsMachine, PubSubMachine, TwitchError } from "twitchapi";
import { admin, CLIENT_ID, CLIENT_SECRET, MOCK_URL, TWITCHDEV_ID, userToken } from "./mock.mjs";

const now = () => performance.now();

/** Sends every request the machine has, with fetch; resolves when all are answered. */
async function sendAll(helix) {
  const pending = [];
  for (let t = helix.pollTransmit(); t !== undefined; t = helix.pollTransmit()) {
    pending.push(
      fetch(t.url, { method: t.method, headers: t.headers, body: t.body ?? undefined })
        .then(async (r) => helix.handleResponse(t.id, { status: r.status, headers: r.headers, body: await r.text() }, now()))
        .catch((error) => helix.handleTransportError(t.id, error, now())),
    );
  }
  await Promise.all(pending);
  return pending.length;
}

function drain(machine) {
  const out = [];
  for (let e = machine.pollEvent(); e !== undefined; e = machine.pollEvent()) {
    out.push(e);
  }
  return out;
}

/** Opens, feeds and closes the sockets a machine asks for. */
function socketsFor(machine) {
  const open = new Map();
  return function pump() {
    for (let t = machine.pollTransmit(); t !== undefined; t = machine.pollTransmit()) {
      if (t.type === "connect") {
        const ws = new WebSocket(t.url);
        open.set(t.socket, ws);
        ws.onopen = () => machine.handleConnected(t.socket, now());
        ws.onmessage = (m) => machine.handleText(t.socket, String(m.data), now());
        ws.onclose = (c) => {
          open.delete(t.socket);
          machine.handleClosed(t.socket, ...(machine instanceof EventSubWsMachine ? [c.code, now()] : [now()]));
        };
      } else if (t.type === "send") {
        open.get(t.socket)?.send(t.text);
      } else if (t.type === "close") {
        // the machine closed it: nothing more of it goes back in
        const ws = open.get(t.socket);
        if (ws) {
          ws.onopen = ws.onmessage = ws.onclose = null;
          ws.close();
        }
        open.delete(t.socket);
      }
    }
    return open;
  };
}

async function until(check, what, step) {
  for (let i = 0; i < 200; i += 1) {
    await step?.();
    if (check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test("HelixMachine over the test's own fetch: app token, calls, answers, errors", async () => {
  const helix = new HelixMachine({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, helixUrl: `${MOCK_URL}/helix`, authUrl: MOCK_URL, now: now() });
  const command = helix.authenticateApp([], now());
  assert.equal(await sendAll(helix), 1, "the client credentials grant");
  const ready = drain(helix);
  assert.deepEqual(ready.map((e) => e.type), ["tokenRefreshed", "ready"]);
  assert.equal(ready[1].call, command);

  const users = helix.call("getUsers", { userIds: [TWITCHDEV_ID] }, now());
  const streams = helix.call("get_streams", { first: 2 }, now());
  // a user-token method with only an app token: refused before anything is queued
  assert.throws(() => helix.call("deleteCustomReward", { broadcasterId: TWITCHDEV_ID, rewardId: "x" }, now()), { kind: "unauthorized" });
  assert.equal(helix.callsInProgress, 2);
  assert.equal(await sendAll(helix), 2, "both calls go out at once");
  const events = drain(helix);
  const byCall = new Map(events.map((e) => [e.call, e]));
  assert.equal(byCall.get(users).type, "answer");
  assert.equal(byCall.get(users).result.data[0].login, "twitchdev");
  assert.equal(byCall.get(streams).result.data.length, 2);
  assert.equal(typeof byCall.get(streams).result.data[0].viewerCount, "number", "keys camelCase");
  assert.equal(helix.callsInProgress, 0);
  assert.throws(() => helix.call("getStreams", { first: 0 }, now()), (e) => e instanceof TwitchError && e.kind === "invalidArgument");
  assert.throws(() => helix.call("getUsers", {}, "soon"), { kind: "invalidArgument" });
  assert.equal(helix.pollTransmit(), undefined, "nothing queued by a refused call");
  helix.free();
});

test("HelixMachine on a virtual clock: a 429 waits until the reset, with no I/O", () => {
  let clock = 0;
  const helix = new HelixMachine({ clientId: "cid", helixUrl: "http://127.0.0.1:9/helix", authUrl: "http://127.0.0.1:9", now: clock });
  helix.setAppToken("app-token", [], clock);
  const call = helix.call("getStreams", {}, clock);
  const first = helix.pollTransmit();
  assert.equal(first.url, "http://127.0.0.1:9/helix/streams?first=20");
  assert.ok(first.headers.some(([k, v]) => k === "authorization" && v === "Bearer app-token"));
  const limited = {
    status: 429,
    headers: { date: "Sun, 06 Nov 1994 08:49:37 GMT", "ratelimit-limit": "800", "ratelimit-remaining": "0", "ratelimit-reset": "784111782" },
    body: '{"error":"Too Many Requests","status":429,"message":"slow down"}',
  };
  helix.handleResponse(first.id, limited, clock);
  assert.equal(helix.pollTransmit(), undefined, "it waits");
  const due = helix.pollTimeout();
  assert.ok(due >= 5000 && due <= 5600, `5 s after the answer's Date: ${due}`);
  clock = due;
  helix.handleTimeout(clock);
  const again = helix.pollTransmit();
  assert.ok(again, "sent again at the reset");
  helix.handleResponse(again.id, { status: 200, headers: [["content-type", "application/json"]], body: '{"data":[],"pagination":{}}' }, clock);
  assert.deepEqual(drain(helix), [{ type: "answer", call, result: { data: [], pagination: {} } }]);
  assert.throws(() => helix.handleResponse(again.id, { status: 200 }, clock), { kind: "notFound" });
  helix.free();
});

test("EventSubWsMachine over the test's own WebSocket: created through the HelixMachine, a notification arrives", async () => {
  const { accessToken, refreshToken } = await userToken("moderator:read:followers");
  const helix = new HelixMachine({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, helixUrl: `${MOCK_URL}/helix`, authUrl: MOCK_URL, now: now() });
  helix.setUserAuthentication(accessToken, ["moderator:read:followers"], refreshToken, now());
  const eventsub = new EventSubWsMachine(helix, { url: `${MOCK_URL.replace(/^http/, "ws")}/eventsub/ws`, now: now() });
  const handle = eventsub.listen("channel.follow", "2", { broadcasterUserId: TWITCHDEV_ID, moderatorUserId: TWITCHDEV_ID }, now());
  const pump = socketsFor(eventsub);
  const seen = [];
  const step = async () => {
    pump();
    await sendAll(helix);
    seen.push(...drain(eventsub));
  };
  await until(() => seen.some((e) => e.type === "subscribed"), "the subscription", step);
  const subscribed = seen.find((e) => e.type === "subscribed");
  assert.equal(subscribed.uuid, handle);
  assert.equal(drain(helix).length, 0, "the create's answer went to the EventSub machine");
  const sent = await fetch(`${MOCK_URL}/mock/eventsub/trigger`, { method: "POST", body: JSON.stringify({ type: "channel.follow", version: "2" }) });
  assert.equal((await sent.json()).count, 1);
  await until(() => seen.some((e) => e.type === "notification"), "the notification", step);
  const notification = seen.find((e) => e.type === "notification");
  assert.equal(notification.uuid, handle);
  assert.equal(notification.event.broadcasterUserId, TWITCHDEV_ID);
  assert.ok(eventsub.pollTimeout() > now(), "the keepalive deadline, on the caller's clock");
  eventsub.stop(now());
  await until(() => pump().size === 0, "the socket closed", step);
  const left = await (await fetch(`${MOCK_URL}/mock/eventsub/subscriptions`)).json();
  assert.equal(left.filter((s) => s.status === "enabled").length, 0, "stop deleted it through the HelixMachine");
  eventsub.free();
  helix.free();
});

test("PubSubMachine over the test's own WebSocket: LISTEN with the HelixMachine's token, a message arrives", async () => {
  const { accessToken, refreshToken } = await userToken("channel:read:redemptions");
  const helix = new HelixMachine({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, helixUrl: `${MOCK_URL}/helix`, authUrl: MOCK_URL, now: now() });
  helix.setUserAuthentication(accessToken, ["channel:read:redemptions"], refreshToken, now());
  const pubsub = new PubSubMachine(helix, { url: `${MOCK_URL.replace(/^http/, "ws")}/pubsub` });
  pubsub.start(now());
  const uuid = pubsub.listen("listenChannelPoints", [TWITCHDEV_ID], now());
  assert.throws(() => pubsub.listen("listenWhispers", [TWITCHDEV_ID], now()), { kind: "missingScope" });
  const pump = socketsFor(pubsub);
  const seen = [];
  const step = async () => {
    pump();
    seen.push(...drain(pubsub));
  };
  await until(() => seen.some((e) => e.type === "listening"), "the LISTEN confirmed", step);
  await admin("POST", `/mock/pubsub/channel_points?channel_id=${TWITCHDEV_ID}&title=Hydrate`);
  await until(() => seen.some((e) => e.type === "message"), "the redemption", step);
  const message = seen.find((e) => e.type === "message");
  assert.equal(message.uuid, uuid);
  assert.equal(message.topic, `channel-points-channel-v1.${TWITCHDEV_ID}`);
  assert.equal(message.data.data.redemption.reward.title, "Hydrate");
  pubsub.stop(now());
  await until(() => pump().size === 0, "the socket closed", step);
  pubsub.free();
  helix.free();
});
