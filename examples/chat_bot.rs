//! A chat bot over EventSub: reads a channel's chat (`channel.chat.message`
//! over the WebSocket transport) and answers `!ping` with Send Chat Message.
//!
//! ```text
//! cargo run -p twitchapi-examples --example chat_bot
//! ```
//!
//! With `TWITCH_CLIENT_ID`, `TWITCH_USER_TOKEN` (scopes `user:read:chat` and
//! `user:write:chat`), `TWITCH_BOT_ID` (the token's user) and
//! `TWITCH_BROADCASTER_ID` set it joins that chat on Twitch and runs until
//! Ctrl-C. Without them it runs against the embedded mock Twitch server,
//! which plays a viewer typing `!ping` and then shows the bot's answer.

use std::time::Duration;

use serde_json::json;
use tokio::sync::mpsc;
use twitchapi::core::eventsub::types::ChannelChatMessageV1Condition;
use twitchapi::core::eventsub::ws::WsConfig;
use twitchapi::eventsub::EventSubWebSocket;
use twitchapi::helix::chat::SendChatMessage;
use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::MockServer;

const TWITCHDEV: &str = "141981764";

struct Setup {
    twitch: Twitch,
    ws_url: String,
    bot_id: String,
    broadcaster_id: String,
    mock: Option<MockServer>,
}

async fn setup() -> Result<Setup, Box<dyn std::error::Error>> {
    let scopes = vec![AuthScope::UserReadChat, AuthScope::UserWriteChat];
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let (Some(client_id), Some(token), Some(bot_id), Some(broadcaster_id)) = (
        env("TWITCH_CLIENT_ID"),
        env("TWITCH_USER_TOKEN"),
        env("TWITCH_BOT_ID"),
        env("TWITCH_BROADCASTER_ID"),
    ) {
        let twitch = Twitch::new(client_id, env("TWITCH_CLIENT_SECRET").unwrap_or_default());
        twitch.set_auto_refresh_auth(false);
        twitch.set_user_authentication(token, scopes, None)?;
        return Ok(Setup {
            twitch,
            ws_url: twitchapi::core::eventsub::ws::EVENTSUB_WS_URL.into(),
            bot_id,
            broadcaster_id,
            mock: None,
        });
    }
    let mock = MockServer::start().await?;
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()?;
    let names: Vec<&str> = scopes.iter().map(AuthScope::as_str).collect();
    let issued = mock.issue_user_token(TWITCHDEV, &names);
    twitch.set_user_authentication(issued.access_token, scopes, issued.refresh_token)?;
    Ok(Setup {
        twitch,
        ws_url: mock.eventsub_ws_url(),
        bot_id: TWITCHDEV.into(),
        broadcaster_id: TWITCHDEV.into(),
        mock: Some(mock),
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let setup = setup().await?;
    let twitch = setup.twitch.clone();
    let mut config = WsConfig::default();
    config.url = setup.ws_url.clone();
    let eventsub = EventSubWebSocket::with_config(&twitch, config);

    // every chat message of the channel, as read by the bot's user
    let (pings, mut todo) = mpsc::unbounded_channel();
    let condition = ChannelChatMessageV1Condition::new(&setup.broadcaster_id, &setup.bot_id);
    let id = eventsub
        .listen_channel_chat_message(condition, move |n| {
            println!("{}: {}", n.event.chatter_user_login, n.event.message.text);
            if n.event.message.text.trim() == "!ping" {
                let _ = pings.send(n.event.message_id.clone());
            }
        })
        .await?;
    println!("reading chat (subscription {id})");

    let answer = |reply_to: String| {
        let mut message = SendChatMessage::new(&setup.broadcaster_id, &setup.bot_id, "pong");
        message.reply_parent_message_id = Some(reply_to);
        message
    };
    match &setup.mock {
        Some(mock) => {
            // the mock plays a viewer typing !ping
            let mut event = mock_chat_message(&setup.broadcaster_id, "!ping");
            event["message_id"] = json!("cc106a89-1814-919d-454c-f4f2f970aae7");
            mock.eventsub_trigger_event("channel.chat.message", "1", event)
                .await;
            let reply_to = tokio::time::timeout(Duration::from_secs(10), todo.recv())
                .await?
                .ok_or("the chat subscription ended")?;
            let sent = twitch.request(&answer(reply_to)).await?;
            let sent = &sent.data[0];
            println!(
                "answered pong (sent: {}, id {})",
                sent.is_sent, sent.message_id
            );
            eventsub.stop().await;
        }
        None => loop {
            tokio::select! {
                reply_to = todo.recv() => {
                    let Some(reply_to) = reply_to else { break };
                    match twitch.request(&answer(reply_to)).await {
                        Ok(sent) if sent.data.first().is_some_and(|s| s.is_sent) => println!("answered pong"),
                        Ok(sent) => println!("pong was dropped: {:?}", sent.data.first().and_then(|s| s.drop_reason.clone())),
                        Err(error) => println!("could not answer: {error}"),
                    }
                }
                _ = tokio::signal::ctrl_c() => {
                    eventsub.stop().await;
                    break;
                }
            }
        },
    }
    Ok(())
}

/// A chat message event as Twitch documents it, from a viewer of `broadcaster_id`.
fn mock_chat_message(broadcaster_id: &str, text: &str) -> serde_json::Value {
    json!({
        "broadcaster_user_id": broadcaster_id,
        "broadcaster_user_login": "twitchdev",
        "broadcaster_user_name": "TwitchDev",
        "chatter_user_id": "4145994",
        "chatter_user_login": "viewer32",
        "chatter_user_name": "viewer32",
        "message_id": "",
        "message": {"text": text, "fragments": [{"type": "text", "text": text, "cheermote": null, "emote": null, "mention": null}]},
        "color": "#00FF7F",
        "badges": [],
        "message_type": "text",
        "cheer": null,
        "reply": null,
        "channel_points_custom_reward_id": null
    })
}
