//! The seed's remaining endpoints against the mock: moderation, streams,
//! bits, entitlements, tags, extensions, follows, webhooks.

mod common;

use common::*;
use futures::StreamExt;
use twitchapi::helix::ads::StartCommercial;
use twitchapi::helix::analytics::{GetExtensionAnalytics, GetGameAnalytics};
use twitchapi::helix::bits::{GetBitsLeaderboard, GetCheermotes};
use twitchapi::helix::clips::{CreateClip, GetClips};
use twitchapi::helix::entitlements::{
    CreateEntitlementGrantsUploadUrl, GetCodeStatus, GetDropsEntitlements, RedeemCode,
};
use twitchapi::helix::extensions::GetExtensionTransactions;
use twitchapi::helix::hype_train::GetHypeTrainEvents;
use twitchapi::helix::moderation::{
    CheckAutomodStatus, GetBannedEvents, GetBannedUsers, GetModeratorEvents, GetModerators,
};
use twitchapi::helix::streams::{CreateStreamMarker, GetStreamKey, GetStreamMarkers};
use twitchapi::helix::subscriptions::GetBroadcasterSubscriptions;
use twitchapi::helix::tags::{GetAllStreamTags, GetStreamTags, ReplaceStreamTags};
use twitchapi::helix::users::{
    CreateUserFollows, DeleteUserFollows, GetUserActiveExtensions, GetUserExtensions,
    GetUsersFollows, UpdateUserExtensions,
};
use twitchapi::helix::webhooks::GetWebhookSubscriptions;
use twitchapi::types::CodeStatus;
use twitchapi::{AuthScope, Error, Twitch};
use twitchapi_mock::seeded::{
    CODES, LIVE_USER_ID, LIVE_USER_MARKERS, PANEL_EXTENSION_ID, TAG_COUNT, TAG_SPEEDRUN,
    TRANSACTIONS_EXTENSION_ID,
};
use twitchapi_mock::MockServer;

/// A client authenticated as `user_id` with every scope, plus an app token.
async fn as_user(mock: &MockServer, user_id: &str) -> Twitch {
    let twitch = client(mock);
    twitch.authenticate_app(vec![]).await.unwrap();
    let all: Vec<&str> = AuthScope::ALL.iter().map(|s| s.as_str()).collect();
    let issued = mock.issue_user_token(user_id, &all);
    twitch
        .set_user_authentication(
            issued.access_token,
            AuthScope::ALL.to_vec(),
            issued.refresh_token,
        )
        .unwrap();
    twitch
}

#[tokio::test]
async fn moderation_endpoints() {
    let mock = mock().await;
    let twitch = as_user(&mock, LIVE_USER_ID).await;
    let mods = twitch
        .get_moderators(GetModerators::new(LIVE_USER_ID))
        .await
        .unwrap();
    assert!(!mods.data.is_empty());
    twitch
        .get_banned_users(GetBannedUsers::new(LIVE_USER_ID))
        .await
        .unwrap();
    twitch
        .get_banned_events(GetBannedEvents::new(LIVE_USER_ID))
        .await
        .unwrap();
    twitch
        .get_moderator_events(GetModeratorEvents::new(LIVE_USER_ID))
        .await
        .unwrap();
    let ok = twitch
        .check_automod_status(CheckAutomodStatus::new(
            LIVE_USER_ID,
            "1",
            "hello there",
            "10001",
        ))
        .await
        .unwrap();
    assert!(ok.data[0].is_permitted);
    let held = twitch
        .check_automod_status(CheckAutomodStatus::new(
            LIVE_USER_ID,
            "2",
            "you noob",
            "10001",
        ))
        .await
        .unwrap();
    assert_eq!(held.data[0].msg_id, "2");
    assert!(!held.data[0].is_permitted);
}

