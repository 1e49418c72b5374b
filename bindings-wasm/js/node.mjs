// The package's entry for Node's `import`: the same instance as `require`
// (so one TwitchError class), ready with no init() call.
import api from "./node.cjs";

export const { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, init } = api;
export default init;
