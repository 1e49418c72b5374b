// The package loads by name with import and require, with no init() in Node;
// the browser entry loads its .wasm once with init().
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import * as imported from "twitchapi";

const require = createRequire(import.meta.url);

test("import and require give the same ready classes", () => {
  const required = require("twitchapi");
  assert.equal(imported.Twitch, required.Twitch);
  assert.equal(imported.TwitchError, required.TwitchError);
  const twitch = new imported.Twitch({ clientId: "id" });
  assert.equal(twitch.getAppToken(), null);
  twitch.close();
});

test("every Helix method of the registry is a camelCase method", async () => {
  const dts = await readFile(require.resolve("twitchapi/package.json").replace(/package\.json$/, "twitchapi.d.ts"), "utf8");
  // typed signatures: `getUsers(params?: GetUsersParams): Promise<GetUsersAnswer>;`
  const declared = [...dts.matchAll(/^  ([a-z][A-Za-z]*)\(params\??: ([A-Z][A-Za-z]*)Params\): Promise<\2Answer>;$/gm)].map((m) => m[1]);
  assert.ok(declared.includes("getUsers") && declared.includes("createCustomReward"));
  assert.ok(declared.includes("getChannelFollowers") && declared.includes("sendChatMessage"));
  assert.ok(declared.length >= 50, `only ${declared.length} methods declared`);
  for (const name of declared) {
    assert.equal(typeof imported.Twitch.prototype[name], "function", name);
  }
});

test("the browser entry loads its .wasm once with init()", async () => {
  const pkg = require.resolve("twitchapi/package.json").replace(/package\.json$/, "");
  const web = await import(new URL("browser.mjs", `file://${pkg}`));
  assert.throws(() => new web.Twitch({ clientId: "id" }));
  const bytes = await readFile(`${pkg}web/twitchapi_wasm_bg.wasm`);
  const first = web.default(bytes);
  assert.equal(web.init(bytes), first);
  await first;
  const twitch = new web.Twitch({ clientId: "id" });
  twitch.setAppToken("token");
  assert.equal(twitch.getAppToken(), "token");
  twitch.close();
  // a separate instance from Node's: its own error class
  assert.notEqual(web.TwitchError, imported.TwitchError);
});
