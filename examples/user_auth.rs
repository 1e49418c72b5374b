//! User authentication: set a user token, call endpoints that need scopes, and
//! watch the client refresh the token by itself when Twitch rejects it.
//!
//! ```text
//! cargo run -p twitchapi-examples --example user_auth
//! ```
//!
//! Against the real Twitch set TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET,
//! TWITCH_USER_TOKEN and TWITCH_REFRESH_TOKEN (a token with scopes `user:edit`
//! and `channel:manage:broadcast`); otherwise the embedded mock is used and the
//! user token comes from the mock (as if the user had authorized the app).

use twitchapi::helix::channels::{GetChannelInformation, ModifyChannelInformation};
use twitchapi::helix::users::{GetUsers, UpdateUser};
use twitchapi::{AuthScope, Error, Twitch};
use twitchapi_mock::MockServer;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scopes = vec![AuthScope::UserEdit, AuthScope::ChannelManageBroadcast];
    let real = (
        env("TWITCH_CLIENT_ID"),
        env("TWITCH_CLIENT_SECRET"),
        env("TWITCH_USER_TOKEN"),
        env("TWITCH_REFRESH_TOKEN"),
    );
    let (twitch, mock) = match real {
        (Some(id), Some(secret), Some(token), Some(refresh)) => {
            let twitch = Twitch::new(id, secret);
            twitch.set_user_authentication(token, scopes.clone(), Some(refresh))?;
            (twitch, None)
        }
        _ => {
            let mock = MockServer::start().await?;
            println!("using the mock Twitch server at {}", mock.url());
            let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            let issued =
                mock.issue_user_token("141981764", &["user:edit", "channel:manage:broadcast"]);
            twitch.set_user_authentication(
                issued.access_token,
                scopes.clone(),
                issued.refresh_token,
            )?;
            (twitch, Some(mock))
        }
    };

    // No ids or logins: the user the token belongs to.
    let me = twitch.get_users(GetUsers::default()).await?.data.remove(0);
    println!("authenticated as {} (id {})", me.display_name, me.id);

    let updated = twitch
        .update_user(UpdateUser::new(me.description.clone()))
        .await?;
    println!("description is {:?}", updated.data[0].description);

    if let Some(mock) = &mock {
        // The token is revoked behind the client's back: the next call gets a
        // 401, refreshes the user token once and succeeds.
        let old = twitch.get_user_auth_token().expect("user token set");
        mock.expire_token(old.expose());
        let channel = twitch
            .get_channel_information(GetChannelInformation::new(me.id.clone()))
            .await?;
        println!(
            "channel title {:?}; token refreshed: {}",
            channel.data[0].title,
            twitch.get_user_auth_token() != Some(old)
        );
    }

    // Scopes are checked before sending: with a user token that lacks
    // `channel:manage:broadcast` the call fails with MissingScope, nothing sent.
    twitch.set_user_authentication(
        twitch.get_user_auth_token().expect("set").expose(),
        vec![AuthScope::UserEdit],
        Some("unused-refresh-token".into()),
    )?;
    let modify = ModifyChannelInformation {
        title: Some("new title".into()),
        ..ModifyChannelInformation::new(me.id.clone())
    };
    match twitch.modify_channel_information(modify).await {
        Err(Error::MissingScope { required }) => {
            println!("missing scope, nothing sent: {}", required[0])
        }
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
