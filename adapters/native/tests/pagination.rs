//! Walking pages of the mock as a stream.

mod common;

use std::collections::HashSet;

use common::*;
use futures::StreamExt;
use twitchapi::helix::streams::GetStreams;
use twitchapi::helix::users::GetUsersFollows;
use twitchapi::Error;

#[tokio::test]
async fn walks_every_page_of_streams() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.authenticate_app(vec![]).await.unwrap();
    mock.clear_requests();

    let streams: Vec<_> = twitch
        .paginate(GetStreams::default(), None)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, Error>>()
        .unwrap();
    let pages = mock.count("GET", "/helix/streams");
    assert!(pages > 3, "more than 3 pages: {pages}");
    assert_eq!(pages, streams.len().div_ceil(20));
    let ids: HashSet<_> = streams.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids.len(), streams.len(), "no duplicates");
    // every request after the first carried the previous cursor
    let afters = mock
        .requests()
        .iter()
        .filter(|r| r.path == "/helix/streams")
        .filter(|r| r.query.iter().any(|(k, _)| k == "after"))
        .count();
    assert_eq!(afters, pages - 1);
}

#[tokio::test]
async fn a_limit_stops_early() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.authenticate_app(vec![]).await.unwrap();
    mock.clear_requests();
    let follows: Vec<_> = twitch
        .paginate(
            GetUsersFollows {
                to_id: Some(TWITCHDEV.into()),
                first: Some(10),
                ..Default::default()
            },
            Some(25),
        )
        .collect()
        .await;
    assert_eq!(follows.len(), 25);
    assert!(follows.iter().all(|f| f.is_ok()));
    assert_eq!(mock.count("GET", "/helix/users/follows"), 3);
}

#[tokio::test]
async fn an_error_ends_the_stream() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.authenticate_app(vec![]).await.unwrap();
    mock.fail_next("/helix/streams", 400, 1);
    let items: Vec<_> = twitch.paginate(GetStreams::default(), None).collect().await;
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0], Err(Error::Api { status: 400, .. })));
}
