//! Channel points: create a reward, walk its open redemptions page by page
//! (a `futures::Stream`), fulfil some, then remove the reward again.
//!
//! ```text
//! cargo run -p twitchapi-examples --example channel_points
//! ```
//!
//! Uses the embedded mock (authenticated as its partner "twitchdev", whose seeded
//! reward has open redemptions). Against the real Twitch set TWITCH_CLIENT_ID,
//! TWITCH_CLIENT_SECRET, TWITCH_USER_TOKEN, TWITCH_REFRESH_TOKEN and
//! TWITCH_BROADCASTER_ID (token scopes: channel:read:redemptions and
//! channel:manage:redemptions), and TWITCH_REWARD_ID for the reward to walk.

use futures::StreamExt;
use twitchapi::helix::channel_points::{
    CreateCustomReward, DeleteCustomReward, GetCustomRewardRedemption, UpdateRedemptionStatus,
};
use twitchapi::types::CustomRewardRedemptionStatus;
use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::{seeded, MockServer};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scopes = vec![
        AuthScope::ChannelReadRedemptions,
        AuthScope::ChannelManageRedemptions,
    ];
    let real = (
        env("TWITCH_CLIENT_ID"),
        env("TWITCH_CLIENT_SECRET"),
        env("TWITCH_USER_TOKEN"),
        env("TWITCH_REFRESH_TOKEN"),
        env("TWITCH_BROADCASTER_ID"),
        env("TWITCH_REWARD_ID"),
    );
    let (twitch, broadcaster, reward_id, _mock) = match real {
        (Some(id), Some(secret), Some(token), Some(refresh), Some(broadcaster), Some(reward)) => {
            let twitch = Twitch::new(id, secret);
            twitch.set_user_authentication(token, scopes, Some(refresh))?;
            (twitch, broadcaster, reward, None)
        }
        _ => {
            let mock = MockServer::start().await?;
            println!("using the mock Twitch server at {}", mock.url());
            let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
                .helix_url(mock.helix_url())
                .auth_url(mock.auth_url())
                .build()?;
            let issued = mock.issue_user_token(
                seeded::TWITCHDEV_ID,
                &["channel:read:redemptions", "channel:manage:redemptions"],
            );
            twitch.set_user_authentication(issued.access_token, scopes, issued.refresh_token)?;
            let ids = (
                seeded::TWITCHDEV_ID.to_owned(),
                seeded::REWARD_ID.to_owned(),
            );
            (twitch, ids.0, ids.1, Some(mock))
        }
    };

    // A new reward with a one-minute global cooldown.
    let reward = twitch
        .create_custom_reward(CreateCustomReward {
            is_global_cooldown_enabled: Some(true),
            global_cooldown_seconds: Some(60),
            background_color: Some("#00E5CB".into()),
            ..CreateCustomReward::new(broadcaster.clone(), "Hydrate", "Drink some water", 100)
        })
        .await?
        .data
        .remove(0);
    println!(
        "created reward {:?} ({}) costing {}",
        reward.title, reward.id, reward.cost
    );

    // Every open redemption of the existing reward, 10 per request.
    let open = GetCustomRewardRedemption {
        status: Some(CustomRewardRedemptionStatus::Unfulfilled),
        first: Some(10),
        ..GetCustomRewardRedemption::new(broadcaster.clone(), reward_id.clone())
    };
    let mut redemptions = twitch.paginate(open, None);
    let mut ids = Vec::new();
    while let Some(redemption) = redemptions.next().await {
        let redemption = redemption?;
        ids.push(redemption.id);
    }
    println!("{} open redemptions", ids.len());

    // Fulfil the oldest three.
    if !ids.is_empty() {
        ids.truncate(3);
        let done = twitch
            .update_redemption_status(UpdateRedemptionStatus::new(
                broadcaster.clone(),
                reward_id,
                ids,
                CustomRewardRedemptionStatus::Fulfilled,
            ))
            .await?;
        for redemption in &done.data {
            println!(
                "  {} by {}: {}",
                redemption.id, redemption.user_name, redemption.status
            );
        }
    }

    twitch
        .delete_custom_reward(DeleteCustomReward::new(broadcaster, reward.id))
        .await?;
    println!("deleted the new reward again");
    Ok(())
}
