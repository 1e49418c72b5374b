//! Quickstart: authenticate an app, print a few users and live streams.
//!
//! ```text
//! cargo run -p twitchapi-examples --example quickstart
//! ```
//!
//! Without `TWITCH_CLIENT_ID` / `TWITCH_CLIENT_SECRET` it starts the embedded mock
//! Twitch server on 127.0.0.1 and talks to it; with them set it talks to the
//! real Twitch. Set `RUST_LOG=twitchapi=debug` to watch the requests.

use twitchapi::helix::streams::GetStreams;
use twitchapi::helix::users::GetUsers;
use twitchapi::Twitch;
use twitchapi_mock::MockServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();

    let id = std::env::var("TWITCH_CLIENT_ID")
        .ok()
        .filter(|v| !v.is_empty());
    let secret = std::env::var("TWITCH_CLIENT_SECRET")
        .ok()
        .filter(|v| !v.is_empty());
    // Keep the mock alive for the whole program when it is used.
    let (twitch, _mock) = match (id, secret) {
        (Some(id), Some(secret)) => {
            println!("talking to the real Twitch API");
            (Twitch::new(id, secret), None)
        }
        _ => {
            let mock = MockServer::start().await?;
            println!(
                "no TWITCH_CLIENT_ID/TWITCH_CLIENT_SECRET set: using the mock Twitch server at {}",
                mock.url()
            );
            let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            (twitch, Some(mock))
        }
    };

    // App authentication: client credentials, no scopes.
    twitch.authenticate_app(vec![]).await?;
    println!("authenticated the app");

    let users = twitch
        .get_users(GetUsers {
            logins: vec!["twitchdev".into()],
            ..Default::default()
        })
        .await?;
    for user in &users.data {
        println!(
            "user {} ({}), id {}, created {}",
            user.display_name,
            user.login,
            user.id,
            user.created_at.date()
        );
    }

    let streams = twitch
        .get_streams(GetStreams {
            first: Some(5),
            ..Default::default()
        })
        .await?;
    println!("top {} live streams:", streams.data.len());
    for stream in &streams.data {
        println!(
            "  {:<20} {:>7} viewers  {}",
            stream.user_name, stream.viewer_count, stream.title
        );
    }
    if let Some(limit) = streams.rate_limit {
        println!(
            "rate limit: {}/{} points left",
            limit.remaining, limit.limit
        );
    }
    Ok(())
}
