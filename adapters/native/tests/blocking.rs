//! The blocking client against the mock (feature `blocking`).
#![cfg(feature = "blocking")]

use twitchapi::blocking::Twitch;
use twitchapi::helix::streams::GetStreams;
use twitchapi::helix::users::GetUsers;
use twitchapi::Error;
use twitchapi_mock::MockServer;

#[test]
fn blocking_smoke_test() {
    // The mock runs on its own runtime's worker threads.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mock = runtime.block_on(MockServer::start()).unwrap();
    let twitch = Twitch::from_async(
        twitchapi::Twitch::builder(mock.client_id(), mock.client_secret())
            .helix_url(mock.helix_url())
            .auth_url(mock.auth_url())
            .build()
            .unwrap(),
    )
    .unwrap();
    twitch.authenticate_app(vec![]).unwrap();
    let users = twitch
        .get_users(GetUsers {
            logins: vec!["twitchdev".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(users.data[0].id, "141981764");
    let streams: Vec<_> = twitch
        .paginate(GetStreams::default(), Some(45))
        .collect::<Result<_, Error>>()
        .unwrap();
    assert_eq!(streams.len(), 45);
    assert!(matches!(
        twitch.get_streams(GetStreams {
            first: Some(0),
            ..Default::default()
        }),
        Err(Error::InvalidArgument(_))
    ));
}

#[tokio::test]
async fn refuses_to_block_inside_a_runtime() {
    let twitch = tokio::task::spawn_blocking(|| Twitch::new("id", "secret").unwrap())
        .await
        .unwrap();
    let err = twitch.get_users(GetUsers::default()).unwrap_err();
    assert!(matches!(err, Error::Transport(_)));
    let mut pages = twitch.paginate(GetStreams::default(), Some(3));
    assert!(matches!(pages.next(), Some(Err(Error::Transport(_)))));
    drop(pages);
}

#[tokio::test]
async fn can_be_created_and_dropped_inside_a_runtime() {
    // its runtime lives on a thread of its own, so neither panics here
    let twitch = Twitch::new("id", "secret").unwrap();
    let clone = twitch.clone();
    drop(twitch);
    drop(clone);
    let twitch = Twitch::new("id", "secret").unwrap();
    tokio::task::yield_now().await;
    drop(twitch);
}
