//! Get Channel Followers against the mock: the count for any user token,
//! the list for the broadcaster with moderator:read:followers.

mod common;

use common::*;
use twitchapi::helix::channels::GetChannelFollowers;
use twitchapi::helix::users::GetUsersFollows;
use twitchapi::AuthScope;

#[tokio::test]
async fn the_count_needs_no_scope_and_the_list_needs_moderator_read_followers() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[]).await;
    let edges = twitch
        .get_users_follows(GetUsersFollows {
            to_id: Some(TWITCHDEV.into()),
            first: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    let total = edges.total.unwrap();
    assert!(total > 3, "the mock seeds followers of twitchdev");

    let count = twitch
        .get_channel_followers(GetChannelFollowers {
            first: Some(1),
            ..GetChannelFollowers::new(TWITCHDEV)
        })
        .await
        .unwrap();
    assert_eq!(count.total, Some(total));
    assert!(count.data.is_empty(), "no scope: no list");

    let moderator = client_with_user(&mock, &[AuthScope::ModeratorReadFollowers]).await;
    let page = moderator
        .get_channel_followers(GetChannelFollowers {
            first: Some(3),
            ..GetChannelFollowers::new(TWITCHDEV)
        })
        .await
        .unwrap();
    assert_eq!(page.total, Some(total));
    let ids: Vec<&str> = page.data.iter().map(|f| f.user_id.as_str()).collect();
    let expected: Vec<&str> = edges.data[..3].iter().map(|f| f.from_id.as_str()).collect();
    assert_eq!(ids, expected, "most recent first, as the follow edges");
    assert!(page.cursor.is_some());
    let next = moderator
        .get_channel_followers(GetChannelFollowers {
            first: Some(3),
            after: page.cursor.clone(),
            ..GetChannelFollowers::new(TWITCHDEV)
        })
        .await
        .unwrap();
    assert_eq!(next.data[0].user_id, edges.data[3].from_id);

    let one = moderator
        .get_channel_followers(GetChannelFollowers {
            user_id: Some(edges.data[1].from_id.clone()),
            ..GetChannelFollowers::new(TWITCHDEV)
        })
        .await
        .unwrap();
    assert_eq!(one.data.len(), 1);
    assert_eq!(one.data[0].user_login, edges.data[1].from_login);
    assert_eq!(one.data[0].followed_at, edges.data[1].followed_at);

    // checked before anything is sent
    let before = helix_requests(&mock);
    let err = twitch
        .get_channel_followers(GetChannelFollowers::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, twitchapi::Error::InvalidArgument(_)),
        "{err:?}"
    );
    assert_eq!(helix_requests(&mock), before);
}
