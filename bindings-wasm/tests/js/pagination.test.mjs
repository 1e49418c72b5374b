// paginate(): the async iterator walks Twitch's cursors as a hand-written
// loop would, stops at `limit`, and refuses bad options before any request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, client, count } from "./mock.mjs";

test("paginate walks every page of getStreams, and limit stops it early", async () => {
  const twitch = client();
  await twitch.authenticateApp([]);

  // by hand: the cursor of each page into the next call
  await admin("POST", "/mock/requests/clear");
  const byHand = [];
  let after;
  for (;;) {
    const page = await twitch.getStreams(after ? { first: 7, after } : { first: 7 });
    byHand.push(...page.data.map((s) => s.id));
    after = page.pagination?.cursor;
    if (!after || page.data.length === 0) {
      break;
    }
  }
  const pagesByHand = await count("method=GET&path=/helix/streams");
  assert.ok(pagesByHand >= 2, "the mock's streams span several pages");

  await admin("POST", "/mock/requests/clear");
  const walked = [];
  for await (const stream of twitch.paginate("getStreams", { first: 7 })) {
    walked.push(stream.id);
    assert.equal(typeof stream.userLogin, "string", "items arrive camelCase");
  }
  assert.deepEqual(walked, byHand);
  assert.equal(new Set(walked).size, walked.length);
  assert.equal(await count("method=GET&path=/helix/streams"), pagesByHand);

  await admin("POST", "/mock/requests/clear");
  const limited = [];
  for await (const stream of twitch.paginate("get_streams", { first: 5 }, { limit: 9 })) {
    limited.push(stream.id);
  }
  assert.deepEqual(limited, byHand.slice(0, 9));
  assert.equal(await count("method=GET&path=/helix/streams"), 2, "no page beyond the limit");

  // leaving the loop early ends the walk
  await admin("POST", "/mock/requests/clear");
  for await (const stream of twitch.paginate("getStreams", { first: 3 })) {
    assert.ok(stream.id);
    break;
  }
  assert.equal(await count("method=GET&path=/helix/streams"), 1);
  twitch.close();
});

test("paginate refuses bad parameters before any request", async () => {
  const twitch = client();
  await twitch.authenticateApp([]);
  await admin("POST", "/mock/requests/clear");
  const first = (iterator) => iterator[Symbol.asyncIterator]().next();
  await assert.rejects(first(twitch.paginate("getStreams", { first: 5 }, { limit: -1 })), {
    name: "TwitchError",
    kind: "invalidArgument",
  });
  await assert.rejects(first(twitch.paginate("getStreams", [])), { kind: "invalidArgument" });
  await assert.rejects(first(twitch.paginate("getStreams", { first: 500 })), {
    kind: "invalidArgument",
  });
  assert.equal(await count("method=GET&path=/helix/streams"), 0);
  twitch.close();
});
