//! Testing protocol handling deterministically: the core's Helix session driven
//! against a scripted Twitch on a virtual clock (core feature `testing`). No
//! sockets and no sleeping: a 3-second rate-limit wait and a token refresh take
//! microseconds, and every run gives the same result.
//!
//! `cargo run -p twitchapi-examples --example deterministic_session`

use twitchapi::core::auth::OAuth;
use twitchapi::core::helix::{users::GetUsers, Event, Helix, Session, SessionConfig};
use twitchapi::core::testing::{drive, FakePeer, Reply, VirtualClock};
use twitchapi::core::{Duration, Secret};

fn main() {
    let mut clock = VirtualClock::new();
    let mut twitch = FakePeer::new();
    // the user token is rejected once; the refresh answers with a rotated token
    twitch.once(
        "GET",
        "/helix/users",
        Reply::json(401, r#"{"status":401,"message":"Invalid OAuth token"}"#),
    );
    // then a 429 whose bucket is full again 3 s after the answer's Date
    twitch.once(
        "GET",
        "/helix/users",
        Reply::json(429, r#"{"status":429,"message":"Too Many Requests"}"#)
            .header("Date", "Tue, 14 Nov 2023 22:13:20 GMT")
            .header("Ratelimit-Limit", "800")
            .header("Ratelimit-Remaining", "0")
            .header("Ratelimit-Reset", "1700000003"),
    );
    twitch.on(
        "GET",
        "/helix/users",
        Reply::json(200, r#"{"data":[{"id":"141981764","login":"twitchdev","display_name":"TwitchDev","type":"","broadcaster_type":"partner","description":"","profile_image_url":"","offline_image_url":"","view_count":0,"created_at":"2016-12-14T20:32:28Z"}]}"#),
    );
    twitch.on(
        "POST",
        "/oauth2/token",
        Reply::token("user-token-2", Some("refresh-2"), 14_400).delay(Duration::from_millis(80)),
    );

    let mut session = Session::new(
        Helix::new("my-client-id"),
        OAuth::new("my-client-id", Some(Secret::new("my-secret"))),
        SessionConfig::default(),
    );
    session
        .set_user_authentication(
            Secret::new("user-token-1"),
            vec![],
            Some(Secret::new("refresh-1")),
            None,
            clock.now(),
        )
        .expect("a refresh token is given");
    let call = session
        .start(&GetUsers::default(), clock.now())
        .expect("valid arguments");
    drive(&mut session, &mut twitch, &mut clock);

    while let Some(event) = session.poll_event() {
        match event {
            Event::TokenRefreshed(update) => println!(
                "token refreshed; store the new refresh token: {}",
                update.refresh_token.map(|t| t.expose().len()).unwrap_or(0) > 0
            ),
            Event::Answer {
                call: done,
                response,
            } if done == call => {
                let users = session
                    .helix()
                    .parse_response::<GetUsers, _>(&response)
                    .expect("typed answer");
                println!(
                    "{} answered after {:?} of virtual time",
                    users.data[0].login,
                    clock.elapsed()
                );
            }
            other => println!("{other:?}"),
        }
    }
    for request in twitch.requests() {
        println!(
            "{:>6} ms  {} {}",
            (request.at - twitch.requests()[0].at).as_millis(),
            request.request.method(),
            request.request.uri().path()
        );
    }
    assert_eq!(twitch.count("POST", "/oauth2/token"), 1);
    assert_eq!(twitch.count("GET", "/helix/users"), 3);
}
