//! Every endpoint of this release against the mock Twitch.

mod common;

use common::*;
use twitchapi::helix::channels::{GetChannelInformation, ModifyChannelInformation};
use twitchapi::helix::clips::GetClips;
use twitchapi::helix::games::{GetGames, GetTopGames};
use twitchapi::helix::search::{SearchCategories, SearchChannels};
use twitchapi::helix::streams::GetStreams;
use twitchapi::helix::users::{GetUsers, GetUsersFollows, UpdateUser};
use twitchapi::helix::videos::GetVideos;
use twitchapi::types::VideoType;
use twitchapi::AuthScope;

#[tokio::test]
async fn read_endpoints() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.authenticate_app(vec![]).await.unwrap();

    let users = twitch
        .get_users(GetUsers {
            user_ids: vec![TWITCHDEV.into()],
            logins: vec!["user1".into()],
        })
        .await
        .unwrap();
    assert_eq!(users.data.len(), 2);
    assert!(users.data.iter().any(|u| u.login == "twitchdev"));

    let follows = twitch
        .get_users_follows(GetUsersFollows {
            to_id: Some(TWITCHDEV.into()),
            first: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(follows.data.len(), 5);
    assert!(follows.total.unwrap() > 5);
    assert!(follows.cursor.is_some());
    assert!(follows.data.iter().all(|f| f.to_id == TWITCHDEV));

    let streams = twitch
        .get_streams(GetStreams {
            first: Some(10),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(streams.data.len(), 10);
    let viewers: Vec<u64> = streams.data.iter().map(|s| s.viewer_count).collect();
    assert!(
        viewers.windows(2).all(|w| w[0] >= w[1]),
        "sorted by viewers"
    );

    let games = twitch
        .get_games(GetGames {
            game_ids: vec!["33214".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(games.data[0].name, "Fortnite");
    let top = twitch.get_top_games(GetTopGames::default()).await.unwrap();
    assert!(!top.data.is_empty());

    let channel = twitch
        .get_channel_information(GetChannelInformation::new(TWITCHDEV))
        .await
        .unwrap();
    assert_eq!(channel.data[0].broadcaster_login, "twitchdev");

    let categories = twitch
        .search_categories(SearchCategories::new("fort"))
        .await
        .unwrap();
    assert!(categories.data.iter().any(|c| c.name == "Fortnite"));
    let channels = twitch
        .search_channels(SearchChannels::new("twitchdev"))
        .await
        .unwrap();
    assert!(channels
        .data
        .iter()
        .any(|c| c.broadcaster_login == "twitchdev"));

    let clips = twitch
        .get_clips(GetClips {
            broadcaster_id: Some(TWITCHDEV.into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(clips.data.iter().all(|c| c.broadcaster_id == TWITCHDEV));
    assert!(!clips.data.is_empty());

    let videos = twitch
        .get_videos(GetVideos {
            user_id: Some(TWITCHDEV.into()),
            video_type: Some(VideoType::Archive),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(videos
        .data
        .iter()
        .all(|v| v.user_id == TWITCHDEV && v.video_type == VideoType::Archive));
}

#[tokio::test]
async fn write_endpoints_change_state() {
    let mock = mock().await;
    let twitch = client_with_user(
        &mock,
        &[AuthScope::UserEdit, AuthScope::ChannelManageBroadcast],
    )
    .await;

    let updated = twitch
        .update_user(UpdateUser::new("new description"))
        .await
        .unwrap();
    assert_eq!(updated.data[0].description, "new description");
    let me = twitch.get_users(GetUsers::default()).await.unwrap();
    assert_eq!(me.data[0].description, "new description");

    twitch
        .modify_channel_information(ModifyChannelInformation {
            title: Some("a new title".into()),
            ..ModifyChannelInformation::new(TWITCHDEV)
        })
        .await
        .unwrap();
    let channel = twitch
        .get_channel_information(GetChannelInformation::new(TWITCHDEV))
        .await
        .unwrap();
    assert_eq!(channel.data[0].title, "a new title");
}

#[tokio::test]
async fn the_mock_checks_scopes_too() {
    // The client's scope list claims user:edit, the token itself lacks it:
    // Twitch (the mock) answers 401 "Missing scope", which becomes MissingScope.
    let mock = mock().await;
    let twitch = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    twitch
        .set_user_authentication(
            issued.access_token,
            vec![AuthScope::UserEdit],
            issued.refresh_token,
        )
        .unwrap();
    let err = twitch.update_user(UpdateUser::new("x")).await.unwrap_err();
    assert!(
        matches!(err, twitchapi::Error::MissingScope { ref required } if required == &[AuthScope::UserEdit]),
        "{err:?}"
    );
}
