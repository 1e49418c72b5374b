//! The device code flow: for apps without a browser on the machine or
//! without a client secret (public clients). Show the user a code, poll until
//! they approve, then refresh the token without any secret.
//!
//! ```text
//! cargo run -p twitchapi-examples --example device_flow
//! ```
//!
//! With TWITCH_CLIENT_ID set (a public client) it runs against Twitch: open
//! the URL it prints and enter the code. Without it it runs against the
//! embedded mock, which approves the code after two polls.

use std::time::Duration;

use twitchapi::helix::users::GetUsers;
use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::MockServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (twitch, _mock) = match std::env::var("TWITCH_CLIENT_ID")
        .ok()
        .filter(|v| !v.is_empty())
    {
        Some(id) => (Twitch::new(id, ""), None),
        None => {
            let mock = MockServer::start().await?;
            println!("using the mock Twitch server at {}", mock.url());
            // a short poll interval keeps the example quick
            mock.oauth_device_interval(Duration::from_secs(1));
            let twitch = Twitch::builder(mock.public_client_id(), "")
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            (twitch, Some(mock))
        }
    };
    let token = twitchapi::device_flow(&twitch, vec![AuthScope::UserReadEmail], |code| {
        println!(
            "open {} and enter {}",
            code.verification_uri, code.user_code
        );
    })
    .await?;
    println!("approved; scopes {:?}", token.scope);
    let refresh = token.refresh_token.clone().ok_or("no refresh token")?;
    twitch.set_user_authentication(
        token.access_token.expose(),
        token.scope.clone(),
        Some(refresh.expose().to_owned()),
    )?;
    let me = twitch.request(&GetUsers::default()).await?;
    println!("hello, {}", me.data[0].display_name);
    // a public client refreshes with its client id alone
    let (_access, _rotated) = twitch.refresh_access_token(refresh.expose()).await?;
    println!("refreshed without a client secret");
    Ok(())
}
