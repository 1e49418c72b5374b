// Compiled (never run) by scripts/test-npm with `tsc -p bindings-wasm/tests/types`:
// what the declarations let through, and (each `@ts-expect-error`) what they
// must refuse. A declaration that turns loose (any, a lost field, a wrong
// type) fails here.
import init, {
  EventSubWs,
  HelixMachine,
  ImplicitFlow,
  PubSub,
  Twitch,
  TwitchError,
  type AuthScope,
  type HelixMachineEvent,
} from "twitchapi";

async function helix(twitch: Twitch): Promise<void> {
  const users = await twitch.getUsers({ logins: ["twitchdev"] });
  const name: string = users.data[0].displayName;
  const views: number = users.data[0].viewCount;
  // @ts-expect-error a user has no such field
  users.data[0].followerCount;
  // @ts-expect-error the parameter is `logins`, a list
  await twitch.getUsers({ login: "twitchdev" });
  // @ts-expect-error broadcasterId is required
  await twitch.getChannelFollowers({ first: 1 });
  const followers = await twitch.getChannelFollowers({ broadcasterId: "1", first: 1 });
  const total: number | undefined = followers.total;
  const streams = await twitch.getStreams({ first: 5, userLogin: ["a"] });
  const viewers: number = streams.data[0].viewerCount;
  const cursor: string | undefined = streams.pagination?.cursor;
  // @ts-expect-error first is a number
  await twitch.getStreams({ first: "5" });
  // @ts-expect-error the period is one of Twitch's values
  await twitch.getBitsLeaderboard({ period: "decade" });
  const none: null = await twitch.deleteCustomReward({ broadcasterId: "1", rewardId: "2" });
  const reward = await twitch.createCustomReward({ broadcasterId: "1", title: "Hydrate", cost: 100 });
  const sent = await twitch.sendChatMessage({ broadcasterId: "1", senderId: "2", message: "hi" });
  const isSent: boolean = sent.data[0].isSent;
  for await (const stream of twitch.paginate("getStreams", { first: 100 })) {
    const login: string = stream.userLogin;
  }
  const byName = await twitch.call("getGames", { names: ["Fortnite"] });
  const gameName: string = byName.data[0].name;
  void [name, views, total, viewers, cursor, none, reward, isSent, gameName];
}

function scopes(twitch: Twitch): void {
  const scope: AuthScope = "channel:read:redemptions";
  twitch.setUserAuthentication("token", [scope, "user:read:email"], "refresh");
  // @ts-expect-error not a scope
  twitch.setUserAuthentication("token", ["channel:read:everything"]);
  const granted: AuthScope[] = twitch.getUserAuthScope();
  void granted;
}

async function eventsub(twitch: Twitch): Promise<void> {
  const ws = new EventSubWs(twitch);
  await ws.listenChannelChannelPointsCustomRewardRedemptionAdd({ broadcasterUserId: "1" }, (event, info) => {
    const title: string = event.reward.title;
    const user: string = event.userName;
    const id: string = info.messageId;
    // @ts-expect-error a redemption has no such field
    event.bitsUsed;
    void [title, user, id];
  });
  await ws.listenChannelFollow({ broadcasterUserId: "1", moderatorUserId: "1" }, (event) => {
    const login: string = event.userLogin;
    void login;
  });
  await ws.stop();
  const pubsub = new PubSub(twitch);
  await pubsub.listenChannelPoints("1", (uuid, data) => void [uuid, data]);
}

function machines(): void {
  const m = new HelixMachine({ clientId: "id", now: 0 });
  const call: number = m.call("getUsers", { userIds: ["1"] }, 0);
  // @ts-expect-error a machine call needs the time
  m.call("getUsers", {});
  const t = m.pollTransmit();
  if (t) {
    m.handleResponse(t.id, { status: 200, headers: [["content-type", "application/json"]], body: "{}" }, 1);
  }
  const e: HelixMachineEvent | undefined = m.pollEvent();
  if (e?.type === "failed") {
    const kind: string = e.error.kind;
    void kind;
  }
  void call;
}

function errors(error: unknown): void {
  if (error instanceof TwitchError && error.kind === "missingScope") {
    const required: AuthScope[] | undefined = error.required;
    void required;
  }
  // @ts-expect-error not a kind
  const wrong: TwitchError["kind"] = "teapot";
  void wrong;
}

async function pages(): Promise<void> {
  await init();
  const flow = new ImplicitFlow({ clientId: "id", redirectUri: "http://127.0.0.1/", scopes: ["user:read:email"] });
  const { accessToken, scopes } = flow.handleRedirect(location.href);
  const first: AuthScope | undefined = scopes[0];
  void [accessToken, first];
}

void [helix, scopes, eventsub, machines, errors, pages];
