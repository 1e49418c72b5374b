//! Moderators, bans, their event logs, and subscriptions.

use serde::Serialize;

/// A moderator of a channel, as in Get Moderators.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Moderator {
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    #[serde(skip)]
    pub broadcaster_id: String,
}

/// A banned or timed-out user, as in Get Banned Users.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BannedUser {
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    /// RFC3339, `""` for permanent bans.
    pub expires_at: String,
    pub created_at: String,
    pub reason: String,
    pub moderator_id: String,
    pub moderator_login: String,
    pub moderator_name: String,
    #[serde(skip)]
    pub broadcaster_id: String,
}

/// One entry of the (retired) moderation event logs.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ModerationEvent<T> {
    pub id: String,
    pub event_type: String,
    pub event_timestamp: String,
    pub version: String,
    pub event_data: T,
}

/// `event_data` of Get Moderator Events.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ModeratorEventData {
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub broadcaster_name: String,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
}

/// `event_data` of Get Banned Events.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BanEventData {
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub broadcaster_name: String,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    /// RFC3339, `""` for permanent bans and unbans.
    pub expires_at: String,
    pub reason: String,
    pub moderator_id: String,
    pub moderator_login: String,
    pub moderator_name: String,
}

/// A subscription, as in Get Broadcaster Subscriptions.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Subscription {
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub broadcaster_name: String,
    pub gifter_id: String,
    pub gifter_login: String,
    pub gifter_name: String,
    pub is_gift: bool,
    pub tier: String,
    pub plan_name: String,
    pub user_id: String,
    pub user_name: String,
    pub user_login: String,
}

impl Subscription {
    /// Subscriber points of the tier (1, 2 or 6).
    pub fn points(&self) -> u64 {
        match self.tier.as_str() {
            "3000" => 6,
            "2000" => 2,
            _ => 1,
        }
    }
}
