//! EventSub over the WebSocket transport: listen to `stream.online` and to
//! channel-point redemptions, print them as they arrive.
//!
//! ```text
//! cargo run -p twitchapi-examples --example eventsub_ws
//! ```
//!
//! With `TWITCH_CLIENT_ID`, `TWITCH_USER_TOKEN` (scope
//! `channel:read:redemptions`) and `TWITCH_BROADCASTER_ID` (the token's user)
//! set it listens on Twitch until Ctrl-C. Without them it runs against the
//! embedded mock Twitch server, which triggers one event of each type, asks
//! the client to reconnect (`session_reconnect`), and triggers again.

use std::time::Duration;

use tokio::sync::mpsc;
use twitchapi::core::eventsub::types::{
    ChannelChannelPointsCustomRewardRedemptionAddV1Condition, StreamOnlineV1Condition,
};
use twitchapi::core::eventsub::ws::WsConfig;
use twitchapi::eventsub::EventSubWebSocket;
use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::MockServer;

const TWITCHDEV: &str = "141981764";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scopes = vec![AuthScope::ChannelReadRedemptions];
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let real = match (
        env("TWITCH_CLIENT_ID"),
        env("TWITCH_USER_TOKEN"),
        env("TWITCH_BROADCASTER_ID"),
    ) {
        (Some(id), Some(token), Some(broadcaster)) => Some((id, token, broadcaster)),
        _ => None,
    };
    let mock = match real {
        Some(_) => None,
        None => Some(MockServer::start().await?),
    };
    let (twitch, url, broadcaster) = match (&real, &mock) {
        (Some((id, token, broadcaster)), _) => {
            let twitch = Twitch::new(id, env("TWITCH_CLIENT_SECRET").unwrap_or_default());
            twitch.set_auto_refresh_auth(false);
            twitch.set_user_authentication(token, scopes, None)?;
            let url = twitchapi::core::eventsub::ws::EVENTSUB_WS_URL.to_owned();
            (twitch, url, broadcaster.clone())
        }
        (None, Some(mock)) => {
            let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            let names: Vec<&str> = scopes.iter().map(AuthScope::as_str).collect();
            let issued = mock.issue_user_token(TWITCHDEV, &names);
            twitch.set_user_authentication(issued.access_token, scopes, issued.refresh_token)?;
            (twitch, mock.eventsub_ws_url(), TWITCHDEV.to_owned())
        }
        (None, None) => unreachable!("either credentials or the mock"),
    };
    let mut config = WsConfig::default();
    config.url = url;
    let eventsub = EventSubWebSocket::with_config(&twitch, config);

    let (tx, mut arrived) = mpsc::unbounded_channel::<String>();
    let online = tx.clone();
    eventsub
        .listen_stream_online(StreamOnlineV1Condition::new(&broadcaster), move |n| {
            let _ = online.send(format!(
                "{} went live ({:?})",
                n.event.broadcaster_user_login, n.event.kind
            ));
        })
        .await?;
    eventsub
        .listen_channel_channel_points_custom_reward_redemption_add(
            ChannelChannelPointsCustomRewardRedemptionAddV1Condition::new(&broadcaster),
            move |n| {
                let _ = tx.send(format!(
                    "{} redeemed {:?}",
                    n.event.user_login, n.event.reward.title
                ));
            },
        )
        .await?;
    println!("listening over {} connection(s)", eventsub.connections());

    let Some(mock) = &mock else {
        while let Some(line) = arrived.recv().await {
            println!("{line}");
        }
        return Ok(());
    };
    let redemption = "channel.channel_points_custom_reward_redemption.add";
    for round in 0..2 {
        if round == 1 {
            // Twitch moving the session: the client follows, nothing is lost
            mock.eventsub_reconnect();
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        mock.eventsub_trigger("stream.online", "1").await;
        mock.eventsub_trigger(redemption, "1").await;
        for _ in 0..2 {
            let line = tokio::time::timeout(Duration::from_secs(10), arrived.recv())
                .await?
                .ok_or("eventsub ended")?;
            println!("{line}");
        }
    }
    eventsub.stop().await;
    println!("stopped (subscriptions deleted)");
    Ok(())
}
