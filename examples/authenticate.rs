//! The user authenticator, as the seed uses it: open the authorize page,
//! take the redirect on http://localhost:17563, get the tokens; then call
//! Helix with them, and keep them in a token file that every refresh updates.
//!
//! ```text
//! cargo run -p twitchapi-examples --example authenticate
//! ```
//!
//! With TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET set (an app whose redirect
//! URI is http://localhost:17563) it opens your browser against Twitch. Without
//! them it runs against the embedded mock, whose authorize page approves at
//! once, and a small HTTP client plays the browser.

use twitchapi::helix::users::GetUsers;
use twitchapi::{AuthScope, TokenStore, Twitch, UserAuthenticator};
use twitchapi_mock::MockServer;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scopes = vec![AuthScope::UserReadEmail];
    let (twitch, mock) = match (env("TWITCH_CLIENT_ID"), env("TWITCH_CLIENT_SECRET")) {
        (Some(id), Some(secret)) => (Twitch::new(id, secret), None),
        _ => {
            let mock = MockServer::start().await?;
            println!("using the mock Twitch server at {}", mock.url());
            let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            (twitch, Some(mock))
        }
    };
    let mut auth = UserAuthenticator::new(&twitch, scopes.clone(), false);
    if mock.is_some() {
        // any free port: the mock accepts any redirect URI
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        auth.port = port;
        auth.url = format!("http://localhost:{port}");
    }

    let path = std::env::temp_dir().join(format!("twitchapi-example-{}.json", std::process::id()));
    let store = TokenStore::new(&path);
    let playing_browser = mock.is_some();
    let stored = store
        .authenticate(&twitch, scopes, || async {
            if playing_browser {
                auth.authenticate_with(|url| {
                    println!("authorize URL: {url}");
                    let url = url.to_owned();
                    tokio::spawn(async move {
                        let page = reqwest::get(url).await.and_then(|r| r.error_for_status());
                        println!("the browser shows: {:?}", page.map(|r| r.status()));
                    });
                })
                .await
            } else {
                auth.authenticate().await
            }
        })
        .await?;
    println!(
        "authenticated with scopes {:?}; tokens saved to {}",
        stored.scopes,
        path.display()
    );

    let me = twitch.request(&GetUsers::default()).await?;
    println!("hello, {} ({})", me.data[0].display_name, me.data[0].id);

    // a second run finds the file and needs no browser
    let again = store
        .authenticate(&twitch, vec![AuthScope::UserReadEmail], || async {
            Err(twitchapi::Error::invalid(
                "the stored token should have been used",
            ))
        })
        .await?;
    println!(
        "second start used the stored token: {}",
        again.access_token == stored.access_token
    );
    let _ = std::fs::remove_file(&path);
    Ok(())
}
