//! The blocking client, for scripts: the seed's synchronous style, no `.await`.
//!
//! ```text
//! cargo run -p twitchapi-examples --example blocking
//! ```
//!
//! Uses the embedded mock unless TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET are set.

use twitchapi::blocking::Twitch;
use twitchapi::helix::games::GetTopGames;
use twitchapi::helix::users::GetUsers;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let id = std::env::var("TWITCH_CLIENT_ID")
        .ok()
        .filter(|v| !v.is_empty());
    let secret = std::env::var("TWITCH_CLIENT_SECRET")
        .ok()
        .filter(|v| !v.is_empty());
    // The mock needs a runtime of its own; the blocking client brings its own too.
    let mock_runtime = tokio::runtime::Runtime::new()?;
    let (twitch, _mock) = match (id, secret) {
        (Some(id), Some(secret)) => (Twitch::new(id, secret)?, None),
        _ => {
            let mock = mock_runtime.block_on(twitchapi_mock::MockServer::start())?;
            println!("using the mock Twitch server at {}", mock.url());
            let client = twitchapi::Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            (Twitch::from_async(client)?, Some(mock))
        }
    };

    twitch.authenticate_app(vec![])?;
    let users = twitch.get_users(GetUsers {
        logins: vec!["twitchdev".into()],
        ..Default::default()
    })?;
    println!("{} has id {}", users.data[0].display_name, users.data[0].id);

    // Iterate over the first 30 top games, page by page (10 per page).
    let top = GetTopGames {
        first: Some(10),
        ..Default::default()
    };
    for (rank, game) in twitch.paginate(top, Some(30)).enumerate() {
        println!("{:>2}. {}", rank + 1, game?.name);
    }
    Ok(())
}
