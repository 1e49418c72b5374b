//! Seeded custom rewards and redemptions (twitchdev's channel).

use time::{Duration, OffsetDateTime};

use crate::model::{
    CustomReward, Data, GlobalCooldown, MaxPerStream, MaxPerUserPerStream, Redemption, RewardImage,
    RewardSummary, User, CANCELED, FULFILLED, UNFULFILLED,
};
use crate::seeded::{
    CANCELED_REDEMPTION_ID, FOREIGN_REWARD_ID, REWARD_ID, REWARD_TITLE, UNFULFILLED_REDEMPTIONS,
};
use crate::state::uuid_like;

/// A reward of `owner` with Twitch's defaults.
pub(crate) fn new_reward(owner: &User, id: String, client_id: &str) -> CustomReward {
    CustomReward {
        broadcaster_name: owner.display_name.clone(),
        broadcaster_login: owner.login.clone(),
        broadcaster_id: owner.id.clone(),
        id,
        image: None,
        background_color: "#00E5CB".to_owned(),
        is_enabled: true,
        cost: 1,
        title: String::new(),
        prompt: String::new(),
        is_user_input_required: false,
        max_per_stream_setting: MaxPerStream::default(),
        max_per_user_per_stream_setting: MaxPerUserPerStream::default(),
        global_cooldown_setting: GlobalCooldown::default(),
        is_paused: false,
        is_in_stock: true,
        default_image: RewardImage::default_image(),
        should_redemptions_skip_request_queue: false,
        redemptions_redeemed_current_stream: None,
        cooldown_expires_at: None,
        client_id: client_id.to_owned(),
    }
}

fn redemption(
    reward: &CustomReward,
    id: String,
    user: &User,
    status: &str,
    at: OffsetDateTime,
) -> Redemption {
    Redemption {
        broadcaster_name: reward.broadcaster_name.clone(),
        broadcaster_login: reward.broadcaster_login.clone(),
        broadcaster_id: reward.broadcaster_id.clone(),
        id,
        user_id: user.id.clone(),
        user_login: user.login.clone(),
        user_name: user.display_name.clone(),
        user_input: String::new(),
        status: status.to_owned(),
        redeemed_at: at,
        reward: RewardSummary {
            id: reward.id.clone(),
            title: reward.title.clone(),
            prompt: reward.prompt.clone(),
            cost: reward.cost,
        },
    }
}

/// twitchdev's "game analysis" (this client) and "Hydrate!" (another client),
/// 35 UNFULFILLED, 3 FULFILLED and 2 CANCELED redemptions of the first.
pub(crate) fn seed(data: &mut Data, now: OffsetDateTime, client_id: &str) {
    let dev = data.users[0].clone();
    let mut reward = new_reward(&dev, REWARD_ID.to_owned(), client_id);
    reward.title = REWARD_TITLE.to_owned();
    reward.cost = 50_000;
    let mut hydrate = new_reward(&dev, FOREIGN_REWARD_ID.to_owned(), "another-client-id");
    hydrate.title = "Hydrate!".to_owned();
    hydrate.prompt = "Make the streamer drink some water.".to_owned();
    hydrate.cost = 500;
    hydrate.background_color = "#9147FF".to_owned();
    hydrate.is_user_input_required = true;
    let total = UNFULFILLED_REDEMPTIONS + 5;
    for k in 0..total {
        let user = &data.users[1 + k];
        let (id, status) = match k {
            0 => (CANCELED_REDEMPTION_ID.to_owned(), CANCELED),
            1 => (uuid_like(0x4ED0 + k as u64), CANCELED),
            2..=4 => (uuid_like(0x4ED0 + k as u64), FULFILLED),
            _ => (uuid_like(0x4ED0 + k as u64), UNFULFILLED),
        };
        let at = now - Duration::minutes(((total - k) * 17) as i64);
        data.redemptions
            .push(redemption(&reward, id, user, status, at));
    }
    data.rewards.push(reward);
    data.rewards.push(hydrate);
}
