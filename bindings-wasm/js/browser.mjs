// The package's entry for browsers (and any ES module host with fetch):
// `await init()` once, then use `Twitch`. init() loads the .wasm next to this
// file, or what it is given (a URL, a Response, bytes, a WebAssembly.Module).
import loadWasm, * as glue from "./web/twitchapi_wasm.js";
import { makeApi } from "./api.mjs";

let loading;

/** Loads the .wasm once; later calls return the same promise. */
export default function init(input) {
  loading ??= loadWasm(input === undefined ? undefined : { module_or_path: input }).then(() =>
    ready(),
  );
  return loading;
}

const { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, ready } = makeApi(glue);
export { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, init };