#[tokio::test]
async fn stream_endpoints() {
    let mock = mock().await;
    let twitch = as_user(&mock, LIVE_USER_ID).await;
    let key = twitch
        .get_stream_key(GetStreamKey::new(LIVE_USER_ID))
        .await
        .unwrap();
    assert!(!key.data[0].stream_key.expose().is_empty());
    assert!(!format!("{:?}", key.data[0]).contains(key.data[0].stream_key.expose()));

    let marker = twitch
        .create_stream_marker(CreateStreamMarker {
            description: Some("great play".into()),
            ..CreateStreamMarker::new(LIVE_USER_ID)
        })
        .await
        .unwrap();
    assert_eq!(marker.data[0].description, "great play");
    let markers: Vec<_> = twitch
        .paginate(
            GetStreamMarkers {
                user_id: Some(LIVE_USER_ID.into()),
                first: Some(10),
                ..Default::default()
            },
            None,
        )
        .map(|r| r.unwrap())
        .collect()
        .await;
    let count: usize = markers
        .iter()
        .flat_map(|m| &m.videos)
        .map(|v| v.markers.len())
        .sum();
    assert_eq!(count, LIVE_USER_MARKERS + 1);

    let clip = twitch
        .create_clip(CreateClip::new(LIVE_USER_ID))
        .await
        .unwrap();
    let id = clip.data[0].id.clone();
    let found = twitch
        .get_clips(GetClips {
            clip_id: vec![id.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.data[0].id, id);

    let commercial = twitch
        .start_commercial(StartCommercial::new(LIVE_USER_ID, 60))
        .await
        .unwrap();
    assert_eq!(commercial.data[0].length, 60);
    let err = twitch
        .start_commercial(StartCommercial::new(LIVE_USER_ID, 45))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)));

    let subs = twitch
        .get_broadcaster_subscriptions(GetBroadcasterSubscriptions::new(LIVE_USER_ID))
        .await
        .unwrap();
    assert!(subs.total.unwrap_or(0) >= subs.data.len() as u64);
    twitch
        .get_hype_train_events(GetHypeTrainEvents::new(LIVE_USER_ID))
        .await
        .unwrap();
    let board = twitch
        .get_bits_leaderboard(GetBitsLeaderboard::default())
        .await
        .unwrap();
    assert!(board.data.entries.len() <= 10);
    twitch
        .get_cheermotes(GetCheermotes::new(LIVE_USER_ID))
        .await
        .unwrap();
}

#[tokio::test]
async fn app_token_endpoints() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.authenticate_app(vec![]).await.unwrap();

    let transactions: Vec<_> = twitch
        .paginate(
            GetExtensionTransactions::new(TRANSACTIONS_EXTENSION_ID),
            None,
        )
        .collect()
        .await;
    assert!(transactions.len() > 20);
    assert!(transactions.iter().all(Result::is_ok));

    let codes: Vec<String> = CODES.iter().map(|(c, _)| c.to_string()).collect();
    let status = twitch
        .get_code_status(GetCodeStatus::new(codes.clone(), 141981764))
        .await
        .unwrap();
    assert_eq!(status.data.len(), codes.len());
    assert_eq!(status.data[0].status, CodeStatus::Unused);
    let redeemed = twitch
        .redeem_code(RedeemCode::new(vec![codes[0].clone()], 141981764))
        .await
        .unwrap();
    assert_eq!(redeemed.data[0].status, CodeStatus::SuccessfullyRedeemed);
    let again = twitch
        .get_code_status(GetCodeStatus::new(vec![codes[0].clone()], 141981764))
        .await
        .unwrap();
    assert_eq!(again.data[0].status, CodeStatus::AlreadyClaimed);

    let drops = twitch
        .get_drops_entitlements(GetDropsEntitlements::default())
        .await
        .unwrap();
    assert_eq!(drops.data.len(), 20, "a first page of the 30 seeded drops");
    assert!(drops.cursor.is_some());
    let upload = twitch
        .create_entitlement_grants_upload_url(CreateEntitlementGrantsUploadUrl::new("manifest-1"))
        .await
        .unwrap();
    assert!(upload.data[0].url.starts_with("http"));
    let hooks = twitch
        .get_webhook_subscriptions(GetWebhookSubscriptions::default())
        .await
        .unwrap();
    assert!(!hooks.data.is_empty());
    assert!(hooks.data.iter().all(|h| h
        .topic
        .starts_with("https://api.twitch.tv/helix/streams?user_id=")));

    let tags: Vec<_> = twitch
        .paginate(
            GetAllStreamTags {
                first: Some(5),
                ..Default::default()
            },
            None,
        )
        .collect()
        .await;
    assert_eq!(tags.len(), TAG_COUNT);
    let stream_tags = twitch
        .get_stream_tags(GetStreamTags::new(LIVE_USER_ID))
        .await
        .unwrap();
    assert!(!stream_tags.data.is_empty());

    // App-only endpoints refuse to run with just a user token.
    let user_only = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    user_only
        .set_user_authentication(issued.access_token, vec![], issued.refresh_token)
        .unwrap();
    let err = user_only
        .get_webhook_subscriptions(GetWebhookSubscriptions::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)));
}

