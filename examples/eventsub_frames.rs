//! EventSub frames read by a WebSocket transport of your own: the core's
//! readers turn text frames into the session's messages (`Message::parse`)
//! and a notification straight into its typed events, in one pass
//! (`TypedNotification::parse`). Here the transport is tokio-tungstenite and
//! the peer the embedded mock Twitch server; the subscription is created
//! through the Helix client.
//!
//! ```text
//! cargo run -p twitchapi-examples --example eventsub_frames
//! ```

use std::time::Duration;

use futures::StreamExt;
use tokio_tungstenite::tungstenite::Message as Frame;
use twitchapi::core::eventsub::types::EventSubEvent;
use twitchapi::core::eventsub::ws::{Message, TypedNotification};
use twitchapi::core::helix::eventsub::{CreateEventSubSubscription, TransportRequest};
use twitchapi::Twitch;
use twitchapi_mock::MockServer;

const TWITCHDEV: &str = "141981764";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::start().await?;
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()?;
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    twitch.set_user_authentication(issued.access_token, vec![], issued.refresh_token)?;

    let (mut socket, _) = tokio_tungstenite::connect_async(mock.eventsub_ws_url()).await?;
    let mut next_text = async || -> Result<String, Box<dyn std::error::Error>> {
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(10), socket.next())
                .await?
                .ok_or("the socket closed")??;
            if let Frame::Text(text) = frame {
                return Ok(text.as_str().to_owned());
            }
        }
    };

    // the welcome names the session the subscription is created for
    let session_id = loop {
        if let Message::Welcome { session_id, .. } = Message::parse(&next_text().await?)? {
            break session_id;
        }
    };
    println!("session {session_id}");
    let create = CreateEventSubSubscription::new(
        "stream.online",
        "1",
        serde_json::json!({ "broadcaster_user_id": TWITCHDEV }),
        TransportRequest::Websocket { session_id },
    );
    twitch.request(&create).await?;

    mock.eventsub_trigger("stream.online", "1").await;
    loop {
        let text = next_text().await?;
        match TypedNotification::parse(&text) {
            Ok(notification) => {
                for event in notification.events {
                    if let EventSubEvent::StreamOnlineV1(online) = event {
                        println!(
                            "{} went live ({:?}), message {}",
                            online.broadcaster_user_login, online.kind, notification.message_id
                        );
                    }
                }
                break;
            }
            // keepalives and the like are no notification
            Err(_) => println!("{:?}", Message::parse(&text)?),
        }
    }
    Ok(())
}
