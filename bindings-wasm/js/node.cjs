// The package's entry for Node's `require`: the module is loaded at once, no
// init() needed (an init() is there for code shared with browsers).
"use strict";
const glue = require("./node/twitchapi_wasm.js");
const { makeApi } = require("./api.cjs");

const { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, ready } = makeApi(glue);
ready();

/** Nothing to load in Node; for code shared with the browser entry. */
function init() {
  return Promise.resolve();
}

module.exports = { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, init, default: init };
