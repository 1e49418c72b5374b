//! Webhooks, as the seed uses them: TwitchWebHook(callback_url, app id, port),
//! authenticate, start, subscribe to a topic with a callback, print the
//! notifications, stop (which unsubscribes).
//!
//! ```text
//! cargo run -p twitchapi-examples --example webhook
//! ```
//!
//! Twitch retired these webhooks (WebSub) in 2021, so this runs against the
//! embedded mock Twitch server's hub on 127.0.0.1, which also sends two signed
//! notifications and one forged one (refused with 403, never printed).

use std::time::Duration;

use serde_json::json;
use tokio::sync::mpsc;
use twitchapi::{AuthScope, Twitch, TwitchWebHook};
use twitchapi_mock::{MockServer, Signing};

const TWITCHDEV: &str = "141981764";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::start().await?;
    println!("hub of the mock: {}/webhooks/hub", mock.helix_url());
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()?;
    twitch.authenticate_app(vec![]).await?;
    let issued = mock.issue_user_token(TWITCHDEV, &["user:read:email"]);
    twitch.set_user_authentication(
        issued.access_token,
        vec![AuthScope::UserReadEmail],
        issued.refresh_token,
    )?;

    // the seed's usage; http is allowed because the callback is on this machine
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut hook = TwitchWebHook::new(
        format!("http://127.0.0.1:{port}/webhook"),
        twitch.app_id(),
        port,
    );
    hook.authenticate(&twitch)?;
    hook.start().await?;
    let (tx, mut arrived) = mpsc::unbounded_channel::<String>();
    let uuid = hook
        .subscribe_stream_changed(TWITCHDEV, move |uuid, data| {
            let _ = tx.send(format!("[{uuid}] stream changed: {data}"));
        })
        .await?;
    println!("subscribed: {uuid}");
    for (uuid, topic) in hook.subscriptions() {
        println!("  {uuid}: {topic}");
    }

    // the hub notices the stream going live, then offline; a forger tries too
    let topic = format!("https://api.twitch.tv/helix/streams?user_id={TWITCHDEV}");
    // (the hub stores the subscription once our answer to its check reached it)
    while !mock
        .webhook_subscriptions()
        .iter()
        .any(|s| s.topic == topic)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let live = json!({"id": "40078987165", "user_id": TWITCHDEV, "user_name": "TwitchDev", "type": "live", "title": "Hello"});
    mock.webhook_notify(&topic, vec![live], Signing::Valid, None)
        .await;
    let forged = mock
        .webhook_notify(
            &topic,
            vec![json!({"type": "live"})],
            Signing::WrongSecret,
            None,
        )
        .await;
    println!("forged notification answered {forged:?}");
    mock.webhook_notify(&topic, vec![], Signing::Valid, None)
        .await;

    for _ in 0..2 {
        match tokio::time::timeout(Duration::from_secs(5), arrived.recv()).await {
            Ok(Some(line)) => println!("{line}"),
            _ => return Err("a notification did not arrive".into()),
        }
    }
    hook.stop().await?;
    println!(
        "stopped; subscriptions left at the hub: {}",
        mock.webhook_subscriptions()
            .iter()
            .filter(|s| s.callback.contains(&port.to_string()))
            .count()
    );
    Ok(())
}
