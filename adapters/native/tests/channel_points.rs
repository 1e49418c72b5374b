//! Channel points against the mock: rewards round trip, redemptions walk and status.

mod common;

use common::*;
use futures::StreamExt;
use twitchapi::helix::channel_points::{
    CreateCustomReward, DeleteCustomReward, GetCustomReward, GetCustomRewardRedemption,
    UpdateCustomReward, UpdateRedemptionStatus,
};
use twitchapi::types::CustomRewardRedemptionStatus as Status;
use twitchapi::{AuthScope, Error};
use twitchapi_mock::seeded::{REWARD_ID, UNFULFILLED_REDEMPTIONS};

async fn broadcaster(mock: &twitchapi_mock::MockServer) -> twitchapi::Twitch {
    client_with_user(
        mock,
        &[
            AuthScope::ChannelReadRedemptions,
            AuthScope::ChannelManageRedemptions,
        ],
    )
    .await
}

#[tokio::test]
async fn reward_create_update_list_delete() {
    let mock = mock().await;
    let twitch = broadcaster(&mock).await;

    let created = twitch
        .create_custom_reward(CreateCustomReward {
            is_global_cooldown_enabled: Some(true),
            global_cooldown_seconds: Some(60),
            ..CreateCustomReward::new(TWITCHDEV, "hydrate", "drink water", 100)
        })
        .await
        .unwrap();
    let reward = &created.data[0];
    assert_eq!((reward.title.as_str(), reward.cost), ("hydrate", 100));
    assert!(reward.global_cooldown_setting.is_enabled);
    let id = reward.id.clone();

    let updated = twitch
        .update_custom_reward(UpdateCustomReward {
            cost: Some(250),
            ..UpdateCustomReward::new(TWITCHDEV, id.clone())
        })
        .await
        .unwrap();
    assert_eq!(updated.data[0].cost, 250);
    assert_eq!(updated.data[0].title, "hydrate");

    let listed = twitch
        .get_custom_reward(GetCustomReward {
            reward_id: vec![id.clone()],
            ..GetCustomReward::new(TWITCHDEV)
        })
        .await
        .unwrap();
    assert_eq!(listed.data.len(), 1);
    assert_eq!(listed.data[0].cost, 250);

    twitch
        .delete_custom_reward(DeleteCustomReward::new(TWITCHDEV, id.clone()))
        .await
        .unwrap();
    let err = twitch
        .update_custom_reward(UpdateCustomReward {
            cost: Some(1),
            ..UpdateCustomReward::new(TWITCHDEV, id.clone())
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    let err = twitch
        .delete_custom_reward(DeleteCustomReward::new(TWITCHDEV, id))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[tokio::test]
async fn invalid_reward_arguments_send_nothing() {
    let mock = mock().await;
    let twitch = broadcaster(&mock).await;
    mock.clear_requests();
    for bad in [
        CreateCustomReward::new(TWITCHDEV, "x".repeat(46), "p", 1),
        CreateCustomReward::new(TWITCHDEV, "t", "p".repeat(201), 1),
        CreateCustomReward::new(TWITCHDEV, "t", "p", 0),
        CreateCustomReward {
            is_max_per_stream_enabled: Some(true),
            ..CreateCustomReward::new(TWITCHDEV, "t", "p", 1)
        },
    ] {
        let err = twitch.create_custom_reward(bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    }
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn redemptions_walk_and_change_status() {
    let mock = mock().await;
    let twitch = broadcaster(&mock).await;
    mock.clear_requests();
    let unfulfilled = || GetCustomRewardRedemption {
        status: Some(Status::Unfulfilled),
        first: Some(10),
        ..GetCustomRewardRedemption::new(TWITCHDEV, REWARD_ID)
    };
    let all: Vec<_> = twitch
        .paginate(unfulfilled(), None)
        .map(|r| r.unwrap())
        .collect()
        .await;
    assert_eq!(all.len(), UNFULFILLED_REDEMPTIONS);
    assert!(mock.count("GET", "/helix/channel_points/custom_rewards/redemptions") > 3);

    let ids: Vec<String> = all.iter().take(2).map(|r| r.id.clone()).collect();
    let changed = twitch
        .update_redemption_status(UpdateRedemptionStatus::new(
            TWITCHDEV,
            REWARD_ID,
            ids.clone(),
            Status::Fulfilled,
        ))
        .await
        .unwrap();
    assert_eq!(changed.data.len(), 2);
    assert!(changed.data.iter().all(|r| r.status == Status::Fulfilled));

    let left = twitch
        .paginate(unfulfilled(), None)
        .collect::<Vec<_>>()
        .await
        .len();
    assert_eq!(left, UNFULFILLED_REDEMPTIONS - 2);

    // Already fulfilled: no UNFULFILLED redemption matches any more.
    let err = twitch
        .update_redemption_status(UpdateRedemptionStatus::new(
            TWITCHDEV,
            REWARD_ID,
            ids,
            Status::Canceled,
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}