#[tokio::test]
async fn user_endpoints() {
    let mock = mock().await;
    let twitch = as_user(&mock, LIVE_USER_ID).await;

    twitch
        .replace_stream_tags(ReplaceStreamTags::new(
            LIVE_USER_ID,
            vec![TAG_SPEEDRUN.into()],
        ))
        .await
        .unwrap();
    let tags = twitch
        .get_stream_tags(GetStreamTags::new(LIVE_USER_ID))
        .await
        .unwrap();
    assert!(tags.data.iter().any(|t| t.tag_id == TAG_SPEEDRUN));

    twitch
        .create_user_follows(CreateUserFollows::new(LIVE_USER_ID, TWITCHDEV))
        .await
        .unwrap();
    let follows = || GetUsersFollows {
        from_id: Some(LIVE_USER_ID.into()),
        to_id: Some(TWITCHDEV.into()),
        ..Default::default()
    };
    assert_eq!(
        twitch.get_users_follows(follows()).await.unwrap().total,
        Some(1)
    );
    twitch
        .delete_user_follows(DeleteUserFollows::new(LIVE_USER_ID, TWITCHDEV))
        .await
        .unwrap();
    assert_eq!(
        twitch.get_users_follows(follows()).await.unwrap().total,
        Some(0)
    );

    let list = twitch
        .get_user_extensions(GetUserExtensions {})
        .await
        .unwrap();
    assert!(list.data.iter().any(|e| e.id == PANEL_EXTENSION_ID));
    let active = twitch
        .get_user_active_extensions(GetUserActiveExtensions::default())
        .await
        .unwrap();
    assert!(!active.data.panel.is_empty());
    let update = serde_json::json!({
        "panel": {"1": {"active": true, "id": PANEL_EXTENSION_ID, "version": "1.1.0"}}
    });
    let updated = twitch
        .update_user_extensions(UpdateUserExtensions::new(update))
        .await
        .unwrap();
    assert_eq!(
        updated.data.panel["1"].id.as_deref(),
        Some(PANEL_EXTENSION_ID)
    );

    let reports = twitch
        .get_extension_analytics(GetExtensionAnalytics::default())
        .await
        .unwrap();
    assert!(reports
        .data
        .iter()
        .any(|r| r.extension_id == PANEL_EXTENSION_ID));
    assert!(reports.data.iter().all(|r| r.url.ends_with(".csv")));
    let games = twitch
        .get_game_analytics(GetGameAnalytics::default())
        .await
        .unwrap();
    assert!(!games.data.is_empty());
    assert!(games.data.iter().all(|r| r.url.contains(&r.game_id)));
}
