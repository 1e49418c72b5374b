// The overlay: signs in with Twitch's implicit flow, then shows the
// channel's follower count and live status, and every channel-points
// redemption as EventSub delivers it over WebSocket.
//
// Settings come from the page's query string:
//   clientId  your application's client id (required)
//   mock      base URL of a twitchapi mock server: Helix, OAuth and EventSub
//             are then all taken from it (leave it out for Twitch)
// The token is kept in this tab's sessionStorage, never in the URL.
import init, { Twitch, ImplicitFlow, EventSubWs } from "twitchapi";

const SCOPES = ["channel:read:redemptions"];
const $ = (id) => document.getElementById(id);

function settings() {
  const query = new URLSearchParams(location.search);
  const clientId = query.get("clientId");
  if (!clientId) {
    throw new Error("add ?clientId=<your client id> to the page's URL");
  }
  const mock = query.get("mock");
  return {
    clientId,
    helixUrl: mock ? `${mock}/helix` : undefined,
    authUrl: mock ?? undefined,
    eventSubUrl: mock ? `${mock.replace(/^http/, "ws")}/eventsub/ws` : undefined,
    // Twitch sends the browser back here, query included, so the settings survive
    redirectUri: location.origin + location.pathname + location.search,
  };
}

function status(text, state) {
  $("status").textContent = text;
  if (state) {
    $("overlay").dataset.state = state;
  }
}

/** The token from Twitch's redirect, the one kept in this tab, or null. */
function token(config) {
  if (location.hash.length > 1) {
    // the state this tab sent Twitch; none kept: a fresh one, which no redirect matches
    const state = sessionStorage.getItem("twitchapi.state") ?? undefined;
    const flow = new ImplicitFlow({ ...config, state });
    sessionStorage.removeItem("twitchapi.state");
    // the fragment leaves the address bar at once, whatever it held
    const href = location.href;
    history.replaceState(null, "", location.pathname + location.search);
    const got = flow.handleRedirect(href);
    sessionStorage.setItem("twitchapi.token", JSON.stringify(got));
    return got;
  }
  const kept = sessionStorage.getItem("twitchapi.token");
  return kept ? JSON.parse(kept) : null;
}

function signIn(config) {
  $("signin").hidden = false;
  status("Not connected", "signin");
  $("connect").addEventListener("click", () => {
    const flow = new ImplicitFlow({ ...config, scopes: SCOPES });
    sessionStorage.setItem("twitchapi.state", flow.state);
    location.assign(flow.authorizeUrl);
  });
}

function showLive(live) {
  $("live").dataset.live = String(live);
  $("live").textContent = live ? "LIVE" : "offline";
}

function showRedemption(event) {
  const item = document.createElement("li");
  item.className = "redemption";
  item.dataset.id = event.id;
  const input = event.userInput ? `: “${event.userInput}”` : "";
  item.textContent = `${event.userName} redeemed ${event.reward.title}${input}`;
  $("redemptions").prepend(item);
  while ($("redemptions").children.length > 5) {
    $("redemptions").lastElementChild.remove();
  }
}

async function run() {
  await init();
  const config = settings();
  const auth = token(config);
  if (!auth) {
    signIn(config);
    return;
  }
  status("Connecting…", "connecting");
  const twitch = new Twitch({ clientId: config.clientId, helixUrl: config.helixUrl, authUrl: config.authUrl });
  twitch.setUserAuthentication(auth.accessToken, auth.scopes);
  const me = (await twitch.getUsers()).data[0];
  $("name").textContent = me.displayName;
  $("channel").hidden = false;

  // the follower count needs no scope; listing followers would
  const [followers, streams] = await Promise.all([
    twitch.getChannelFollowers({ broadcasterId: me.id, first: 1 }),
    twitch.getStreams({ userId: [me.id] }),
  ]);
  $("followers").textContent = String(followers.total);
  showLive(streams.data.length > 0);

  const eventsub = new EventSubWs(twitch, { url: config.eventSubUrl });
  const condition = { broadcasterUserId: me.id };
  await Promise.all([
    eventsub.listenChannelChannelPointsCustomRewardRedemptionAdd(condition, showRedemption),
    eventsub.listenStreamOnline(condition, () => showLive(true)),
    eventsub.listenStreamOffline(condition, () => showLive(false)),
  ]);
  status("Listening for redemptions", "ready");
  addEventListener("pagehide", () => {
    eventsub.stop();
    twitch.close();
  });
}

run().catch((error) => {
  status(`${error.name}${error.kind ? ` (${error.kind})` : ""}: ${error.message}`, "error");
  console.error(error);
});
