//! PubSub, as the seed uses it: listen to whispers and channel points, print
//! what arrives, unlisten, stop.
//!
//! ```text
//! cargo run -p twitchapi-examples --example pubsub
//! ```
//!
//! Twitch retired PubSub in 2025, so this runs against the embedded mock
//! Twitch server on 127.0.0.1, which also triggers a whisper and a
//! redemption so that something arrives.

use std::time::Duration;

use tokio::sync::mpsc;
use twitchapi::core::pubsub::Message;
use twitchapi::{AuthScope, PubSub, Twitch};
use twitchapi_mock::MockServer;

const TWITCHDEV: &str = "141981764";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::start().await?;
    println!("PubSub server of the mock: {}", mock.pubsub_url());
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()?;
    let scopes = [AuthScope::WhispersRead, AuthScope::ChannelReadRedemptions];
    let names: Vec<&str> = scopes.iter().map(AuthScope::as_str).collect();
    let issued = mock.issue_user_token(TWITCHDEV, &names);
    twitch.set_user_authentication(issued.access_token, scopes.to_vec(), issued.refresh_token)?;

    // the seed's usage: PubSub(twitch), start, listen_* with a callback
    let pubsub = PubSub::with_config(&twitch, mock.pubsub_url(), Default::default());
    pubsub.start()?;
    let (tx, mut arrived) = mpsc::unbounded_channel::<String>();
    let whispers = tx.clone();
    let whisper_uuid = pubsub
        .listen_whispers(TWITCHDEV, move |uuid, message| {
            if let Message::Whisper(whisper) = message {
                let _ = whispers.send(format!(
                    "[{uuid}] whisper from {}: {}",
                    whisper.data.tags.login, whisper.data.body
                ));
            }
        })
        .await?;
    let points_uuid = pubsub
        .listen_channel_points(TWITCHDEV, move |uuid, message| {
            if let Message::ChannelPoints(points) = message {
                if let Some(redemption) = &points.data.redemption {
                    let _ = tx.send(format!(
                        "[{uuid}] {} redeemed {:?}",
                        redemption.user.login, redemption.reward.title
                    ));
                }
            }
        })
        .await?;
    println!("listening to whispers ({whisper_uuid}) and channel points ({points_uuid})");

    // the mock stands in for a viewer
    mock.pubsub_whisper(TWITCHDEV, "user1", "hello there");
    mock.pubsub_channel_points_redemption(TWITCHDEV, "hydrate");
    for _ in 0..2 {
        let line = tokio::time::timeout(Duration::from_secs(10), arrived.recv())
            .await?
            .ok_or("pubsub ended")?;
        println!("{line}");
    }

    pubsub.unlisten(whisper_uuid)?;
    pubsub.unlisten(points_uuid)?;
    pubsub.stop()?;
    println!("stopped");
    Ok(())
}
